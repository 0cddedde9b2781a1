/**
 * The status bar says whether the active Markdown file is treated as a weekly issue and why (the server
 * decides: front matter, `weekly.issueFiles`, or the file's shape); clicking it runs "Toggle Weekly Issue",
 * which writes `weekly: true|false` into the file's front matter. Front matter rather than a setting:
 * the choice travels with the file (the CLI, the index and every editor of the repository see it), it is
 * one undoable edit, and the file's own word beats both the globs and the heuristic.
 */
import * as vscode from 'vscode';
import { ServerCommands, type EditCommandResult, type IssueStatus } from '../../../server/src/protocol/commandProtocol';
import { applyServerEdit, runServerCommand, writableMarkdownEditor, type ClientGetter } from '../commands/serverEdits';

export const TOGGLE_ISSUE_COMMAND = 'weekly.toggleIssue';

export function registerIssueStatus(context: vscode.ExtensionContext, getClient: ClientGetter): void {
  const item = vscode.window.createStatusBarItem('weekly.issueStatus', vscode.StatusBarAlignment.Right, 100);
  item.name = vscode.l10n.t('Weekly Issues: is this file an issue');
  item.command = TOGGLE_ISSUE_COMMAND;
  let timer: NodeJS.Timeout | undefined;
  let asked = 0;

  async function refresh(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const doc = editor?.document;
    const client = getClient();
    if (!doc || doc.languageId !== 'markdown' || (doc.uri.scheme !== 'file' && doc.uri.scheme !== 'untitled')) {
      item.hide();
      return;
    }
    if (!client?.isRunning()) return;
    const ask = ++asked;
    let status: IssueStatus | { error: string } | undefined;
    try {
      status = await client.sendRequest('workspace/executeCommand', { command: ServerCommands.issueStatus, arguments: [{ uri: doc.uri.toString(), version: doc.version }] });
    } catch {
      return; // the server restarts or stops: the next event asks again
    }
    // An older answer, or one for a version the server had not seen yet (the next change asks again).
    if (ask !== asked || !status || 'error' in status || vscode.window.activeTextEditor?.document !== doc) return;
    item.text = `${status.isIssue ? '$(book)' : '$(circle-slash)'} ${reasonText(status)}`;
    item.tooltip = status.isIssue
      ? vscode.l10n.t('Click to stop treating this file as a weekly issue (writes weekly: false into its front matter).')
      : vscode.l10n.t('Click to treat this file as a weekly issue (writes weekly: true into its front matter).');
    item.show();
  }

  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void refresh(), 300);
  };
  context.subscriptions.push(
    item,
    { dispose: () => clearTimeout(timer) },
    vscode.window.onDidChangeActiveTextEditor(soon),
    vscode.workspace.onDidChangeTextDocument((e) => e.document === vscode.window.activeTextEditor?.document && soon()),
    // The server publishes a version's diagnostics once it has that version: its status is then current.
    vscode.languages.onDidChangeDiagnostics((e) => e.uris.some((u) => u.toString() === vscode.window.activeTextEditor?.document.uri.toString()) && soon()),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('weekly') && soon()),
    vscode.commands.registerCommand(TOGGLE_ISSUE_COMMAND, async () => {
      const editor = await writableMarkdownEditor();
      if (!editor) return false;
      const version = editor.document.version;
      const result = await runServerCommand<EditCommandResult>(getClient, ServerCommands.toggleIssue, { uri: editor.document.uri.toString(), version });
      const changed = await applyServerEdit(getClient, editor, version, result);
      soon();
      return changed;
    }),
  );
  soon();
}

/** The status bar's words for the server's reason; literal calls, so the l10n test finds each one. */
function reasonText(status: IssueStatus): string {
  switch (status.reason) {
    case 'frontMatter': return vscode.l10n.t('Weekly issue: front matter weekly: true');
    case 'issueFiles': return vscode.l10n.t('Weekly issue: listed in weekly.issueFiles');
    case 'shape': return vscode.l10n.t('Weekly issue: TOC, references and fields');
    case 'shapeNoPapers': return vscode.l10n.t('Weekly issue: TOC and references, no papers yet');
    case 'frontMatterOff': return vscode.l10n.t('Not an issue: front matter weekly: false');
    case 'noToc': return vscode.l10n.t('Not an issue: no TOC heading');
    case 'noReferences': return vscode.l10n.t('Not an issue: no reference list heading');
    case 'noTocNoReferences': return vscode.l10n.t('Not an issue: no TOC or reference list');
    case 'noFields': return vscode.l10n.t('Not an issue: no paper fields');
  }
}
