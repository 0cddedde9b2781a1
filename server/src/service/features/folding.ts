/** Folding ranges: one per section, from its heading to the last non-blank line before the next heading of its level or higher. */
import type { FoldingRange } from 'vscode-languageserver-types';
import type { FeatureContext, ServiceDocument } from './context';
import { sectionEnd } from './documentSymbols';

export function getFoldingRanges(ctx: FeatureContext, doc: ServiceDocument): FoldingRange[] {
  const model = ctx.model(doc);
  const ranges: FoldingRange[] = [];
  for (const h of model.headings) {
    const startLine = model.lines.positionAt(h.start).line;
    const endLine = model.lines.positionAt(sectionEnd(model, h)).line;
    if (endLine > startLine) ranges.push({ startLine, endLine });
  }
  return ranges;
}
