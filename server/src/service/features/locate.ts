/** What stands at an offset of a document: a heading, a tag, a link, a reference definition. */
import type { IssueLanguage, LanguagePreset } from '../config/weeklyConfig';
import { matchesAny } from '../config/weeklyConfig';
import type { DefinitionFact, TagFact } from '../model/facts';
import type { Heading, IssueModel, Link, Paper } from '../model/types';
import { headingBySlugIgnoringCase } from '../model/anchorResolution';

export type Target =
  | { kind: 'heading'; heading: Heading }
  | { kind: 'tag'; tag: TagFact }
  | { kind: 'link'; link: Link }
  | { kind: 'definition'; definition: DefinitionFact };

export function targetAt(model: IssueModel, offset: number): Target | undefined {
  for (const f of model.fields) {
    if (offset < f.start || offset > f.end) continue;
    const tag = f.tags.find((t) => offset >= t.start && offset <= t.end);
    if (tag) return { kind: 'tag', tag };
  }
  // The innermost link: an image inside a link is hovered as the image.
  let link: Link | undefined;
  for (const l of model.links) {
    if (offset >= l.start && offset < l.end && (!link || l.end - l.start < link.end - link.start)) link = l;
  }
  if (link) return { kind: 'link', link };
  const heading = model.headings.find((h) => offset >= h.start && offset <= h.end);
  if (heading) return { kind: 'heading', heading };
  const definition = model.definitions.find((d) => offset >= d.start && offset <= d.end);
  if (definition) return { kind: 'definition', definition };
  return undefined;
}

/** The heading a `#fragment` lands on: exact slug first (as browsers do), else the same slug ignoring case. */
export function headingForFragment(model: IssueModel, fragment: string): Heading | undefined {
  const exact = model.anchors.get(fragment);
  if (exact && 'level' in exact) return exact;
  return headingBySlugIgnoringCase(model, fragment);
}

/** The paper whose section holds an offset. */
export function paperAt(model: IssueModel, offset: number): Paper | undefined {
  return model.papers.find((p) => offset >= p.start && offset < p.end);
}

/** The paper a reference entry belongs to: the longest paper name its text starts with (or contains). */
export function paperOfReference(model: IssueModel, text: string): Paper | undefined {
  const t = text.toLowerCase();
  const byLength = [...model.papers].sort((a, b) => b.name.length - a.name.length);
  return byLength.find((p) => p.name && t.startsWith(p.name.toLowerCase())) ?? byLength.find((p) => p.name && t.includes(p.name.toLowerCase()));
}

/** Whether a field label is the tags field in any preset. */
export function isTagsLabel(label: string, presets: Record<IssueLanguage, LanguagePreset>): boolean {
  return matchesAny(label, [...presets.zh.tagsField, ...presets.en.tagsField]);
}

/** A line's offset range in a text. */
export function lineBounds(text: string, offset: number): { start: number; end: number } {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  let end = offset;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return { start, end };
}

/** A position's offset, without building a line index (completion runs on every keystroke). */
export function offsetOf(text: string, position: { line: number; character: number }): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) {
    let i = offset;
    while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    if (i >= text.length) return text.length;
    offset = text[i] === '\r' && text[i + 1] === '\n' ? i + 2 : i + 1;
  }
  const { end } = lineBounds(text, offset);
  return Math.min(offset + position.character, end);
}
