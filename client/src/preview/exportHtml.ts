/** "Export Issue as HTML": the preview's renderer, written as one standalone page next to the issue. */
import * as path from 'path';
import * as vscode from 'vscode';
import { renderModule } from './renderer';
import type { IssueRenderer } from './issueRenderer';

export async function exportIssueAsHtml(document: vscode.TextDocument, renderer: IssueRenderer): Promise<vscode.Uri | undefined> {
  const base = document.uri.scheme === 'file' ? document.uri.fsPath.replace(/\.(md|markdown)$/i, '') : undefined;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const defaultUri = base ? vscode.Uri.file(base + '.html') : folder && vscode.Uri.joinPath(folder, 'issue.html');
  const target = await vscode.window.showSaveDialog({
    defaultUri,
    filters: { HTML: ['html', 'htm'] },
    saveLabel: vscode.l10n.t('Export'),
    title: vscode.l10n.t('Export Issue as HTML'),
  });
  if (!target) return undefined;
  return writeExport(document, renderer, target);
}

/** Renders and writes the page; split from the dialog so tests can call it with a target. */
export async function writeExport(document: vscode.TextDocument, renderer: IssueRenderer, target: vscode.Uri): Promise<vscode.Uri> {
  const pageDir = target.scheme === 'file' ? path.dirname(target.fsPath) : undefined;
  // Local images are written relative to the page, so it shows them where it is saved.
  const rendered = renderer.render({
    document,
    image: (source, src) => (source.kind === 'local' && pageDir ? renderModule().relativeImageUrl(pageDir, source.path) : src),
  });
  const { buildPage, createNonce } = renderModule();
  const html = buildPage({
    title: rendered.title || path.basename(document.uri.path),
    lang: rendered.lang,
    bodyHtml: rendered.html,
    nonce: createNonce(),
  });
  await vscode.workspace.fs.writeFile(target, Buffer.from(html, 'utf8'));
  const open = vscode.l10n.t('Open in Browser');
  void vscode.window
    .showInformationMessage(vscode.l10n.t('Exported {0} ({1} errors, {2} warnings).', path.basename(target.path), rendered.counts.errors, rendered.counts.warnings), open)
    .then((choice) => choice === open && vscode.env.openExternal(target));
  return target;
}
