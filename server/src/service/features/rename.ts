/**
 * Rename a heading: the heading's text changes, every heading's slug is recomputed from the new text
 * (so duplicate suffixes move with it), and every link in the workspace whose heading got a new slug
 * follows; TOC entries that repeated the old heading text take the new one. Rename a tag: every use in
 * the workspace's tags fields. Anything else is refused with a message saying what can be renamed.
 */
import type { Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { targetAt } from './locate';
import { isValidTagName } from '../model/tags';
import type { Heading, IssueModel, Link } from '../model/types';
import { F } from './featureMessages';
import type { FeatureContext, ServiceDocument } from './context';
import { linksToHeading, tagUses } from './references';

export type PrepareRenameResult = { range: Range; placeholder: string } | { error: string };

export function prepareRename(ctx: FeatureContext, doc: ServiceDocument, position: Position): PrepareRenameResult {
  const model = ctx.model(doc);
  const target = targetAt(model, model.lines.offsetAt(position));
  if (target?.kind === 'heading') {
    const h = target.heading;
    if (h.contentEnd <= h.contentStart) return { error: ctx.t(F['rename.emptyHeading']) };
    return { range: model.lines.range(h.contentStart, h.contentEnd), placeholder: model.text.slice(h.contentStart, h.contentEnd) };
  }
  if (target?.kind === 'tag') {
    const t = target.tag;
    return { range: model.lines.range(t.start + 1, t.end), placeholder: t.name };
  }
  if (target?.kind === 'link' && target.link.fragment !== undefined) {
    return { error: ctx.t(F['rename.anchor']) };
  }
  return { error: ctx.t(F['rename.refusal']) };
}

export function getRenameEdits(ctx: FeatureContext, doc: ServiceDocument, position: Position, newName: string): WorkspaceEdit | { error: string } {
  const prepared = prepareRename(ctx, doc, position);
  if ('error' in prepared) return prepared;
  const model = ctx.model(doc);
  const target = targetAt(model, model.lines.offsetAt(position))!;
  if (target.kind === 'tag') return renameTag(ctx, doc, target.tag.name, newName);
  return renameHeading(ctx, doc, model, (target as { heading: Heading }).heading, newName);
}

function renameTag(ctx: FeatureContext, doc: ServiceDocument, oldName: string, newName: string): WorkspaceEdit | { error: string } {
  const name = newName.trim().replace(/^#/, '');
  if (!isValidTagName(name)) {
    return { error: `"${newName}" is not a tag name: use letters, digits, marks, "-", "_", "+" or "." (no spaces).` };
  }
  const changes: Record<string, TextEdit[]> = {};
  for (const use of tagUses(ctx, doc, oldName)) {
    const range = { start: { ...use.range.start, character: use.range.start.character + 1 }, end: use.range.end };
    (changes[use.uri] ??= []).push({ range, newText: name });
  }
  return { changes };
}

function renameHeading(ctx: FeatureContext, doc: ServiceDocument, model: IssueModel, heading: Heading, newName: string): WorkspaceEdit | { error: string } {
  const source = newName.replace(/\s+$/, '');
  if (!source.trim() || /[\r\n]/.test(source)) return { error: ctx.t(F['rename.oneLine']) };
  const text = model.text;
  const newText = text.slice(0, heading.contentStart) + source + text.slice(heading.contentEnd);
  const reparsed = ctx.parse(doc.uri, newText);
  if (reparsed.headings.length !== model.headings.length) return { error: ctx.t(F['rename.changesHeadings']) };
  const newHeading = reparsed.headings[heading.index];

  const changes: Record<string, TextEdit[]> = {};
  const add = (uri: string, m: IssueModel, start: number, end: number, value: string) =>
    (changes[uri] ??= []).push({ range: m.lines.range(start, end), newText: value });
  add(doc.uri, model, heading.contentStart, heading.contentEnd, source);

  // Every heading whose slug changes (the renamed one, and duplicates whose suffix moves): its links follow.
  for (const h of model.headings) {
    const newSlug = reparsed.headings[h.index].slug;
    const uses = linksToHeading(ctx, doc, model, h);
    for (const use of uses) {
      if (newSlug !== h.slug) {
        const place = fragmentPlace(use.model, use.link);
        if (place) add(use.uri, use.model, place.start, place.end, newSlug);
      }
      // A TOC entry that repeats the old heading text now names the new one.
      if (h === heading && use.uri === doc.uri && use.link.inToc && use.link.text.trim() === heading.text && use.link.textStart !== undefined) {
        add(doc.uri, model, use.link.textStart, use.link.textEnd!, newHeading.text);
      }
    }
  }
  for (const uri of Object.keys(changes)) changes[uri] = dedupe(changes[uri]);
  return { changes };
}

/** Where a link's `#fragment` is written (after the `#`): in the link itself, or in its definition. */
function fragmentPlace(model: IssueModel, link: Link): { start: number; end: number } | undefined {
  let start = link.destStart;
  let end = link.destEnd;
  if (link.kind === 'reference' && link.label !== undefined) {
    const def = model.definitions.find((d) => d.identifier === link.label);
    start = def?.destStart;
    end = def?.destEnd;
  }
  if (start === undefined || end === undefined) return undefined;
  const hash = model.text.indexOf('#', start);
  if (hash < 0 || hash >= end) return undefined;
  return { start: hash + 1, end };
}

/** One edit per range: two links sharing a definition must not edit it twice. */
function dedupe(edits: TextEdit[]): TextEdit[] {
  const seen = new Set<string>();
  return edits.filter((e) => {
    const key = `${e.range.start.line}:${e.range.start.character}-${e.range.end.line}:${e.range.end.character}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
