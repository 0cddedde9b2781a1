/**
 * Document symbols: the issue (its `#` title) holding, as siblings in document order, its summary, TOC,
 * papers and reference list, whatever their heading levels (the reference list is often a `###` after
 * the last paper, and must not look like part of it); other headings nest under the heading above them.
 * A paper is shown by name with its tags as detail.
 */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { Heading, IssueModel, Paper } from '../model/types';
import type { FeatureContext, ServiceDocument } from './context';

export function getDocumentSymbols(ctx: FeatureContext, doc: ServiceDocument): DocumentSymbol[] {
  const model = ctx.model(doc);
  const papers = new Map<Heading, Paper>(model.papers.map((p) => [p.heading, p]));
  const structural = new Set<Heading | undefined>([model.toc?.heading, model.references?.heading, model.summaryHeading, ...papers.keys()]);
  structural.delete(undefined);
  // The issue's parts sit one level under its title, as if they were all `##`.
  const partLevel = (model.title?.level ?? 1) + 1;
  const levels = model.headings.map((h) => (h !== model.title && structural.has(h) ? partLevel : h.level));
  const ends = outlineEnds(model, levels);
  const roots: DocumentSymbol[] = [];
  const stack: Array<{ level: number; symbol: DocumentSymbol }> = [];
  for (const h of model.headings) {
    const level = levels[h.index];
    const symbol = headingSymbol(ctx, model, h, papers.get(h), structural.has(h), ends[h.index]);
    while (stack.length && stack[stack.length - 1].level >= level) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) (parent.symbol.children ??= []).push(symbol);
    else roots.push(symbol);
    stack.push({ level, symbol });
  }
  return roots;
}

function headingSymbol(ctx: FeatureContext, model: IssueModel, h: Heading, paper: Paper | undefined, isPart: boolean, end: number): DocumentSymbol {
  const isTitle = h === model.title;
  const name = (paper ? paper.name : h.text) || '(empty heading)';
  let kind: SymbolKind = SymbolKind.String;
  let detail: string | undefined;
  if (isTitle) {
    kind = SymbolKind.File;
    const count = model.papers.length;
    detail = ctx.t(count === 1 ? 'completion.paper' : 'completion.papers', { count });
  } else if (paper) {
    // A paper is a record with fields (summary, tags, links): Object says that; Class read as a type.
    kind = SymbolKind.Object;
    detail = paper.tags.map((t) => `#${t.name}`).join(' ') || undefined;
  } else if (isPart) {
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

/** Where each heading's outline range ends: before the next heading of its outline level or higher. */
function outlineEnds(model: IssueModel, levels: readonly number[]): number[] {
  const { headings, text } = model;
  const ends: number[] = new Array(headings.length);
  const stack: number[] = []; // indices of later headings, each of lower outline level than the one below it
  for (let i = headings.length - 1; i >= 0; i--) {
    while (stack.length && levels[stack[stack.length - 1]] > levels[i]) stack.pop();
    const next = stack[stack.length - 1];
    let end = next !== undefined ? headings[next].start : text.length;
    while (end > headings[i].end && /\s/.test(text[end - 1])) end--;
    ends[i] = end;
    stack.push(i);
  }
  return ends;
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
