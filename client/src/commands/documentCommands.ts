/** "Update Table of Contents", "Renumber References", "Fix All Problems in This Issue": one server edit each. */
import { ServerCommands, type EditCommandResult } from '../../../server/src/protocol/commandProtocol';
import { applyServerEdit, runServerCommand, writableMarkdownEditor, type ClientGetter } from './serverEdits';

export type DocumentCommand = typeof ServerCommands.updateToc | typeof ServerCommands.renumberReferences | typeof ServerCommands.fixAll;

export async function runDocumentCommand(getClient: ClientGetter, command: DocumentCommand): Promise<boolean> {
  const editor = await writableMarkdownEditor();
  if (!editor) return false;
  const version = editor.document.version;
  const result = await runServerCommand<EditCommandResult>(getClient, command, { uri: editor.document.uri.toString(), version });
  return applyServerEdit(getClient, editor, version, result);
}
