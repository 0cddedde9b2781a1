/**
 * "Paste as paper entry": pasting arXiv / Hugging Face / GitHub links on an empty line of a Markdown file
 * offers, next to the plain paste, to look them up and add one section per paper (with its TOC entry and
 * references) instead. The paste stays the default; the lookup runs only when this edit is chosen
 * (resolveDocumentPasteEdit), never on every paste. One link goes where the cursor is when it sits between
 * two papers (as New Paper Entry does); several go where New Paper Entry puts a paper, in order.
 */
import * as vscode from 'vscode';
import { ServerCommands, type EditCommandResult, type NewPaperEntriesArgs, type NewPaperEntryArgs } from '../../../server/src/protocol/commandProtocol';
import { entryArgs } from './newPaperEntriesFromLinks';
import { linksIn, lookUpLinks } from './paperLookup';
import { runServerCommand, type ClientGetter } from './serverEdits';

export const PASTE_KIND = vscode.DocumentDropOrPasteEditKind.Text.append('weekly', 'paperEntry');

class PaperEntryPasteEdit extends vscode.DocumentPasteEdit {
  constructor(
    readonly document: vscode.TextDocument,
    readonly links: string[],
    readonly cursor: vscode.Position,
  ) {
    super('', links.length === 1 ? vscode.l10n.t('Paste as paper entry') : vscode.l10n.t('Paste as {0} paper entries', links.length), PASTE_KIND);
  }
}

export function registerPasteAsPaperEntry(getClient: ClientGetter): vscode.Disposable {
  const provider: vscode.DocumentPasteEditProvider<PaperEntryPasteEdit> = {
    async provideDocumentPasteEdits(document, ranges, dataTransfer, _context, token) {
      // Only at a bare cursor on an empty line: between papers, not inside a paragraph or over a selection.
      if (ranges.length !== 1 || !ranges[0].isEmpty || document.lineAt(ranges[0].start.line).text.trim() !== '') return undefined;
      const text = await dataTransfer.get('text/plain')?.asString();
      if (!text || token.isCancellationRequested) return undefined;
      const links = linksIn(text, false);
      return links ? [new PaperEntryPasteEdit(document, links, ranges[0].start)] : undefined;
    },

    async resolveDocumentPasteEdit(edit, token) {
      const client = getClient();
      const entries = await lookUpLinks(getClient, edit.document, edit.links);
      if (!client || !entries || token.isCancellationRequested) return edit;
      const found = entries.filter((e) => e.found);
      if (found.length === 0) {
        void vscode.window.showWarningMessage(vscode.l10n.t('No paper could be looked up from these links: nothing was added.'));
        return edit;
      }
      const uri = edit.document.uri.toString();
      const version = edit.document.version;
      const result = found.length === 1
        ? await runServerCommand<EditCommandResult>(getClient, ServerCommands.newPaperEntry, { uri, version, ...entryArgs(found[0]), cursor: client.code2ProtocolConverter.asPosition(edit.cursor) } satisfies NewPaperEntryArgs)
        : await runServerCommand<EditCommandResult>(getClient, ServerCommands.newPaperEntries, { uri, version, entries: found.map(entryArgs) } satisfies NewPaperEntriesArgs);
      if (!result || result.error || !result.edit) {
        if (result?.error) void vscode.window.showWarningMessage(result.error);
        return edit;
      }
      edit.additionalEdit = await client.protocol2CodeConverter.asWorkspaceEdit(result.edit);
      return edit;
    },
  };
  return vscode.languages.registerDocumentPasteEditProvider({ language: 'markdown' }, provider, {
    providedPasteEditKinds: [PASTE_KIND],
    pasteMimeTypes: ['text/plain'],
  });
}
