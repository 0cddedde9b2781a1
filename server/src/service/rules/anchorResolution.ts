import { distance } from 'fastest-levenshtein';
import { findSlugStyle } from '../slug';
import type { Heading, IssueModel, Link } from '../model/types';
import type { HtmlIdFact } from '../model/facts';

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
  const lower = fragment.toLowerCase();
  for (const [anchor, target] of model.anchors) {
    if (anchor.toLowerCase() === lower) return { kind: 'case', target, anchor };
  }
  return { kind: 'broken', suggestion: suggestAnchor(model, link) };
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
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const anchor of model.anchors.keys()) {
    if (Math.abs(anchor.length - fragment.length) >= bestDistance) continue;
    const d = distance(anchor, fragment);
    if (d < bestDistance) {
      bestDistance = d;
      best = anchor;
    }
  }
  const limit = Math.max(2, Math.floor(fragment.length / 3));
  return bestDistance <= limit ? best : undefined;
}

/** Letters and digits only, lower case: what is left of a text when spacing and punctuation go. */
export function looseText(text: string): string {
  return text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** The heading whose text is the given text (ignoring case, spacing and punctuation), if exactly one. */
export function headingNamedBy(model: IssueModel, text: string): Heading | undefined {
  const wanted = looseText(text);
  if (!wanted) return undefined;
  const style = findSlugStyle(model.slugStyle);
  const matches = model.headings.filter((h) => looseText(h.text) === wanted);
  if (matches.length === 1) return matches[0];
  if (!style) return undefined;
  const slug = style.create().slug(text);
  return model.headings.find((h) => h.slug === slug);
}
