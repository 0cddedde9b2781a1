/**
 * Completion: tags after `#` (from the workspace index, in the ranking of tagRanking.ts), anchors in
 * `(#` link targets (the document's headings, or another file's after `(other.md#`), reference labels
 * inside `[text][`, and a paper's field labels at the start of a line. Tag completion reads only the
 * current line and the index, never the whole document's model: it runs on every keystroke.
 */
import { CompletionItemKind, type CompletionItem, type CompletionList, type Position, type Range } from 'vscode-languageserver-types';
import { normalizeName, type IssueLanguage, type WeeklyConfig } from '../config/weeklyConfig';
import { aliasResolver } from '../model/knownTags';
import { headingSlugs } from '../indexing/indexEntry';
import { lineBounds, offsetOf, paperAt } from './locate';
import type { FeatureContext, ServiceDocument } from './context';
import { collectTagUses, compareTags, type TagUse } from './tagRanking';

const EMPTY: CompletionList = { isIncomplete: false, items: [] };
const TAG_CHARS = /[\p{L}\p{N}\p{M}_+.-]/u;
const TAG_BEFORE_CURSOR = /(^|[\s:：,，、;；(（])#([\p{L}\p{N}\p{M}_+.-]*)$/u;
const ANCHOR_BEFORE_CURSOR = /\]\(\s*<?([^()\s<>#]*)#([^()\s#]*)$/;
const LABEL_BEFORE_CURSOR = /\]\[([^[\]]*)$/;
const FIELD_LABEL_LINE = /^\s*(?:[-*+]\s+|>\s*)?(\*\*|__)(.+?)\1\s*[:：]?/;

export function getCompletions(ctx: FeatureContext, doc: ServiceDocument, position: Position): CompletionList {
  const text = doc.getText();
  const offset = offsetOf(text, position);
  const line = lineBounds(text, offset);
  const before = text.slice(line.start, offset);
  const after = text.slice(offset, line.end);
  // A range on the cursor's line, from `from` characters before the cursor to `to` characters after it.
  const rangeAround = (from: number, to: number): Range => ({
    start: { line: position.line, character: position.character - from },
    end: { line: position.line, character: position.character + to },
  });

  const anchor = before.match(ANCHOR_BEFORE_CURSOR);
  if (anchor) return anchorCompletions(ctx, doc, anchor[1], rangeAround(anchor[2].length, runLength(after, /[^()\s]/)));
  const label = before.match(LABEL_BEFORE_CURSOR);
  if (label) return labelCompletions(ctx, doc, rangeAround(label[1].length, runLength(after, /[^\]\s]/)));
  const config = ctx.config(doc.uri);
  const tag = before.match(TAG_BEFORE_CURSOR);
  if (tag) {
    const hashAt = before.length - tag[2].length - 1;
    const inTagsField = isTagsFieldLine(before, config);
    // A `#` that opens the line is a heading being written, unless the line is a tags field.
    if (inTagsField || before.slice(0, hashAt).trim() !== '') {
      const range = rangeAround(tag[2].length, runLength(after, TAG_CHARS));
      return tagCompletions(ctx, doc, offset - tag[2].length - 1, tag[2], range, tagsOnLine(before + after, hashAt));
    }
  }
  const partial = before.match(/^(\s*)(\*{0,2}[^\s*:：]*)$/);
  if (partial && !after.trim()) return fieldCompletions(ctx, doc, offset, rangeAround(partial[2].length, 0));
  return EMPTY;
}

function runLength(text: string, char: RegExp): number {
  let n = 0;
  for (const c of text) {
    if (!char.test(c)) break;
    n += c.length;
  }
  return n;
}

function isTagsFieldLine(lineText: string, config: WeeklyConfig): boolean {
  return tagsFieldLanguage(lineText, config) !== undefined;
}

/** The language whose tags label starts the line (`**标签**：` zh, `**Tags**:` en), if one does. */
function tagsFieldLanguage(lineText: string, config: WeeklyConfig): IssueLanguage | undefined {
  const m = lineText.match(FIELD_LABEL_LINE);
  if (!m) return undefined;
  const label = normalizeName(m[2]);
  return (['zh', 'en'] as const).find((lang) => config.presets[lang].tagsField.some((l) => normalizeName(l) === label));
}

type RankedTag = Omit<CompletionItem, 'textEdit'> & { filterText: string; textEditText: string };

/** The ranked list per index (or per service without one), reused while nothing it depends on changes. */
const rankedCaches = new WeakMap<object, { key: string; items: RankedTag[]; lower: string[] }>();

/**
 * At most this many tags go to the client at once: a workspace may know thousands, and the list crosses
 * the wire on every request. Past the cap, the list is filtered by what is typed and marked incomplete,
 * so the client asks again as the user types.
 */
const MAX_TAG_ITEMS = 200;

function tagCompletions(ctx: FeatureContext, doc: ServiceDocument, hashOffset: number, typed: string, range: Range, lineTags: ReadonlySet<string>): CompletionList {
  // This document's papers count too (the tag being typed does not: it is not a tag yet).
  const entry = ctx.index?.get(doc.uri);
  const own = (entry?.papers ?? []).map((p) => ({ name: p.name, tags: p.tags.filter((t) => t.start !== hashOffset).map((t) => t.name) }));
  const { tagVocabulary: vocabulary, tagAliases: aliases } = ctx.config(doc.uri);
  // The index knows an open document's language; else the tags label of the line tells it.
  const line = doc.getText().slice(lineBounds(doc.getText(), hashOffset).start, hashOffset);
  const language = entry?.language ?? tagsFieldLanguage(line, ctx.config(doc.uri)) ?? 'zh';
  const key = [ctx.index?.generation ?? -1, doc.uri, language, hashOffset, vocabulary.join('\n'), JSON.stringify(aliases), ctx.t('completion.papers', { count: 2 })].join('\0');
  const owner = ctx.index ?? ctx;
  let rankedCache = rankedCaches.get(owner);
  if (rankedCache?.key !== key) {
    const uses = collectTagUses(ctx.index?.all() ?? [], doc.uri, language, own);
    const items = rankTags(ctx, uses, vocabulary, aliases);
    rankedCache = { key, items, lower: items.map((i) => i.filterText.toLowerCase()) };
    rankedCaches.set(owner, rankedCache);
  }
  // One edit range for the whole list (LSP 3.17 itemDefaults): the cached items go out as they are, with
  // no per-keystroke copy of a thousand items. The server expands it for clients without itemDefaults.
  let { items: all, lower } = rankedCache;
  if (lineTags.size > 0) {
    // Tags already on the line are not offered again.
    const keep = all.map((i) => !lineTags.has(i.textEditText));
    all = all.filter((_, i) => keep[i]);
    lower = lower.filter((_, i) => keep[i]);
  }
  if (all.length <= MAX_TAG_ITEMS) return { isIncomplete: false, itemDefaults: { editRange: range }, items: all };
  // Letters in order, ignoring case: the same kind of match as the client's own filtering, so nothing it
  // would show is left out.
  const wanted = Array.from(typed.toLowerCase());
  const matching = wanted.length === 0 ? all : all.filter((_, i) => inOrder(lower[i], wanted));
  return { isIncomplete: true, itemDefaults: { editRange: range }, items: matching.length > MAX_TAG_ITEMS ? matching.slice(0, MAX_TAG_ITEMS) : matching };
}

function inOrder(name: string, wanted: string[]): boolean {
  let i = 0;
  for (const c of name) if (i < wanted.length && c === wanted[i]) i++;
  return i === wanted.length;
}

/** The tags written on a line (`#name`), but the one at `hashInLine` (being typed). */
function tagsOnLine(lineText: string, hashInLine: number): Set<string> {
  const names = new Set<string>();
  for (const m of lineText.matchAll(/(^|[\s:：,，、;；(（])#([\p{L}\p{N}\p{M}_+.-]+)/gu)) {
    if (m.index + m[1].length !== hashInLine) names.add(m[2]);
  }
  return names;
}

/**
 * The tags to offer, in the shared ranking (tagRanking.ts). With `tagAliases`, an alias is not offered as a
 * tag to use (tag-near-duplicate would report it): typing the alias finds its canonical tag instead, an
 * item that filters by the alias, inserts the canonical tag and ranks beside it.
 */
function rankTags(ctx: FeatureContext, uses: Map<string, TagUse>, vocabulary: readonly string[], aliases: Readonly<Record<string, string>>): RankedTag[] {
  const names = new Set(uses.keys());
  for (const word of vocabulary) {
    const name = word.replace(/^#/, '');
    if (name) names.add(name);
  }
  const canonicalOf = aliasResolver(aliases);
  // Also the alias's spellings that differ only in case, width or hyphens (#Diffusion for diffusion).
  for (const name of [...names]) if (canonicalOf(name) !== undefined) names.delete(name);
  const aliasesOf = new Map<string, string[]>();
  for (const [alias, canonical] of Object.entries(aliases)) {
    names.add(canonical);
    aliasesOf.set(canonical, [...(aliasesOf.get(canonical) ?? []), alias]);
  }
  const ranked = [...names].sort(compareTags(uses));
  const items: Array<Omit<RankedTag, 'sortText'>> = [];
  for (const name of ranked) {
    const use = uses.get(name);
    const count = use ? ctx.t(use.papers === 1 ? 'completion.paper' : 'completion.papers', { count: use.papers }) : ctx.t('completion.unused');
    const documentation = use ? { kind: 'markdown' as const, value: examplesText(ctx, use) } : undefined;
    const tag = { label: `#${name}`, kind: CompletionItemKind.Keyword, textEditText: name, ...(documentation ? { documentation } : {}) };
    items.push({ ...tag, detail: count, filterText: name });
    for (const alias of aliasesOf.get(name) ?? []) {
      items.push({ ...tag, labelDetails: { description: `#${alias}` }, detail: ctx.t('completion.aliasOf', { alias, count }), filterText: alias });
    }
  }
  const width = String(items.length).length;
  return items.map((item, i) => ({ ...item, sortText: String(i).padStart(width, '0') }));
}

/** "FramePack (2026-11-20), DreamID (this issue)": the first papers using a tag. */
function examplesText(ctx: FeatureContext, use: TagUse): string {
  const shown = use.examples.slice(0, 3).map((e) => `${e.paper} (${e.issue})`);
  const more = use.papers - shown.length;
  return ctx.t('completion.usedBy', { papers: shown.join(', ') }) + (more > 0 ? ctx.t('completion.more', { count: more }) : '');
}

/** A list for a client without `itemDefaults` support: each item gets its own text edit. */
export function expandItemDefaults(list: CompletionList): CompletionList {
  const range = list.itemDefaults?.editRange;
  if (!range) return list;
  const items = list.items.map(({ textEditText, ...item }) =>
    item.textEdit || textEditText === undefined ? item : { ...item, textEdit: 'insert' in range ? { ...range, newText: textEditText } : { range, newText: textEditText } },
  );
  return { isIncomplete: list.isIncomplete, items };
}

function anchorCompletions(ctx: FeatureContext, doc: ServiceDocument, linkPath: string, range: Range): CompletionList {
  let headings: Array<{ text: string; slug: string; level: number }>;
  if (linkPath === '' || linkPath === './') {
    headings = ctx.model(doc).headings;
  } else {
    const target = ctx.index?.resolveLink(doc.uri, decodeSafe(linkPath));
    const entry = target ? ctx.index?.get(target) : undefined;
    if (!entry) return EMPTY;
    const slugs = headingSlugs(entry, ctx.slugStyle(target!));
    headings = entry.headings.map((h, i) => ({ text: h.text, level: h.level, slug: slugs[i] }));
  }
  const width = String(headings.length).length;
  const items: CompletionItem[] = headings.map((h, i) => ({
    label: h.text || `#${h.slug}`,
    kind: CompletionItemKind.Reference,
    detail: `#${h.slug}`,
    labelDetails: { description: '#'.repeat(h.level) },
    sortText: String(i).padStart(width, '0'),
    filterText: h.slug,
    textEdit: { range, newText: h.slug },
  }));
  return { isIncomplete: false, items };
}

function labelCompletions(ctx: FeatureContext, doc: ServiceDocument, range: Range): CompletionList {
  const model = ctx.model(doc);
  const seen = new Set<string>();
  const items: CompletionItem[] = [];
  for (const d of model.definitions) {
    if (seen.has(d.identifier)) continue; // the first definition of a label wins
    seen.add(d.identifier);
    items.push({ label: d.label, kind: CompletionItemKind.Reference, detail: d.url, textEdit: { range, newText: d.label } });
  }
  return { isIncomplete: false, items };
}

/** At the start of a line inside a paper: the paper's field labels in the issue's language. */
function fieldCompletions(ctx: FeatureContext, doc: ServiceDocument, offset: number, range: Range): CompletionList {
  const model = ctx.model(doc);
  const paper = paperAt(model, offset);
  if (!paper || offset <= paper.heading.end) return EMPTY;
  const preset = ctx.config(doc.uri).presets[model.language];
  const separator = model.language === 'zh' ? '：' : ': ';
  const fields = [
    { role: 'summary', label: preset.summaryField[0], present: !!paper.summary },
    { role: 'tags', label: preset.tagsField[0], present: !!paper.tagsField },
  ];
  const items: CompletionItem[] = fields.map((f, i) => {
    const insert = `**${f.label}**${separator}`;
    return {
      label: insert,
      kind: CompletionItemKind.Property,
      detail: f.present ? `this paper already has its ${f.role} field` : `the paper's ${f.role} field`,
      sortText: `${f.present ? 1 : 0}${i}`,
      filterText: insert,
      textEdit: { range, newText: insert },
    };
  });
  return { isIncomplete: false, items };
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
