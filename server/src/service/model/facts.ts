/**
 * What one parsed piece of Markdown says, as plain data with offsets into the text it was parsed from.
 * The issue model is assembled from these (see issueModel.ts); the section cache stores them.
 */

export interface HeadingFact {
  level: number;
  /** The heading's text as GitHub renders it: markup, images and raw HTML reduced to their text. */
  text: string;
  start: number;
  end: number;
  /** Where the heading's inline content starts and ends (without `#` marks or the setext underline). */
  contentStart: number;
  contentEnd: number;
  setext: boolean;
}

export type LinkKind = 'inline' | 'reference' | 'autolink' | 'image' | 'html';

export interface LinkFact {
  kind: LinkKind;
  /** The destination as the parser resolved it (percent-encoded, escapes removed). */
  url: string;
  /** The link's text (plain). */
  text: string;
  start: number;
  end: number;
  /** Where the link text sits in the source (between the brackets), when it has brackets. */
  textStart?: number;
  textEnd?: number;
  /** Where the destination is written in the source, for inline links. */
  destStart?: number;
  destEnd?: number;
  /** The normalized label of a reference-style link. */
  label?: string;
}

export interface DefinitionFact {
  /** The label as written. */
  label: string;
  /** The normalized identifier (case-folded, whitespace collapsed). */
  identifier: string;
  url: string;
  start: number;
  end: number;
  destStart?: number;
  destEnd?: number;
}

export interface HtmlIdFact {
  id: string;
  start: number;
  end: number;
}

export interface ListItemFact {
  start: number;
  end: number;
  /** The first line's end: where a one-line entry ends. */
  firstLineEnd: number;
  /** The number written in an ordered item's marker. */
  number?: number;
  /** Where the marker (`1.`, `-`) is written. */
  markerStart: number;
  markerEnd: number;
  /** Index into the facts' links of the first link in the item's own text, if any. */
  firstLink?: number;
  /** The item's own text (first paragraph), plain. */
  text: string;
  depth: number;
}

export interface ListFact {
  ordered: boolean;
  /** The marker character of the list: '-', '*', '+', '.' or ')'. */
  marker: string;
  start: number;
  end: number;
  depth: number;
  items: ListItemFact[];
}

export interface TagFact {
  /** Without the `#`. */
  name: string;
  start: number;
  end: number;
}

/** A paragraph that starts with a bold label and a colon: `**概要**：…`, `**Tags**: …`. */
export interface FieldFact {
  label: string;
  start: number;
  end: number;
  labelStart: number;
  labelEnd: number;
  /** The text after the colon, plain. */
  value: string;
  valueStart: number;
  tags: TagFact[];
}

export interface FootnoteFact {
  identifier: string;
  label: string;
  start: number;
  end: number;
}

/** A `**…**`/`__…__`/`*…*`/`_…_` pair the parser left as literal text (emphasis-unrendered): its two runs. */
export interface EmphasisFact {
  marker: string;
  start: number;
  openEnd: number;
  closeStart: number;
  end: number;
}

export interface SectionFacts {
  headings: HeadingFact[];
  links: LinkFact[];
  definitions: DefinitionFact[];
  htmlIds: HtmlIdFact[];
  lists: ListFact[];
  fields: FieldFact[];
  footnoteRefs: FootnoteFact[];
  footnoteDefs: FootnoteFact[];
  unrenderedEmphasis: EmphasisFact[];
  /** Front matter (YAML) text, when the piece starts with it. */
  frontMatter?: string;
  /**
   * The piece ends inside a fenced code block or raw HTML block (a comment, `<pre>`…) that it does not
   * close: what follows it in the document belongs to that block, so it cannot be parsed on its own.
   */
  endsOpen?: boolean;
  /** Text nodes outside code and links, for checks of literal syntax (`[text][label]` with no definition). */
  plainRuns: { value: string; start: number }[];
}
