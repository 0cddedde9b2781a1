import type { SectionFacts } from './facts';
import { parseFacts } from './parseFacts';

/**
 * Facts of parsed sections, keyed by their exact text: an edit re-parses only the sections it touched,
 * whichever document or version they belong to. Least recently used entries go first.
 */
export class SectionCache {
  private readonly entries = new Map<string, SectionFacts>();
  hits = 0;
  misses = 0;

  constructor(private readonly maxEntries = 50_000) {}

  /**
   * Facts of `text`. `context` (definitions from other sections) is parsed with it but not reported:
   * after it, or before it (`before`), separated by a blank line. Offsets are into the parsed string:
   * with the context before, they are `context.length + 2` past the piece's own.
   */
  get(text: string, context = '', before = false): SectionFacts {
    const key = context ? (before ? context + '\u0001' + text : text + '\u0000' + context) : text;
    const cached = this.entries.get(key);
    if (cached) {
      this.hits++;
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached;
    }
    this.misses++;
    const facts = !context
      ? parseFacts(text)
      : before
        ? parseFacts(context + '\n\n' + text, Infinity, context.length + 2)
        : parseFacts(text + '\n\n' + context, text.length);
    this.entries.set(key, facts);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return facts;
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
