/**
 * A pure string function remembered for the strings it was asked about lately. The rules ask the same
 * questions of the same strings on every keystroke (a long issue's 3,000 reference texts, 1,000 TOC lines,
 * tags, URLs), and an unchanged section keeps its string objects, whose hash V8 has already computed: a
 * lookup costs far less than the regexes, `new URL` or normalizing it replaces.
 *
 * Two generations of `generation` calls each: an answer used in the last or the current generation is
 * kept (moved into the current one on use), one not asked for during a whole generation is dropped. A
 * size bound alone did not do: the soak (a day of typing) left every text typed over in eight memos until
 * each reached its bound, heap growing 0.8 MB per 1,000 edits for 20,000 edits. Now the memo holds what the
 * checks ask about, at most 2 × `generation` entries. Hand-written: a dozen lines, and the LRU packages on
 * npm bound by size, not by recent use.
 */
export function memoize<T>(fn: (text: string) => T, generation = 4_000): (text: string) => T {
  const cache = new RecentCache<T>(generation);
  return (text) => cache.get(text, fn);
}

/** The two-generation cache of `memoize`, for answers that depend on more than one string (keyed by all of them). */
export class RecentCache<T> {
  // Values are stored with `undefined` as NONE, so that one `get` per generation tells a hit (a miss costs
  // two lookups and a set, not five: it showed in profiles of never-seen issues, where every call misses).
  private current = new Map<string, T | typeof NONE>();
  private previous = new Map<string, T | typeof NONE>();
  private calls = 0;

  constructor(private readonly generation = 4_000) {}

  get(key: string, compute: (key: string) => T): T {
    if (++this.calls > this.generation) {
      this.previous = this.current;
      this.current = new Map();
      this.calls = 1;
    }
    let stored = this.current.get(key);
    if (stored === undefined) {
      stored = this.previous.get(key);
      if (stored === undefined) {
        const value = compute(key);
        stored = value === undefined ? NONE : value;
      }
      this.current.set(key, stored);
    }
    return (stored === NONE ? undefined : stored) as T;
  }
}

const NONE: unique symbol = Symbol('none');

/**
 * A copy of `text` that does not keep the string it was sliced from alive. In V8 a slice of a long string
 * points into it, so a cached answer holding a slice of the document would keep that whole version of the
 * document in memory: about 2 MB per keystroke on a 900K-character issue. Slicing a concatenation copies
 * the characters into a new string first, which is all the slice then points to.
 */
export function ownCopy(text: string): string {
  return (' ' + text).slice(1);
}

/**
 * `fn` over a list, kept for the items that are the same objects at the same places as in the last list
 * it was given: a keystroke's model keeps the objects it did not touch (a long issue's 3,000 reference
 * entries), so their answers need no lookup at all. Only for answers that depend on nothing but the item.
 */
export function perItem<T extends object, R>(fn: (item: T) => R): (items: readonly T[]) => R[] {
  let lastItems: readonly T[] = [];
  let lastResults: R[] = [];
  return (items) => {
    if (items === lastItems) return lastResults;
    const results = items.map((item, i) => (lastItems[i] === item ? lastResults[i] : fn(item)));
    lastItems = items;
    lastResults = results;
    return results;
  };
}

/** The same items at the same places (`===`): what a new version kept of the last one's lists. */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
