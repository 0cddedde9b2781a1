/**
 * Go to definition: from a `#anchor` link to its heading, from `other.md#anchor` to the heading in that
 * file (through the index), from a reference-style link `[text][label]` to its definition.
 */
import type { Location, Position } from 'vscode-languageserver-types';
import { entryLines, headingSlugs, markdownFileLink } from '../indexing/indexEntry';
import { headingForFragment, targetAt } from './locate';
import type { FeatureContext, ServiceDocument } from './context';

export function getDefinition(ctx: FeatureContext, doc: ServiceDocument, position: Position): Location[] {
  const model = ctx.model(doc);
  const target = targetAt(model, model.lines.offsetAt(position));
  if (target?.kind !== 'link') return [];
  const link = target.link;
  if (link.kind === 'reference' && link.label !== undefined) {
    const definition = model.definitions.find((d) => d.identifier === link.label);
    if (definition) return [{ uri: doc.uri, range: model.lines.range(definition.start, definition.end) }];
  }
  if (link.fragment !== undefined) {
    const heading = headingForFragment(model, link.fragment);
    return heading ? [{ uri: doc.uri, range: model.lines.range(heading.start, heading.end) }] : [];
  }
  const file = markdownFileLink(link.url);
  const targetUri = file && ctx.index?.resolveLink(doc.uri, file.path);
  const entry = targetUri ? ctx.index?.get(targetUri) : undefined;
  if (!entry || !targetUri) return [];
  const lines = entryLines(entry);
  let line = 0;
  if (file!.fragment) {
    const slugs = headingSlugs(entry, ctx.slugStyle(targetUri));
    let i = slugs.indexOf(file!.fragment);
    if (i < 0) i = slugs.findIndex((s) => s.toLowerCase() === file!.fragment!.toLowerCase());
    if (i < 0) return [];
    line = entry.headings[i].line;
  }
  return [{ uri: targetUri, range: { start: { line, character: 0 }, end: { line, character: lines.lineText(line).length } } }];
}
