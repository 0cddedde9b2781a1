/** "Check Links in This Issue": the server checks the reference list's links (with its own cancellable progress). */
import * as vscode from 'vscode';
import { ServerCommands, type CheckLinksResult } from '../../../server/src/protocol/commandProtocol';
import { runServerCommand, type ClientGetter } from './serverEdits';

export async function checkLinksCommand(getClient: ClientGetter): Promise<CheckLinksResult | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a weekly issue (a Markdown file) in the editor first.'));
    return undefined;
  }
  const result = await runServerCommand<CheckLinksResult>(getClient, ServerCommands.checkLinks, { uri: editor.document.uri.toString(), version: editor.document.version });
  if (!result) return undefined;
  if (result.error) void vscode.window.showWarningMessage(result.error);
  else {
    const summary = vscode.l10n.t('{0} links checked: {1} dead, {2} moved, {3} not verified.', result.checked ?? 0, result.dead ?? 0, result.moved ?? 0, result.unverified ?? 0);
    void vscode.window.showInformationMessage(result.cancelled ? vscode.l10n.t('Link check cancelled. {0}', summary) : summary);
  }
  return result;
}
