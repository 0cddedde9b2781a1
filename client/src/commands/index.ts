/** The "Weekly" authoring commands of the command palette and the editor title bar. */
import * as vscode from 'vscode';
import { ServerCommands } from '../../../server/src/protocol/commandProtocol';
import { runDocumentCommand } from './documentCommands';
import { checkLinksCommand } from './checkLinks';
import { newIssueCommand } from './newIssue';
import { newPaperEntryCommand } from './newPaperEntry';
import { newPaperEntriesFromLinksCommand } from './newPaperEntriesFromLinks';
import { registerPasteAsPaperEntry } from './pasteAsPaperEntry';
import type { ClientGetter } from './serverEdits';

export function registerAuthoringCommands(context: vscode.ExtensionContext, getClient: ClientGetter): void {
  const register = (id: string, run: (...args: unknown[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, run));
  // An optional argument is an input provider: the end-to-end suite scripts the steps with it.
  register('weekly.newPaperEntry', (input?: unknown) => newPaperEntryCommand(getClient, input));
  register('weekly.newPaperEntriesFromLinks', (input?: unknown) => newPaperEntriesFromLinksCommand(getClient, input));
  context.subscriptions.push(registerPasteAsPaperEntry(getClient));
  register('weekly.newIssue', (input?: unknown) => newIssueCommand(input));
  register('weekly.updateToc', () => runDocumentCommand(getClient, ServerCommands.updateToc));
  register('weekly.renumberReferences', () => runDocumentCommand(getClient, ServerCommands.renumberReferences));
  register('weekly.fixAll', () => runDocumentCommand(getClient, ServerCommands.fixAll));
  register('weekly.checkLinks', () => checkLinksCommand(getClient));
}
