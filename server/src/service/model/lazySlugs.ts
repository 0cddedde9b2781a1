/**
 * Slugs of a shallow model, worked out when first read. The workspace index builds a shallow model of
 * every file and reads none of its slugs (other files' slugs are asked for later, of few files);
 * slugging every heading up front cost about 8% of a 1,000-issue build.
 */
import type { SlugStyle } from '../slug';
import type { HeadingFact } from './facts';
import type { Heading } from './types';

export class LazySlugs {
  private slugs?: string[];

  constructor(private readonly style: SlugStyle, private readonly texts: readonly string[], private readonly sources: readonly string[]) {}

  /** Every heading's slug, duplicates suffixed (a slug depends on every heading before it). */
  all(): string[] {
    if (!this.slugs) {
      const slugger = this.style.create();
      this.slugs = this.texts.map((t, i) => slugger.slug(t, this.sources[i]));
    }
    return this.slugs;
  }
}

/** A heading of a shallow model: its slug is asked of the model's LazySlugs when read. */
export class ShallowHeading implements Heading {
  level: number;
  text: string;
  start: number;
  end: number;
  contentStart: number;
  contentEnd: number;
  setext: boolean;
  index: number;
  readonly #slugs: LazySlugs;

  constructor(h: HeadingFact, index: number, slugs: LazySlugs) {
    this.level = h.level;
    this.text = h.text;
    this.start = h.start;
    this.end = h.end;
    this.contentStart = h.contentStart;
    this.contentEnd = h.contentEnd;
    this.setext = h.setext;
    this.index = index;
    this.#slugs = slugs;
  }

  get slug(): string {
    return this.#slugs.all()[this.index];
  }
}
