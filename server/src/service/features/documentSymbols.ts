/**
 * Document symbols: the issue (its `#` title) holding its sections; a paper's section is shown as the
 * paper, by name, with its tags as detail; deeper headings nest under the heading above them.
 */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { Heading, IssueModel, Paper } from '../model/types';
import type { FeatureContext, ServiceDocument } from './context';

export function getDocumentSymbols(ctx: FeatureContext, doc: ServiceDocument): DocumentSymbol[] {
  const model = ctx.model(doc);
  const papers = new Map<Heading, Paper>(model.papers.map((p) => [p.heading, p]));
  const roots: DocumentSymbol[] = [];
  const stack: Array<{ level: number; symbol: DocumentSymbol }> = [];
  for (const h of model.headings) {
    const symbol = headingSymbol(model, h, papers.get(h));
    while (stack.length && stack[stack.length - 1].level >= h.level) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) (parent.symbol.children ??= []).push(symbol);
    else roots.push(symbol);
    stack.push({ level: h.level, symbol });
  }
  return roots;
}

function headingSymbol(model: IssueModel, h: Heading, paper: Paper | undefined): DocumentSymbol {
  const end = sectionEnd(model, h);
  const isTitle = h === model.title;
  const name = (paper ? paper.name : h.text) || '(empty heading)';
  let kind: SymbolKind = SymbolKind.String;
  let detail: string | undefined;
  if (isTitle) {
    kind = SymbolKind.File;
    detail = `${model.papers.length} papers`;
  } else if (paper) {
    kind = SymbolKind.Class;
    detail = paper.tags.map((t) => `#${t.name}`).join(' ') || undefined;
  } else if (h === model.toc?.heading || h === model.references?.heading || h === model.summaryHeading) {
    kind = SymbolKind.Namespace;
  }
  return {
    name,
    detail,
    kind,
    range: model.lines.range(h.start, end),
    selectionRange: model.lines.range(h.start, h.end),
    children: [],
  };
}

/** A heading's section ends where the next heading of the same or a higher level starts. */
export function sectionEnd(model: IssueModel, h: Heading): number {
  let ends = sectionEnds.get(model);
  if (!ends) {
    ends = computeSectionEnds(model);
    sectionEnds.set(model, ends);
  }
  return ends[h.index];
}

const sectionEnds = new WeakMap<IssueModel, number[]>();

/** Every heading's section end in one backward pass (a per-heading search is quadratic in headings). */
function computeSectionEnds(model: IssueModel): number[] {
  const { headings, text } = model;
  const ends: number[] = new Array(headings.length);
  const stack: Heading[] = []; // headings after the current one, each of lower level than the one below it
  for (let i = headings.length - 1; i >= 0; i--) {
    const h = headings[i];
    while (stack.length && stack[stack.length - 1].level > h.level) stack.pop();
    const next = stack[stack.length - 1];
    let end = next ? next.start : text.length;
    while (end > h.end && /\s/.test(text[end - 1])) end--;
    ends[i] = end;
    stack.push(h);
  }
  return ends;
}
