/**
 * Find references: of a heading (every link to it: `#slug` links in its document, `file.md#slug` links
 * in other files of the workspace) and of a tag (every use in a tags field, workspace-wide). Rename uses
 * the same searches.
 */
import type { Location, Position, Range } from 'vscode-languageserver-types';
import { entryLines, markdownFileLink } from '../indexing/indexEntry';
import { headingForFragment, targetAt } from './locate';
import type { Heading, IssueModel, Link } from '../model/types';
import type { FeatureContext, ServiceDocument } from './context';
import { isTagsLabel } from './locate';

export interface LinkUse {
  uri: string;
  model: IssueModel;
  link: Link;
  /** The fragment as it resolves (decoded). */
  fragment: string;
}

/** Every link that lands on `heading` of `doc`: in the document itself, then in other indexed files. */
export function linksToHeading(ctx: FeatureContext, doc: ServiceDocument, model: IssueModel, heading: Heading): LinkUse[] {
  const uses: LinkUse[] = [];
  for (const link of model.links) {
    if (link.kind === 'image' || link.fragment === undefined) continue;
    if (headingForFragment(model, link.fragment) === heading) uses.push({ uri: doc.uri, model, link, fragment: link.fragment });
  }
  const index = ctx.index;
  if (!index) return uses;
  for (const entry of index.all()) {
    if (entry.uri === doc.uri) continue;
    if (!entry.fileLinks.some((l) => l.fragment !== undefined && index.resolveLink(entry.uri, l.path) === doc.uri)) continue;
    const other = ctx.modelOfUri(entry.uri);
    if (!other) continue;
    for (const link of other.links) {
      if (link.kind === 'image') continue;
      const file = markdownFileLink(link.url);
      if (!file || file.fragment === undefined || index.resolveLink(entry.uri, file.path) !== doc.uri) continue;
      if (headingForFragment(model, file.fragment) === heading) uses.push({ uri: entry.uri, model: other, link, fragment: file.fragment });
    }
  }
  return uses;
}

export interface TagUse {
  uri: string;
  name: string;
  /** Offsets of `#name` in that file's text. */
  start: number;
  end: number;
  range: Range;
}

/** Every use of a tag in a tags field: this document's current text, then every other indexed file. */
export function tagUses(ctx: FeatureContext, doc: ServiceDocument, name: string): TagUse[] {
  const model = ctx.model(doc);
  const presets = ctx.config(doc.uri).presets;
  const uses: TagUse[] = [];
  for (const field of model.fields) {
    if (!isTagsLabel(field.label, presets)) continue;
    for (const t of field.tags) {
      if (t.name === name) uses.push({ uri: doc.uri, name, start: t.start, end: t.end, range: model.lines.range(t.start, t.end) });
    }
  }
  for (const entry of ctx.index?.all() ?? []) {
    if (entry.uri === doc.uri) continue;
    const mine = entry.tags.filter((t) => t.name === name);
    if (mine.length === 0) continue;
    const lines = entryLines(entry);
    for (const t of mine) uses.push({ uri: entry.uri, name, start: t.start, end: t.end, range: lines.range(t.start, t.end) });
  }
  return uses;
}

export function getReferences(ctx: FeatureContext, doc: ServiceDocument, position: Position, includeDeclaration: boolean): Location[] {
  const model = ctx.model(doc);
  const target = targetAt(model, model.lines.offsetAt(position));
  if (!target) return [];
  if (target.kind === 'tag') {
    return tagUses(ctx, doc, target.tag.name).map((u) => ({ uri: u.uri, range: u.range }));
  }
  let heading: Heading | undefined;
  if (target.kind === 'heading') heading = target.heading;
  else if (target.kind === 'link' && target.link.fragment !== undefined) heading = headingForFragment(model, target.link.fragment);
  if (!heading) return [];
  const locations: Location[] = [];
  if (includeDeclaration) locations.push({ uri: doc.uri, range: model.lines.range(heading.start, heading.end) });
  for (const use of linksToHeading(ctx, doc, model, heading)) {
    locations.push({ uri: use.uri, range: use.model.lines.range(use.link.start, use.link.end) });
  }
  return locations;
}
