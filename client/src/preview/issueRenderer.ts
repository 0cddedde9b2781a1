/**
 * Renders documents for the preview and the export in the extension host, with the service's renderer
 * in dist/render.js beside the extension's bundle. Why here and not over LSP: a keystroke's render needs no round trip and no
 * HTML serialized through JSON-RPC; the page shows exactly the text version it was rendered from; and the
 * preview keeps working while the server restarts. The cost is a second model of the previewed document
 * (a few ms, section-cached) beside the server's. Problems are computed by the same rules with the same
 * settings, so the header's counts and the anchor marks agree with the Problems panel.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { createLanguageService, isInside, type ServiceDocument, type ServiceHost, type WeeklyConfig } from '../../../server/src/service';
import { effectiveConfig } from '../configuration/effectiveConfig';
import type * as Render from '../../../server/src/service/render';
import { renderModule } from './renderer';

export interface RenderRequest {
  document: vscode.TextDocument;
  /** Rewrites a resolved image for the target (webview URI, path relative to an exported page). */
  image: (source: ReturnType<typeof Render.resolveImageSource>, src: string) => string | undefined;
  showProblems?: boolean;
}

export class IssueRenderer implements vscode.Disposable {
  private readonly configs = new Map<string, WeeklyConfig>();
  // The service's host (service/host.ts) in the extension host: VS Code's settings, folders and language, Node's fs.
  private readonly host: ServiceHost = {
    getConfig: (uri) => this.configFor(uri),
    workspaceRoots: () => (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath),
    locale: () => vscode.env.language,
    fileExists: (p) => {
      try {
        return fs.existsSync(p);
      } catch {
        return false;
      }
    },
  };
  private readonly service = createLanguageService(this.host);
  private readonly disposables: vscode.Disposable[] = [
    vscode.workspace.onDidCloseTextDocument((doc) => this.service.forget(doc.uri.toString())),
  ];

  configFor(uri: string): WeeklyConfig {
    let config = this.configs.get(uri);
    if (!config) {
      // As the server resolves it: defaults <- .weekly-issues.json <- the weekly.* the user set.
      config = effectiveConfig(vscode.Uri.parse(uri));
      this.configs.set(uri, config);
    }
    return config;
  }

  /** Settings changed: forget what was derived from them. */
  reset(): void {
    for (const uri of this.configs.keys()) this.service.forget(uri);
    this.configs.clear();
  }

  /** Where `/assets/…` resolves for a document: `weekly.siteRoot` (relative to its folder), else the folder. */
  siteRoot(document: vscode.TextDocument): string | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    const folderPath = folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined;
    const configured = this.configFor(document.uri.toString()).siteRoot;
    if (configured) return path.isAbsolute(configured) ? configured : folderPath && path.join(folderPath, configured);
    return folderPath;
  }

  render(request: RenderRequest): Render.RenderedIssue {
    const { document } = request;
    const doc: ServiceDocument = { uri: document.uri.toString(), version: document.version, getText: () => document.getText() };
    const context = { documentPath: document.uri.scheme === 'file' ? document.uri.fsPath : undefined, siteRoot: this.siteRoot(document) };
    const { renderDocument, resolveImageSource } = renderModule();
    return renderDocument(this.service, doc, {
      config: this.configFor(doc.uri),
      showProblems: request.showProblems,
      uiLocale: vscode.env.language, // the header is the editor's: VS Code's display language; the issue keeps its own
      imageSrc: (src) => request.image(resolveImageSource(src, context), src),
    });
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** Folders a webview may load local files from: the workspace folders, or the document's own folder without one. */
export function localRoots(document: vscode.TextDocument | undefined): vscode.Uri[] {
  const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri);
  if (folders.length > 0) return folders;
  return document?.uri.scheme === 'file' ? [vscode.Uri.file(path.dirname(document.uri.fsPath))] : [];
}

export function isUnder(file: string, roots: readonly vscode.Uri[]): boolean {
  return roots.some((r) => r.scheme === 'file' && isInside(file, r.fsPath));
}
