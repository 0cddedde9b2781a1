/**
 * A pure string function remembered for the strings it saw last. The rules ask the same questions of the
 * same strings on every keystroke (a long issue's 3,000 reference texts, 1,000 TOC lines, tags, URLs),
 * and an unchanged section keeps its string objects, whose hash V8 has already computed: a lookup costs
 * far less than the regexes, `new URL` or normalizing it replaces. Bounded: past `max` entries it starts
 * again, so a stream of different texts cannot grow it without end. The soak (a day of typing) saw each
 * edited heading or reference text stay in eight such memos: 4,000 holds a long issue's texts (unchanged
 * entries are answered per object by `perItem`, without the memo) and keeps the heap flat. Hand-written: ten lines, and the
 * LRU packages on npm bring more than this needs.
 */
export function memoize<T>(fn: (text: string) => T, max = 4_000): (text: string) => T {
  let memo = new Map<string, T>();
  return (text) => {
    const hit = memo.get(text);
    if (hit !== undefined || memo.has(text)) return hit as T;
    const value = fn(text);
    if (memo.size >= max) memo = new Map();
    memo.set(text, value);
    return value;
  };
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
