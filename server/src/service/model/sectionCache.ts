import type { SectionFacts } from './facts';
import { parseFacts, type FactDepth } from './parseFacts';
import type { LineIndex } from '../util/lineIndex';
import { ownCopy } from '../util/memo';

/**
 * Facts of parsed sections, keyed by their exact text: an edit re-parses only the sections it touched,
 * whichever document or version they belong to. Least recently used entries go first.
 */
export class SectionCache {
  /** Each entry keeps its own key: a lookup key is a slice of the current document (see ownCopy). */
  private readonly entries = new Map<string, { key: string; facts: SectionFacts }>();
  hits = 0;
  misses = 0;
  /** Sections of the documents in use (setLiveSections); the cache keeps twice that and some slack. */
  private live = Infinity;

  /** `depth`: how much of each section is read (one cache holds one depth; the models built on it are that deep). */
  constructor(private readonly maxEntries = 50_000, readonly depth: FactDepth = 'full') {}

  /**
   * Facts of `text`. `context` (definitions from other sections) is parsed with it but not reported:
   * after it, or before it (`before`), separated by a blank line. Offsets are into the parsed string:
   * with the context before, they are `context.length + 2` past the piece's own.
   */
  get(text: string, context = '', before = false): SectionFacts {
    if (!this.keeps) return this.parse(text, context, before);
    return this.cached(text, context, before);
  }

  /** Facts of a whole text read once (a cache that keeps nothing), parsed with the caller's line index of it. */
  parseWhole(text: string, lines: LineIndex): SectionFacts {
    return parseFacts(text, text.length, 0, this.depth, lines);
  }

  private cached(text: string, context: string, before: boolean): SectionFacts {
    const key = context ? (before ? context + '\u0001' + text : text + '\u0000' + context) : text;
    const cached = this.entries.get(key);
    if (cached) {
      this.hits++;
      this.entries.delete(key);
      this.entries.set(cached.key, cached);
      return cached.facts;
    }
    this.misses++;
    const own = ownCopy(text);
    const facts = this.parse(own, context, before);
    const storedKey = context ? ownCopy(key) : own;
    this.entries.set(storedKey, { key: storedKey, facts });
    const max = this.limit;
    while (this.entries.size > max) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return facts;
  }

  /**
   * How many sections the open documents have now. Every keystroke makes one section's text anew, so a
   * count-only bound let a day of typing keep tens of thousands of superseded sections (found by the soak,
   * ~7 KB an edit): the cache keeps the live sections twice over (undo, a rebuild) plus a little history.
   */
  setLiveSections(count: number): void {
    this.live = count;
  }

  private get limit(): number {
    return Math.min(this.maxEntries, 2 * this.live + SectionCache.HISTORY);
  }

  /** Superseded sections kept beyond the live ones (undo and redo of recent edits). */
  static readonly HISTORY = 400;

  /** Whether it keeps anything: a cache of size 0 parses every time (a document read once gains nothing from splitting it). */
  get keeps(): boolean {
    return this.maxEntries > 0;
  }

  private parse(text: string, context: string, before: boolean): SectionFacts {
    const depth = this.depth;
    if (!context) return parseFacts(text, text.length, 0, depth);
    return before
      ? parseFacts(context + '\n\n' + text, Infinity, context.length + 2, depth)
      : parseFacts(text + '\n\n' + context, text.length, 0, depth);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
