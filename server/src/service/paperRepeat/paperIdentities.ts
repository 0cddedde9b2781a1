/**
 * What a paper is, whatever link form names it: the identities (links/paperLink.ts linkIdentity: the arXiv
 * id without version, the GitHub repository, the normalised project page) of its section's links and of
 * the reference entries that belong to it (edits/referenceBuilder.ts ownerOf). paper-repeat compares them
 * within an issue and across the workspace; the index keeps them per paper (indexing/indexEntry.ts).
 */
import { linkIdentity } from '../links/paperLink';
import { placeholderUrl, referenceOwners, REFERENCE_KINDS } from '../edits/referenceBuilder';
import type { IssueModel, Paper } from '../model/types';
import { memoize, sameItems } from '../util/memo';
import type { IssueOrder } from './catalogTypes';

export type { IssueOrder } from './catalogTypes';

/** Asked of every link of every paper on each keystroke and index build: remembered (see memoize). */
const identityOf = memoize((url: string) => linkIdentity(url));

const identitiesByModel = new WeakMap<IssueModel, string[][]>();

/** Each paper's identities (in the order of `model.papers`), without duplicates. */
export function paperIdentities(model: IssueModel): string[][] {
  let out = identitiesByModel.get(model);
  if (out) return out;
  const urls = new Map<Paper, string[]>(model.papers.map((p) => [p, p.links.map((l) => l.url)]));
  const entries = model.references?.entries ?? [];
  referenceOwners(model).forEach((owner, i) => {
    if (owner) urls.get(owner)!.push(entries[i].url);
  });
  // A paper's identities depend on its name and its URLs only: a keystroke remakes one paper, and the
  // others' answers are the last call's for the paper at the same place (compared string by string: the
  // unchanged ones are the same string objects, so this costs little next to building keys of them).
  const last = lastIdentities;
  const now = model.papers.map((paper, i) => {
    const paperUrls = urls.get(paper)!;
    const before = last[i];
    const ids = before && before.name === paper.name && sameItems(before.urls, paperUrls) ? before.ids : identitiesOf(paper, paperUrls);
    return { name: paper.name, urls: paperUrls, ids };
  });
  lastIdentities = now;
  out = now.map((p) => p.ids);
  identitiesByModel.set(model, out);
  return out;
}
let lastIdentities: Array<{ name: string; urls: readonly string[]; ids: string[] }> = [];


function identitiesOf(paper: Paper, urls: readonly string[]): string[] {
  // A ref-missing stub's search link stands for no paper until the editor pastes the real one (made only
  // for a link that searches: building three per paper showed in profiles of long issues).
  let stubs: Set<string> | undefined;
  const isStub = (url: string) => url.includes('search') && (stubs ??= new Set(REFERENCE_KINDS.map((kind) => placeholderUrl(kind, paper.name.replace(/\s+/g, ' '))))).has(url);
  const ids = new Set<string>();
  for (const url of urls) {
    if (!url || isStub(url)) continue;
    const id = identityOf(url);
    if (id) ids.add(id);
  }
  return [...ids];
}

/** A YYYY-MM-DD in a file's name (`2025-04-18.md`, `weekly-2025-04-18-ai.md`). */
export function dateInFileName(uriOrPath: string): string | undefined {
  const name = uriOrPath.slice(uriOrPath.lastIndexOf('/') + 1);
  return name.match(/(?:^|[^0-9])(\d{4}-\d{2}-\d{2})(?![0-9])/)?.[1];
}

/** Negative when `a` came out before `b`: by date when both have one, else by file path. */
export function compareIssues(a: IssueOrder, b: IssueOrder): number {
  if (a.date && b.date && a.date !== b.date) return a.date < b.date ? -1 : 1;
  return a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0;
}
