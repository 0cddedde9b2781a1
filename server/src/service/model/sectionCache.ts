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

  /** Facts of `text`; `suffix` is parsed after it (definitions from other sections) but not reported. */
  get(text: string, suffix = ''): SectionFacts {
    const key = suffix ? text + '\u0000' + suffix : text;
    const cached = this.entries.get(key);
    if (cached) {
      this.hits++;
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached;
    }
    this.misses++;
    const facts = suffix ? parseFacts(text + '\n\n' + suffix, text.length) : parseFacts(text);
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
