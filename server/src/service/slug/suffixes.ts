/**
 * How generators keep repeated heading ids apart. Two families, and the difference shows when a
 * heading's own id looks like a suffixed one (`a`, `a`, `a-1`):
 * - counting: the nth repeat of an id gets `-n`, whether or not that id is already taken
 *   (GitLab's TableOfContentsFilter, hexo-renderer-marked, kramdown's generate_id): a, a-1, a-1;
 * - first free: `-1`, `-2`, … until the id is not taken by any id handed out so far
 *   (github-slugger, goldmark/Hugo's idFactory, markdown-it-anchor's uniqueSlug): a, a-1, a-1-1.
 */
export type Deduper = (id: string) => string;

export function countingSuffixes(): Deduper {
  const seen = new Map<string, number>();
  return (id) => {
    const n = seen.get(id) ?? 0;
    seen.set(id, n + 1);
    return n === 0 ? id : `${id}-${n}`;
  };
}

export function firstFreeSuffixes(): Deduper {
  const taken = new Set<string>();
  return (id) => {
    let out = id;
    for (let n = 1; taken.has(out); n++) out = `${id}-${n}`;
    taken.add(out);
    return out;
  };
}
