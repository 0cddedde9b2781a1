/**
 * Which papers of an issue were covered before: in an earlier issue of the workspace (by identity), or
 * earlier in the same issue (by identity or short name). One answer for the rule (rules/paperRepeat.ts),
 * the hover (features/hover.ts) and ref-missing, which leaves a same-issue repeat alone.
 */
import { looseName } from '../edits/referenceBuilder';
import type { IssueModel, Paper } from '../model/types';
import type { CatalogPaper, IssueCatalog } from './issueCatalog';
import { dateInFileName, paperIdentities, type IssueOrder } from './paperIdentities';
import { sameItems } from '../util/memo';

export interface PaperRepeat {
  paper: Paper;
  /** The earlier coverage: another issue's paper, or (same issue) the earlier paper's heading. */
  earlier: CatalogPaper;
  sameIssue: boolean;
  /** The identity they share (`arxiv:2504.12626`), or undefined when only the short name is shared. */
  identity?: string;
}

const sameIssueByModel = new WeakMap<IssueModel, PaperRepeat[]>();

/** Papers that repeat an earlier paper of the same issue: the same identity or the same short name. */
/** (Their `earlier.uri` is '': this document.) */
export function sameIssueRepeats(model: IssueModel): PaperRepeat[] {
  let out = sameIssueByModel.get(model);
  if (out) return out;
  out = [];
  const identities = paperIdentities(model);
  // Most issues repeat nothing: while the papers' names and identities are the last ones (a keystroke in a
  // summary keeps them), that is still the answer, without walking every paper's identities again.
  const names = model.papers.map((paper) => paper.name);
  if (lastWithout && sameItems(lastWithout.identities, identities) && sameItems(lastWithout.names, names)) {
    sameIssueByModel.set(model, out);
    return out;
  }
  const firstById = new Map<string, Paper>();
  const firstByName = new Map<string, Paper>();
  model.papers.forEach((paper, i) => {
    const name = looseName(paper.name);
    let earlier: Paper | undefined;
    let identity: string | undefined;
    for (const id of identities[i]) {
      const first = firstById.get(id);
      if (first && (!earlier || first.start < earlier.start)) [earlier, identity] = [first, id];
    }
    const named = name ? firstByName.get(name) : undefined;
    if (named && (!earlier || named.start < earlier.start)) [earlier, identity] = [named, undefined];
    for (const id of identities[i]) if (!firstById.has(id)) firstById.set(id, paper);
    if (name && !firstByName.has(name)) firstByName.set(name, paper);
    if (earlier) out!.push({ paper, earlier: located('', model.frontMatterDate, earlier), sameIssue: true, identity });
  });
  sameIssueByModel.set(model, out);
  lastWithout = out.length === 0 ? { names, identities } : undefined;
  return out;
}
/** The names and identities (paperIdentities' arrays) of the last issue that repeated none of its papers. */
let lastWithout: { names: string[]; identities: string[][] } | undefined;

/** Papers covered in an earlier issue of the catalog (the earliest such issue for each). */
export function earlierIssueRepeats(model: IssueModel, catalog: IssueCatalog, self: IssueOrder): PaperRepeat[] {
  const out: PaperRepeat[] = [];
  const identities = paperIdentities(model);
  // None last time, and the same catalog version, issue and identities (a keystroke in a summary): none now.
  const version = catalog.version?.();
  const last = lastEarlierWithout;
  if (version !== undefined && last && last.catalog === catalog && last.version === version && last.uri === self.uri && last.date === self.date && sameItems(last.identities, identities)) return out;
  model.papers.forEach((paper, i) => {
    let best: PaperRepeat | undefined;
    for (const id of identities[i]) {
      const earlier = catalog.earlierPaper(id, self);
      if (earlier && (!best || (earlier.date ?? earlier.uri) < (best.earlier.date ?? best.earlier.uri))) best = { paper, earlier, sameIssue: false, identity: id };
    }
    if (best) out.push(best);
  });
  lastEarlierWithout = out.length === 0 && version !== undefined ? { catalog, version, uri: self.uri, date: self.date, identities } : undefined;
  return out;
}
/** The last question earlierIssueRepeats answered with none. */
let lastEarlierWithout: { catalog: IssueCatalog; version: number; uri: string; date: string | undefined; identities: string[][] } | undefined;

function located(uri: string, date: string | undefined, paper: Paper): CatalogPaper {
  return { uri, date, name: paper.name, headingText: paper.heading.text, start: paper.heading.contentStart, end: paper.heading.contentEnd };
}

/** How an issue is named in messages: its date, else its file's name. */
export function issueLabel(paper: Pick<CatalogPaper, 'uri' | 'date'>): string {
  if (paper.date) return paper.date;
  const name = paper.uri.slice(paper.uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** A heading shortened for a one-line message. */
export function shortHeading(text: string, max = 40): string {
  return text.length <= max ? text : text.slice(0, max - 1).trimEnd() + '…';
}

/** Every repeat of a document: of an earlier paper of the same issue first, else of an earlier issue. */
export function repeatsOf(model: IssueModel, uri = '', catalog?: IssueCatalog): PaperRepeat[] {
  const same = sameIssueRepeats(model);
  if (!catalog || !uri) return same;
  const self = { uri, date: model.frontMatterDate ?? dateInFileName(uri) };
  const taken = new Set(same.map((r) => r.paper));
  const earlier = earlierIssueRepeats(model, catalog, self).filter((r) => !taken.has(r.paper));
  return earlier.length === 0 ? same : [...same, ...earlier].sort((a, b) => a.paper.start - b.paper.start);
}
