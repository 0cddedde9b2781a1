/**
 * "New Paper Entries from Links…": several links (one per line or separated by spaces; pre-filled from the
 * clipboard when it holds links), looked up, then one section per paper found, in the links' order, as ONE
 * edit (one undo). Links that could not be looked up are named and left out; the rest still go in.
 */
import * as vscode from 'vscode';
import { ServerCommands, type EditCommandResult, type LookedUpEntry, type NewPaperEntriesArgs } from '../../../server/src/protocol/commandProtocol';
import { vscodeInputProvider } from './inputFlow';
import { isInputProvider, issueEditorWithTags } from './newPaperEntry';
import { linksIn, lookUpLinks } from './paperLookup';
import { applyServerEdit, runServerCommand, type ClientGetter } from './serverEdits';

export async function newPaperEntriesFromLinksCommand(getClient: ClientGetter, injected?: unknown): Promise<boolean> {
  const input = isInputProvider(injected) ? injected : vscodeInputProvider;
  const target = await issueEditorWithTags(getClient);
  if (!target) return false;
  const { editor } = target;
  const doc = editor.document;
  const clipboard = linksIn(await vscode.env.clipboard.readText().then((t) => t, () => ''), true);
  const answer = await input.text({
    title: vscode.l10n.t('New Paper Entries from Links'),
    step: 1,
    totalSteps: 1,
    canGoBack: false,
    prompt: vscode.l10n.t('Links to the papers, one per line or separated by spaces (arXiv, Hugging Face, GitHub, project pages)'),
    placeholder: 'https://arxiv.org/abs/2504.12626 https://github.com/owner/repo',
    value: clipboard?.join(' ') ?? '',
    validate: (x) => (linksIn(x, true) ? undefined : vscode.l10n.t('Enter one or more http(s) links or arXiv ids, separated by spaces.')),
  });
  if (typeof answer !== 'string') return false;
  const links = linksIn(answer, true)!;
  const entries = await lookUpLinks(getClient, doc, links);
  if (!entries) return false;
  return addEntries(getClient, editor, entries);
}

/** Adds the entries found as one edit; names the ones left out. Shared with the paste edit's fallback. */
export async function addEntries(getClient: ClientGetter, editor: vscode.TextEditor, entries: LookedUpEntry[]): Promise<boolean> {
  const found = entries.filter((e) => e.found);
  const missing = entries.filter((e) => !e.found).map((e) => e.input);
  if (found.length === 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('No paper could be looked up from these links: nothing was added.'));
    return false;
  }
  if (missing.length) void vscode.window.showWarningMessage(vscode.l10n.t('Not added (nothing found): {0}', missing.join(', ')));
  const doc = editor.document;
  const version = doc.version;
  const args: NewPaperEntriesArgs = { uri: doc.uri.toString(), version, entries: found.map(entryArgs) };
  const result = await runServerCommand<EditCommandResult>(getClient, ServerCommands.newPaperEntries, args);
  return applyServerEdit(getClient, editor, version, result);
}

export function entryArgs(e: LookedUpEntry): NewPaperEntriesArgs['entries'][number] {
  return { name: e.name, title: e.title, summary: e.summary, summaryDraft: e.summaryDraft, image: e.image, tags: e.tags, links: e.links };
}
