/** Which slot of a paper's references a URL belongs in: its project page, its code, or the paper itself. */
import { referenceSlotOf } from '../links/paperLink';

export type LinkKind = 'project' | 'github' | 'paper';
export const LINK_KINDS: readonly LinkKind[] = ['project', 'github', 'paper'];

export type PaperLinks = Partial<Record<LinkKind, string>>;

/** Parses with WHATWG URL; only http(s) counts as a link for the reference list. */
export function parseHttpUrl(text: string): URL | undefined {
  try {
    const url = new URL(text.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * arXiv in any form, Hugging Face paper pages and other paper hosts, or a `.pdf`: the paper; a github.com
 * repository: the code; anything else, including `*.github.io` pages: the project page (../links/paperLink.ts).
 */
export function classifyLink(text: string): LinkKind | undefined {
  const url = parseHttpUrl(text);
  return url ? referenceSlotOf(url.href) : undefined;
}

/**
 * Puts URLs into the three slots: explicit slots first, then each loose URL in the slot of its kind,
 * or the first free slot when its own is taken (two project pages: the second goes where one is free).
 * Returns the URLs that are not http(s) or find no free slot, so callers can say so.
 */
export function placeLinks(explicit: PaperLinks, loose: readonly string[]): { links: PaperLinks; rejected: string[] } {
  const links: PaperLinks = {};
  for (const kind of LINK_KINDS) {
    const value = explicit[kind]?.trim();
    if (value) links[kind] = value;
  }
  const rejected: string[] = [];
  for (const raw of loose) {
    const url = raw.trim();
    if (!url) continue;
    const kind = classifyLink(url);
    if (!kind) {
      rejected.push(url);
      continue;
    }
    const slot = !links[kind] ? kind : LINK_KINDS.find((k) => !links[k]);
    if (slot) links[slot] = url;
    else rejected.push(url);
  }
  return { links, rejected };
}
