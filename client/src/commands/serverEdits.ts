/**
 * What every authoring command shares: finding a document it may change (and saying why not), asking
 * the server, and applying its answer as one undoable edit on the exact version it was made for.
 */
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { EditCommandResult } from '../../../server/src/protocol/commandProtocol';
import type { TextDocumentEdit } from 'vscode-languageserver-types';

export type ClientGetter = () => LanguageClient | undefined;

/** The active Markdown editor the command can change, or undefined after telling the user why not. */
export async function writableMarkdownEditor(): Promise<vscode.TextEditor | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a weekly issue (a Markdown file) in the editor first.'));
    return undefined;
  }
  if (await isReadonly(editor.document.uri)) {
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} is read-only: Weekly Issues cannot change it.', displayName(editor.document)));
    return undefined;
  }
  return editor;
}

async function isReadonly(uri: vscode.Uri): Promise<boolean> {
  if (uri.scheme === 'untitled') return false;
  if (vscode.workspace.fs.isWritableFileSystem(uri.scheme) === false) return true;
  if (uri.scheme === 'file') {
    // The permission bits (and flags such as immutable) as the OS applies them to this user; FileStat
    // reports only what the file system provider marks read-only.
    try {
      await fs.promises.access(uri.fsPath, fs.constants.W_OK);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') return true;
    }
  }
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    return ((stat.permissions ?? 0) & vscode.FilePermission.Readonly) !== 0;
  } catch {
    return false;
  }
}

export function displayName(doc: vscode.TextDocument): string {
  return doc.uri.scheme === 'untitled' ? doc.uri.path : vscode.workspace.asRelativePath(doc.uri);
}

/** Asks the server to run a command; undefined after telling the user the server is not there. */
export async function runServerCommand<T>(getClient: ClientGetter, command: string, args: object): Promise<T | undefined> {
  const client = getClient();
  if (!client || !client.isRunning()) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The Weekly Issues language server is not running; see the "Weekly Issues" output.'));
    return undefined;
  }
  return (await client.sendRequest('workspace/executeCommand', { command, arguments: [args] })) as T;
}

/**
 * Applies the server's edit as one undoable step, on the version it was computed for; moves the cursor
 * to its selection. Returns whether the document changed; tells the user why when it did not.
 */
export async function applyServerEdit(getClient: ClientGetter, editor: vscode.TextEditor, version: number, result: EditCommandResult | undefined): Promise<boolean> {
  if (!result) return false;
  if (result.error) {
    void vscode.window.showWarningMessage(result.error);
    return false;
  }
  if (result.unchanged || !result.edit) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Nothing to change: the issue is already up to date.'));
    return false;
  }
  const client = getClient()!;
  const doc = editor.document;
  if (doc.version !== version) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The document changed while the edit was being prepared; run the command again.'));
    return false;
  }
  const change = result.edit.documentChanges?.[0] as TextDocumentEdit | undefined;
  const edits = change?.edits ?? result.edit.changes?.[doc.uri.toString()] ?? [];
  const conv = client.protocol2CodeConverter;
  // editor.edit: every replacement in one undo stop, and it fails rather than merging into newer text.
  const ok = await editor.edit((builder) => {
    for (const e of edits) builder.replace(conv.asRange(e.range), e.newText);
  });
  if (!ok) {
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} could not be changed (it may be read-only or changed meanwhile).', displayName(doc)));
    return false;
  }
  if (result.selection) {
    const range = conv.asRange(result.selection);
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
  return true;
}
