import { distance } from 'fastest-levenshtein';
import { findSlugStyle } from '../slug';
import type { Heading, IssueModel, Link } from './types';
import type { HtmlIdFact } from './facts';
import { memoize, sameItems } from '../util/memo';

export type AnchorResolution =
  | { kind: 'exact'; target: Heading | HtmlIdFact }
  | { kind: 'case'; target: Heading | HtmlIdFact; anchor: string }
  | { kind: 'broken'; suggestion?: string };

/** How a `#fragment` link resolves against the document's headings and HTML ids. */
export function resolveAnchor(model: IssueModel, link: Link): AnchorResolution | undefined {
  const fragment = link.fragment;
  if (fragment === undefined || fragment === '' || fragment === 'top') return undefined;
  const exact = model.anchors.get(fragment);
  if (exact) return { kind: 'exact', target: exact };
  const caseMatch = lookups(model).anchorsByLowerCase.get(fragment.toLowerCase());
  if (caseMatch) return { kind: 'case', target: caseMatch.target, anchor: caseMatch.anchor };
  // Browsers take `#top` in any case to the top of the page (HTML's "indicated part of the document").
  if (fragment.toLowerCase() === 'top') return undefined;
  return { kind: 'broken', suggestion: suggestAnchor(model, link) };
}

interface AnchorLookups {
  /** The first anchor (in the model's order) of each lower-cased anchor. */
  anchorsByLowerCase: Map<string, { anchor: string; target: Heading | HtmlIdFact }>;
  /** Headings by their loose text, in document order. */
  headingsByLooseText: Map<string, Heading[]>;
  /** The first heading of each slug. */
  headingsBySlug: Map<string, Heading>;
  /** The first heading of each lower-cased slug. */
  headingsByLowerSlug: Map<string, Heading>;
}

/**
 * Lookups built once per model (models are immutable), so that resolving every link of a long issue is
 * linear in its links instead of links × anchors: each rule resolves the same links again.
 */
const lookupsByModel = new WeakMap<IssueModel, AnchorLookups>();
/**
 * The lookups of the last model, kept for a next model with the same anchors map (the model keeps it
 * when its headings and ids are the same objects: a keystroke that renames no heading).
 */
let lastLookups: { anchors: IssueModel['anchors']; headings: readonly Heading[]; found: AnchorLookups } | undefined;

function lookups(model: IssueModel): AnchorLookups {
  let found = lookupsByModel.get(model);
  if (found) return found;
  if (lastLookups && lastLookups.anchors === model.anchors && sameItems(lastLookups.headings, model.headings)) {
    lookupsByModel.set(model, lastLookups.found);
    return lastLookups.found;
  }
  found = { anchorsByLowerCase: new Map(), headingsByLooseText: new Map(), headingsBySlug: new Map(), headingsByLowerSlug: new Map() };
  for (const [anchor, target] of model.anchors) {
    const lower = anchor.toLowerCase();
    if (!found.anchorsByLowerCase.has(lower)) found.anchorsByLowerCase.set(lower, { anchor, target });
  }
  for (const h of model.headings) {
    const loose = looseText(h.text);
    const same = found.headingsByLooseText.get(loose);
    if (same) same.push(h);
    else found.headingsByLooseText.set(loose, [h]);
    if (!found.headingsBySlug.has(h.slug)) found.headingsBySlug.set(h.slug, h);
    const lowerSlug = h.slug.toLowerCase();
    if (!found.headingsByLowerSlug.has(lowerSlug)) found.headingsByLowerSlug.set(lowerSlug, h);
  }
  lookupsByModel.set(model, found);
  lastLookups = { anchors: model.anchors, headings: model.headings, found };
  return found;
}


/** The first heading whose slug is `fragment` ignoring case (a lookup: callers ask it for every link). */
export function headingBySlugIgnoringCase(model: IssueModel, fragment: string): Heading | undefined {
  return lookups(model).headingsByLowerSlug.get(fragment.toLowerCase());
}

export function isHeading(target: Heading | HtmlIdFact): target is Heading {
  return 'slug' in target;
}

/**
 * The anchor a broken link most likely meant: the heading its text names (TOC lines repeat the
 * heading), else the anchor nearest by edit distance, if it is near enough to be a typo.
 */
export function suggestAnchor(model: IssueModel, link: Link): string | undefined {
  const byText = headingNamedBy(model, link.text);
  if (byText) return byText.slug;
  const fragment = link.fragment ?? '';
  let state = nearestByModel.get(model);
  if (!state) {
    state = { memo: new Map(), budget: NEAREST_BUDGET };
    nearestByModel.set(model, state);
  }
  if (state.memo.has(fragment)) return state.memo.get(fragment);
  const limit = Math.max(2, Math.floor(fragment.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const anchor of model.anchors.keys()) {
    // Edit distance is at least the difference in length: most anchors need no comparison.
    if (Math.abs(anchor.length - fragment.length) >= bestDistance) continue;
    if (state.budget-- <= 0) break;
    const d = distance(anchor, fragment);
    if (d < bestDistance) {
      bestDistance = d;
      best = anchor;
    }
  }
  state.memo.set(fragment, best);
  return best;
}

/**
 * Nearest-anchor suggestions per model: the same broken fragment is looked up once, and the edit-distance
 * comparisons of one document are capped, so thousands of broken links among thousands of headings stay
 * linear (past the cap a broken link is still reported, only without a "did you mean").
 */
const nearestByModel = new WeakMap<IssueModel, { memo: Map<string, string | undefined>; budget: number }>();
const NEAREST_BUDGET = 200_000;

/**
 * Letters and digits only, lower case: what is left of a text when spacing and punctuation go. Remembered
 * (the Unicode-class pattern costs tens of microseconds on a CJK heading, and every check of a long issue
 * asks again for the same headings and TOC lines) for the texts asked about lately: a map cleared at 20,000
 * entries kept, for a day of typing, every TOC line typed over and the section text each was sliced from
 * (the soak's heap snapshots: +2,000 such strings from edit 2,000 to 6,000).
 */
export const looseText = memoize((text: string) => text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, ''));

/** The heading whose text is the given text (ignoring case, spacing and punctuation), if exactly one. */
export function headingNamedBy(model: IssueModel, text: string): Heading | undefined {
  const wanted = looseText(text);
  if (!wanted) return undefined;
  const style = findSlugStyle(model.slugStyle);
  const { headingsByLooseText, headingsBySlug } = lookups(model);
  const matches = headingsByLooseText.get(wanted) ?? [];
  if (matches.length === 1) return matches[0];
  if (!style) return undefined;
  const slug = style.create().slug(text);
  return headingsBySlug.get(slug);
}
