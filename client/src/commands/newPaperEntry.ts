/**
 * "New Paper Entry": a guided input (name, title, summary, tags, links), then the server's edit applied
 * as one undoable step with the cursor in the summary. Cancel at any step changes nothing. A link (or an
 * arXiv id) typed as the name is looked up first: the steps come pre-filled, and can all be accepted at once.
 */
import * as vscode from 'vscode';
import { classifyLink, isLookupInput, isValidTagName, type LinkKind, type PaperLinks } from '../../../server/src/service';
import { ServerCommands, type EditCommandResult, type KnownTagsResult, type LookedUpEntry, type NewPaperEntryArgs } from '../../../server/src/protocol/commandProtocol';
import { lookUpLinks } from './paperLookup';
import { BACK, runSteps, vscodeInputProvider, type InputProvider, type PickItem } from './inputFlow';
import { applyServerEdit, runServerCommand, writableMarkdownEditor, type ClientGetter } from './serverEdits';

export interface PaperAnswers {
  name: string;
  title: string;
  summary: string;
  tags: string[];
  links: PaperLinks;
  /** The summary is a lookup's abstract, unchanged: written as a draft. */
  summaryDraft?: boolean;
  image?: string;
}

/** Looks one link up; undefined when no lookup ran (the editor was told why). */
export type LinkLookup = (link: string) => Promise<LookedUpEntry | undefined>;

/** Whether an object passed to the command is an input provider (the end-to-end suite passes one). */
export function isInputProvider(x: unknown): x is InputProvider {
  return !!x && typeof (x as InputProvider).text === 'function' && typeof (x as InputProvider).pickMany === 'function';
}

/**
 * The editor a paper may be added to and the issue's known tags, asked first, so that a file that is no
 * issue is refused before any question; undefined after saying why not.
 */
export async function issueEditorWithTags(getClient: ClientGetter): Promise<{ editor: vscode.TextEditor; known: KnownTagsResult } | undefined> {
  const editor = await writableMarkdownEditor();
  if (!editor) return undefined;
  const doc = editor.document;
  const known = await runServerCommand<KnownTagsResult>(getClient, ServerCommands.knownTags, { uri: doc.uri.toString(), version: doc.version });
  if (!known) return undefined;
  if (known.error) {
    void vscode.window.showWarningMessage(known.error);
    return undefined;
  }
  return { editor, known };
}

export async function newPaperEntryCommand(getClient: ClientGetter, injected?: unknown): Promise<boolean> {
  const input = isInputProvider(injected) ? injected : vscodeInputProvider;
  const target = await issueEditorWithTags(getClient);
  if (!target) return false;
  const { editor, known } = target;
  const doc = editor.document;
  const answers = await askPaper(input, known, async (link) => (await lookUpLinks(getClient, doc, [link]))?.[0]);
  if (!answers) return false; // cancelled: nothing changed
  const version = doc.version;
  const args: NewPaperEntryArgs = {
    uri: doc.uri.toString(),
    version,
    name: answers.name,
    title: answers.title,
    summary: answers.summary,
    summaryDraft: answers.summaryDraft,
    image: answers.image,
    tags: answers.tags,
    links: answers.links,
    cursor: getClient()!.code2ProtocolConverter.asPosition(editor.selection.active),
  };
  const result = await runServerCommand<EditCommandResult>(getClient, ServerCommands.newPaperEntry, args);
  return applyServerEdit(getClient, editor, version, result);
}

const LINK_STEPS: Array<{ kind: LinkKind; prompt: () => string; placeholder: string }> = [
  { kind: 'project', prompt: () => vscode.l10n.t('Project page URL (optional; a pasted arXiv or GitHub URL goes to its own place)'), placeholder: 'https://…' },
  { kind: 'github', prompt: () => vscode.l10n.t('GitHub repository URL (optional)'), placeholder: 'https://github.com/owner/repo' },
  { kind: 'paper', prompt: () => vscode.l10n.t('Paper URL (optional; arXiv abs, pdf or html)'), placeholder: 'https://arxiv.org/abs/…' },
];

