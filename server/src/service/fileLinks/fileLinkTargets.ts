/**
 * Links to other files (`./2025-05-01.md`, `../2025/x.md#anchor`, `/assets/a.pdf`, `notes/`), resolved to
 * a path on disk, for broken-file-link and broken-file-anchor. Inline links are checked where they are
 * written, reference-style links at their definition (one place to fix however often the label is used).
 * Images are image-missing's; `#x` and `./#x` are this document's (broken-anchor); links with a scheme
 * (`https:`, `mailto:`), protocol-relative `//host` links and links in code are never files here. In a
 * weekly issue the reference list's links are ref-bad-url's: they must be http(s) URLs, and a relative
 * one there is most often a URL whose scheme was left out (`github.com/x/y`), not a file.
 */
import * as path from 'path';
import type { IssueModel } from '../model/types';
import type { RuleContext } from '../rules/rule';
import { ownCopy, RecentCache } from '../util/memo';

export interface FileLinkTarget {
  /** Where the destination is written (without angle brackets). */
  start: number;
  end: number;
  /** The destination as written in the source. */
  written: string;
  /** Where, in `written`, the path part ends (before `?` or `#`). */
  pathLength: number;
  /** The path part, percent-decoded. */
  linkPath: string;
  /** The absolute path it resolves to. */
  file: string;
  /** The fragment, percent-decoded, when the link has one. */
  fragment?: string;
  /** Where the fragment is written (after the `#`). */
  fragmentStart?: number;
}

const cache = new WeakMap<IssueModel, { key: string; targets: FileLinkTarget[] }>();

/** Every link of the document to a local file, with the file it resolves to (memoized per model). */
export function fileLinkTargets(ctx: RuleContext): FileLinkTarget[] {
  const key = `${ctx.env.documentPath ?? ''}\0${ctx.env.siteRoot ?? ''}\0${ctx.isIssue}`;
  const cached = cache.get(ctx.model);
  if (cached?.key === key) return cached.targets;
  const targets: FileLinkTarget[] = [];
  const text = ctx.model.text;
  const references = ctx.isIssue ? referenceDestinations(ctx.model) : new Set<number>();
  const consider = (url: string, start: number | undefined, end: number | undefined) => {
    if (start === undefined || end === undefined || end <= start || references.has(start)) return;
    const target = resolveMemo(url, text.slice(start, end), ctx);
    if (target) targets.push({ ...target, start, end, fragmentStart: target.fragmentStart === undefined ? undefined : start + target.fragmentStart });
  };
  for (const link of ctx.model.links) {
    // `./#x` is a same-document link the model already gives a fragment (broken-anchor checks it).
    if (link.kind === 'inline' && link.fragment === undefined) consider(link.url, link.destStart, link.destEnd);
  }
  for (const definition of ctx.model.definitions) consider(definition.url, definition.destStart, definition.destEnd);
  cache.set(ctx.model, { key, targets });
  return targets;
}

/** Where the reference list's links have their destinations written (inline, or in their definition). */
function referenceDestinations(model: IssueModel): Set<number> {
  const starts = new Set<number>();
  for (const entry of model.references?.entries ?? []) {
    const link = entry.link;
    if (link?.destStart !== undefined) starts.add(link.destStart);
    else if (link?.kind === 'reference') {
      const definition = model.definitions.find((d) => d.identifier === link.label);
      if (definition?.destStart !== undefined) starts.add(definition.destStart);
    }
  }
  return starts;
}

/** Whether a URL names a local file: no scheme (`https:`, `mailto:`, `data:`), not `//host`, not `#x`. */
export function isLocalFileUrl(url: string): boolean {
  return url !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith('//') && !url.startsWith('#');
}

/**
 * Resolutions already made: each keystroke builds a new model with the same links, and resolving one
 * (decoding, path.resolve) costs microseconds that add up in an archive of hundreds of links. Keyed by
 * everything the answer depends on; kept while in use (RecentCache), with strings of their own: a
 * `written` sliced from the document kept that whole version alive, and clearing only at 20,000 entries let
 * the soak's typing keep thousands of versions (0.7 MB of heap per 1,000 edits).
 */
const resolved = new RecentCache<Omit<FileLinkTarget, 'start' | 'end'> | undefined>();

function resolveMemo(url: string, written: string, ctx: RuleContext): Omit<FileLinkTarget, 'start' | 'end'> | undefined {
  const key = `${url}\0${written}\0${ctx.env.documentPath ?? ''}\0${ctx.env.siteRoot ?? ''}`;
  return resolved.get(key, () => resolveTarget(ownCopy(url), ownCopy(written), ctx));
}

function resolveTarget(url: string, written: string, ctx: RuleContext): Omit<FileLinkTarget, 'start' | 'end'> | undefined {
  if (!isLocalFileUrl(url)) return undefined;
  const hash = url.indexOf('#');
  const beforeHash = hash < 0 ? url : url.slice(0, hash);
  const query = beforeHash.indexOf('?');
  const linkPath = decode(query < 0 ? beforeHash : beforeHash.slice(0, query));
  if (!linkPath) return undefined; // `?x=1`: this page with a query
  let file: string | undefined;
  // path.resolve also drops a trailing slash (`notes/`): a folder is named the same either way.
  if (linkPath.startsWith('/')) file = ctx.env.siteRoot ? path.resolve(path.join(ctx.env.siteRoot, linkPath)) : undefined;
  else file = ctx.env.documentPath ? path.resolve(path.dirname(ctx.env.documentPath), linkPath) : undefined;
  if (!file) return undefined;
  const writtenHash = written.indexOf('#');
  const writtenQuery = written.indexOf('?');
  const ends = [writtenHash, writtenQuery].filter((i) => i >= 0);
  const pathLength = ends.length ? Math.min(...ends) : written.length;
  const target: Omit<FileLinkTarget, 'start' | 'end'> = { written, pathLength, linkPath, file };
  if (hash >= 0) {
    target.fragment = decode(url.slice(hash + 1));
    if (writtenHash >= 0) target.fragmentStart = writtenHash + 1;
  }
  return target;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s; // a stray `%`: taken as written
  }
}
