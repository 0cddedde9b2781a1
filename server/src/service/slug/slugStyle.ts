/** Turns heading texts into anchor ids, the way one site generator does. */
export interface Slugger {
  /** The id of the next heading with this text; stateful, because duplicates get suffixes. */
  slug(text: string): string;
}

export interface SlugStyle {
  readonly id: string;
  readonly label: string;
  /** Whether the generator treats `#Foo` and `#foo` as different anchors (all real ones do). */
  create(): Slugger;
}