/** The guided input. Undefined when cancelled at any step. */
export async function askPaper(input: InputProvider, known: KnownTagsResult, lookup?: LinkLookup): Promise<PaperAnswers | undefined> {
  const a: PaperAnswers = { name: '', title: '', summary: '', tags: [], links: {} };
  const title = vscode.l10n.t('New Paper Entry');
  const total = 4 + LINK_STEPS.length;
  const oneLine = (v: string) => (/[\r\n]/.test(v) ? vscode.l10n.t('Keep it on one line.') : undefined);
  const url = (v: string) => (!v.trim() || classifyLink(v) ? undefined : vscode.l10n.t('Enter an http(s) URL, or leave it empty.'));
  // After the first step the title names the paper, so every prompt says whose it is.
  const info = (step: number) => ({ title: step > 1 && a.name ? vscode.l10n.t('New Paper Entry: {0}', a.name) : title, step, totalSteps: total, canGoBack: step > 1 });

  // "Add as found" after a lookup: the remaining steps keep the found values without asking.
  let acceptAll = false;
  let foundSummary: string | undefined;
  const ACCEPTED = 'accepted';

  const steps = [
    async () => {
      for (;;) {
        acceptAll = false;
        const v = await input.text({
          ...info(1),
          prompt: lookup
            ? vscode.l10n.t("The paper's short name (e.g. FramePack), or its arXiv / Hugging Face / GitHub link to look it up")
            : vscode.l10n.t("The paper's short name, as in its heading and references (e.g. FramePack)"),
          value: a.name,
          validate: (x) => (!x.trim() ? vscode.l10n.t('The paper needs a name.') : oneLine(x)),
        });
        if (typeof v !== 'string') return v;
        const text = v.trim();
        if (!lookup || /\s/.test(text) || !isLookupInput(text)) {
          a.name = text;
          return v;
        }
        const found = await lookup(text);
        if (!found?.found) {
          // Not found (the editor was told which service and why): keep the link, ask for the name.
          const kind = classifyLink(text);
          if (kind) placeLink(a.links, kind, text);
          a.name = '';
          continue;
        }
        fill(a, found);
        foundSummary = found.summary;
        const choice = await input.pickOne({
          ...info(1),
          title: vscode.l10n.t('New Paper Entry: {0}', a.name),
          placeholder: vscode.l10n.t('Found "{0}". Add it as found, or review each field?', a.title ? `${a.name}: ${a.title}` : a.name),
          items: [
            { value: 'add', label: vscode.l10n.t('Add as found'), description: a.tags.map((t) => `#${t}`).join(' '), picked: true },
            { value: 'review', label: vscode.l10n.t('Review each field') },
          ],
        });
        if (choice === undefined) return undefined;
        if (choice === BACK) continue;
        acceptAll = choice === 'add';
        return v;
      }
    },
    async () => {
      if (acceptAll) return ACCEPTED;
      const v = await input.text({
        ...info(2),
        prompt: vscode.l10n.t('Its one-line title (the heading becomes "{0}")', known.language === 'en' ? `${a.name}: …` : `${a.name}：…`),
        value: a.title,
        validate: (x) => (!x.trim() ? vscode.l10n.t('Enter a title.') : oneLine(x)),
      });
      if (typeof v === 'string') a.title = v.trim();
      return v;
    },
    async () => {
      if (acceptAll) return ACCEPTED;
      const v = await input.text({ ...info(3), prompt: vscode.l10n.t('A summary (optional; you can write it in the editor)'), value: a.summary, validate: () => undefined });
      if (typeof v === 'string') a.summary = v.trim();
      // Rewritten by the editor: no longer the abstract's draft.
      a.summaryDraft = !!foundSummary && a.summary === foundSummary.trim();
      return v;
    },
    async () => {
      if (acceptAll) return ACCEPTED;
      const items: PickItem[] = known.tags.map((t) => ({
        value: t.tag,
        label: `#${t.tag}`,
        // The shared ranking's first key, said in words (a bare ×2 left editors guessing).
        description: t.count === 1 ? vscode.l10n.t('1 paper') : t.count > 1 ? vscode.l10n.t('{0} papers', t.count) : undefined,
        picked: a.tags.includes(t.tag),
      }));
      for (const tag of a.tags) if (!items.some((i) => i.value === tag)) items.unshift({ value: tag, label: `#${tag}`, description: vscode.l10n.t('new tag'), picked: true });
      const v = await input.pickMany({
        ...info(4),
        placeholder: vscode.l10n.t('Tick tags; type a new one + Enter'),
        items,
        newItem: (text) => {
          const tag = text.trim().replace(/^#/, '');
          return isValidTagName(tag) ? { value: tag, label: `#${tag}`, description: vscode.l10n.t('new tag') } : undefined;
        },
      });
      if (Array.isArray(v)) a.tags = v;
      return v;
    },
    ...LINK_STEPS.map((s, i) => async () => {
      if (acceptAll) return ACCEPTED;
      const v = await input.text({ ...info(5 + i), prompt: s.prompt(), placeholder: s.placeholder, value: a.links[s.kind] ?? '', validate: url });
      if (typeof v !== 'string') return v;
      placeLink(a.links, s.kind, v.trim());
      return v;
    }),
  ];
  const done = await runSteps(steps);
  return done ? a : undefined;
}

/** A lookup's fields as the answers (the editor may still change each). */
function fill(a: PaperAnswers, e: LookedUpEntry): void {
  a.name = e.name;
  a.title = e.title ?? '';
  a.summary = e.summary?.trim() ?? '';
  a.summaryDraft = !!e.summaryDraft && !!a.summary;
  a.image = e.image;
  a.tags = [...e.tags];
  a.links = { ...a.links, ...e.links };
}

/**
 * Puts a URL typed into one slot where it belongs: an arXiv URL pasted as the project page becomes the
 * paper link (when that slot is still free), a GitHub repository becomes the GitHub link.
 */
export function placeLink(links: PaperLinks, slot: LinkKind, value: string): void {
  if (links[slot] !== undefined && links[slot] !== value) delete links[slot];
  if (!value) {
    delete links[slot];
    return;
  }
  const kind = classifyLink(value) ?? slot;
  const target = kind !== slot && !links[kind] ? kind : slot;
  links[target] = value;
}

export { BACK };
