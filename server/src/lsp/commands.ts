/**
 * `workspace/executeCommand` for the authoring commands: the service computes the edit, this file checks
 * the document and its version, and answers with a WorkspaceEdit bound to that version. The client
 * applies it as one undoable step (and VS Code refuses it if the text changed in between).
 */
import type { CancellationToken, Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  applyEdits,
  authoringMessages as M,
  issueToggleEdits,
  runNewPaperEntries,
  runNewPaperEntry,
  runNewPaperEntryPrecheck,
  runRenumberReferences,
  runTagChoices,
  runUpdateToc,
  versionedEdit,
  type AuthoringResult,
  type WeeklyLanguageService,
} from '../service';
import { LineIndex } from '../service/util/lineIndex';
import {
  ServerCommands,
  type DocumentCommandArgs,
  type EditCommandResult,
  type KnownTagsResult,
  type NewPaperEntryArgs,
  type CheckLinksResult,
  type IssueStatus,
  type LookupPapersArgs,
  type LookupPapersResult,
  type NewPaperEntriesArgs,
} from '../protocol/commandProtocol';

export interface CommandHooks {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  service: WeeklyLanguageService;
  /** "Check Links in This Issue" (linkChecks.ts). */
  checkLinks?(doc: TextDocument): Promise<CheckLinksResult>;
  /** Paper lookups from links (paperLookups.ts). */
  lookupPapers?(doc: TextDocument, links: string[], token: CancellationToken): Promise<LookupPapersResult>;
  /** Loads the document's settings before a command reads them (the server's `loadConfig`). */
  prepare(uri: string): Promise<unknown>;
  log(message: string): void;
}

/** The ids to list in `executeCommandProvider.commands`. */
export const serverCommandIds: string[] = Object.values(ServerCommands);

export function registerCommands(hooks: CommandHooks): void {
  const { connection, documents, service } = hooks;

  /** The document at the version the client saw, or an error result saying why not. */
  async function documentFor(args: DocumentCommandArgs | undefined): Promise<TextDocument | EditCommandResult> {
    const doc = args && typeof args.uri === 'string' ? documents.get(args.uri) : undefined;
    if (!doc) return { error: service.t(M['authoring.noDocument']) };
    await hooks.prepare(doc.uri);
    const now = documents.get(doc.uri);
    if (!now || now.version !== args!.version) return { error: service.t(M['authoring.changed']) };
    return now;
  }

  function toResult(doc: TextDocument, result: AuthoringResult): EditCommandResult {
    if (!result.ok) return { error: result.message };
    if (result.edits.length === 0) return { unchanged: true };
    const model = service.getModel(doc);
    const edits = result.edits.map((e) => ({ range: model.lines.range(e.start, e.end), newText: e.newText }));
    const out: EditCommandResult = { edit: versionedEdit(doc, edits) };
    if (result.selection) {
      const after = new LineIndex(applyEdits(doc.getText(), result.edits));
      out.selection = { start: after.positionAt(result.selection.start), end: after.positionAt(result.selection.end) };
    }
    return out;
  }

  connection.onExecuteCommand(async (params, token): Promise<EditCommandResult | KnownTagsResult | CheckLinksResult | IssueStatus | LookupPapersResult | undefined> => {
    const args = params.arguments?.[0] as DocumentCommandArgs | undefined;
    try {
      const doc = await documentFor(args);
      if (!('getText' in doc)) return doc;
      const ctx = () => service.authoringContext(doc);
      switch (params.command) {
        case ServerCommands.newPaperEntry: {
          const a = args as NewPaperEntryArgs;
          const cursor = a.cursor ? service.getModel(doc).lines.offsetAt(a.cursor) : undefined;
          return toResult(doc, runNewPaperEntry(ctx(), { name: a.name, title: a.title, summary: a.summary, summaryDraft: a.summaryDraft, image: a.image, tags: a.tags, links: a.links, urls: a.urls, cursor }));
        }
        case ServerCommands.newPaperEntries: {
          const entries = (args as NewPaperEntriesArgs).entries;
          if (!Array.isArray(entries) || entries.length === 0) return { unchanged: true };
          return toResult(doc, runNewPaperEntries(ctx(), entries.map((e) => ({ name: e.name, title: e.title, summary: e.summary, summaryDraft: e.summaryDraft, image: e.image, tags: e.tags, links: e.links, urls: e.urls }))));
        }
        case ServerCommands.lookupPapers: {
          const links = (args as LookupPapersArgs).links;
          const valid = Array.isArray(links) ? links.filter((l): l is string => typeof l === 'string' && l.trim() !== '').map((l) => l.trim()) : [];
          if (!hooks.lookupPapers || valid.length === 0) return { entries: [] };
          return hooks.lookupPapers(doc, valid, token);
        }
        case ServerCommands.updateToc:
          return toResult(doc, runUpdateToc(ctx()));
        case ServerCommands.renumberReferences:
          return toResult(doc, runRenumberReferences(ctx()));
        case ServerCommands.fixAll: {
          if (!service.isIssue(doc)) return { error: service.t(M['authoring.notIssue']) };
          const edits = service.getFixAllEdits(doc);
          return edits.length ? { edit: versionedEdit(doc, edits) } : { unchanged: true };
        }
        case ServerCommands.issueStatus:
          return service.issueStatus(doc);
        case ServerCommands.toggleIssue:
          // The opposite of what the file is treated as now, written into its front matter.
          return toResult(doc, issueToggleEdits(doc.getText(), !service.issueStatus(doc).isIssue));
        case ServerCommands.checkLinks:
          return hooks.checkLinks ? hooks.checkLinks(doc) : undefined;
        case ServerCommands.knownTags: {
          const refusal = runNewPaperEntryPrecheck(ctx());
          return refusal ? { tags: [], error: refusal } : { tags: runTagChoices(ctx()), language: ctx().model.language };
        }
        default:
          return undefined;
      }
    } catch (err) {
      // A bug in a command must answer with a message, never take the server down.
      hooks.log(`command ${params.command} failed: ${(err as Error).stack ?? err}`);
      return { error: service.t(M['authoring.failed'], { command: params.command, reason: (err as Error).message }) };
    }
  });
}
