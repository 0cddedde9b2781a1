/** Turns heading texts into anchor ids, the way one site generator does. */
export interface Slugger {
  /**
   * The id of the next heading; stateful, because duplicates get suffixes.
   * @param text the heading's text as rendered (markup, images and raw HTML reduced to their text)
   * @param source the heading's inline Markdown as written, for generators that slug the source line
   *   (goldmark, kramdown); styles that need it fall back to `text` when it is not given
   */
  slug(text: string, source?: string): string;
}

export interface SlugStyle {
  readonly id: string;
  readonly label: string;
  /** One line for settings and help: whose ids these are and what they do to a Chinese heading. */
  readonly description: string;
  create(): Slugger;
}
