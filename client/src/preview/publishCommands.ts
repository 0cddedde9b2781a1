/**
 * Copy for WeChat and Export for Email: the server publishes the document (`weekly/publish`, with the
 * service's check of what would reach readers broken); this file asks before going on when something
 * would, and writes the files. The clipboard part of Copy for WeChat is the preview's (previewPanel.ts):
 * VS Code's clipboard API carries plain text only, and a webview can put `text/html` there on a click.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PublishRequestMethod, type PublishParams, type PublishResult } from '../../../server/src/protocol/commandProtocol';

export type ClientGetter = () => LanguageClient | undefined;
export type PublishTarget = PublishParams['target'];

/** How many findings the warning lists by name before "and N more". */
const LISTED_FINDINGS = 5;

/** The document published by the server, or undefined after telling the user why not. */
export async function requestPublish(getClient: ClientGetter, document: vscode.TextDocument, target: PublishTarget): Promise<PublishResult | undefined> {
  const client = getClient();
  if (!client || !client.isRunning()) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The Weekly Issues language server is not running; see the "Weekly Issues" output.'));
    return undefined;
  }
  const params: PublishParams = { uri: document.uri.toString(), target };
  const result = (await client.sendRequest(PublishRequestMethod, params)) as PublishResult;
  if (result.error || result.html === undefined) {
    void vscode.window.showWarningMessage(result.error ?? vscode.l10n.t('Nothing to publish.'));
    return undefined;
  }
  return result;
}

/**
 * True when there is nothing that would reach readers broken, or the user chose to go on anyway (a modal
 * warning listing the first few findings with their lines).
 */
export async function confirmFindings(result: PublishResult, action: 'copy' | 'export'): Promise<boolean> {
  const findings = result.findings ?? [];
  if (findings.length === 0) return true;
  const lines = findings.slice(0, LISTED_FINDINGS).map((f) => vscode.l10n.t('Line {0}: {1}', f.line, f.message));
  if (findings.length > LISTED_FINDINGS) lines.push(vscode.l10n.t('…and {0} more.', findings.length - LISTED_FINDINGS));
  const go = action === 'copy' ? vscode.l10n.t('Copy anyway') : vscode.l10n.t('Export anyway');
  const title = vscode.l10n.t('{0} problem(s) would reach readers', findings.length);
  const choice = await vscode.window.showWarningMessage(title, { modal: true, detail: lines.join('\n') }, go);
  return choice === go;
}

/** The Markdown document a publish command is for: the given one, the active editor's, or the previewed one. */
export async function publishDocument(uri: vscode.Uri | undefined, previewed: vscode.Uri | undefined): Promise<vscode.TextDocument | undefined> {
  const active = vscode.window.activeTextEditor?.document;
  const target = uri ?? (active?.languageId === 'markdown' ? active.uri : previewed);
  if (!target) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a weekly issue (a Markdown file) in the editor first.'));
    return undefined;
  }
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString()) ?? (await vscode.workspace.openTextDocument(target));
}

/** Weekly: Export for Email: the page (.html) and its plain-text part (.txt) beside it. */
export async function exportForEmail(getClient: ClientGetter, document: vscode.TextDocument, chosen?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const result = await requestPublish(getClient, document, 'email');
  if (!result || !(await confirmFindings(result, 'export'))) return undefined;
  const base = document.uri.scheme === 'file' ? document.uri.fsPath.replace(/\.(md|markdown)$/i, '') : undefined;
  const target =
    chosen ??
    (await vscode.window.showSaveDialog({
      defaultUri: base ? vscode.Uri.file(base + '.email.html') : undefined,
      filters: { HTML: ['html', 'htm'] },
      saveLabel: vscode.l10n.t('Export'),
      title: vscode.l10n.t('Export for Email'),
    }));
  if (!target) return undefined;
  const textTarget = target.with({ path: target.path.replace(/\.html?$/i, '') + '.txt' });
  await vscode.workspace.fs.writeFile(target, Buffer.from(result.page ?? '', 'utf8'));
  await vscode.workspace.fs.writeFile(textTarget, Buffer.from(result.text ?? '', 'utf8'));
  void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0} and {1} for email.', path.basename(target.path), path.basename(textTarget.path)));
  return target;
}

/**
 * The fallback of Copy for WeChat when the preview's button cannot reach the clipboard: the WeChat page
 * in the browser, where Ctrl+A, Ctrl+C copies it as rich text. A temp file: nothing lands in the workspace.
 */
export async function openWechatInBrowser(getClient: ClientGetter, document: vscode.TextDocument): Promise<void> {
  const result = await requestPublish(getClient, document, 'wechat');
  if (!result || !(await confirmFindings(result, 'copy'))) return;
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'weekly-wechat-'));
  const file = path.join(dir, path.basename(document.uri.path).replace(/\.(md|markdown)$/i, '') + '.wechat.html');
  await fs.promises.writeFile(file, result.page ?? '');
  await vscode.env.openExternal(vscode.Uri.file(file));
  void vscode.window.showInformationMessage(vscode.l10n.t('The WeChat page is open in your browser: press Ctrl+A, then Ctrl+C, and paste into the WeChat editor.'));
}

/** What the preview's Copy for WeChat button asks of the extension (previewPanel.ts). */
export interface WechatCopier {
  /** The HTML to put on the clipboard, or undefined: called off (no server, the user said no). */
  prepare(document: vscode.TextDocument): Promise<string | undefined>;
  copied(): void;
  failed(document: vscode.TextDocument, error: string): void;
}

export function wechatCopier(getClient: ClientGetter): WechatCopier {
  return {
    async prepare(document) {
      const result = await requestPublish(getClient, document, 'wechat');
      return result && (await confirmFindings(result, 'copy')) ? result.html : undefined;
    },
    copied() {
      void vscode.window.showInformationMessage(vscode.l10n.t('Copied for WeChat: paste it into the WeChat editor.'));
    },
    failed(document, error) {
      const open = vscode.l10n.t('Open in Browser');
      void vscode.window
        .showWarningMessage(vscode.l10n.t('The preview could not write to the clipboard ({0}). Open the WeChat page in your browser and copy it there?', error), open)
        .then((choice) => (choice === open ? openWechatInBrowser(getClient, document) : undefined));
    },
  };
}
