import type { DefinitionFact, EmphasisFact, FieldFact, FootnoteFact, HeadingFact, HtmlIdFact, LinkFact, ListFact, ListItemFact, TagFact } from './facts';
import type { FactDepth } from './parseFacts';
import type { IssueLanguage } from '../config/weeklyConfig';
import type { LineIndex } from '../util/lineIndex';

/** All offsets in the model are into `IssueModel.text`; `lines` turns them into LSP positions. */
export interface Heading extends HeadingFact {
  index: number;
  /** The anchor id under the model's slug style, duplicates suffixed. */
  slug: string;
}

export interface Link extends LinkFact {
  index: number;
  /** For `#fragment` links: the fragment, percent-decoded. */
  fragment?: string;
  /** The link stands in the table of contents. */
  inToc: boolean;
}

export interface TocEntry {
  item: ListItemFact;
  link: Link;
}

export interface Toc {
  /** The heading above the TOC (目录 / Contents), when it has one. */
  heading?: Heading;
  lists: ListFact[];
  entries: TocEntry[];
  start: number;
  end: number;
}

export interface ReferenceEntry {
  item: ListItemFact;
  number?: number;
  /** The entry's first link, when it has one. */
  link?: Link;
  text: string;
  url: string;
}

export interface ReferenceList {
  heading: Heading;
  lists: ListFact[];
  entries: ReferenceEntry[];
  /** Where the list would go, or goes: from after the heading to the end of the last list. */
  start: number;
  end: number;
}

export interface Paper {
  heading: Heading;
  /** The paper's short name: its heading up to the first `：`, `: `, ` - ` or `——`. */
  name: string;
  start: number;
  end: number;
  fields: FieldFact[];
  summary?: FieldFact;
  tagsField?: FieldFact;
  tags: TagFact[];
  images: Link[];
  links: Link[];
}

export interface IssueShape {
  toc: boolean;
  references: boolean;
  /** The candidate paper sections (`##` between the TOC and the reference list, not summary/TOC/references). */
  paperSections: number;
  /** How many of them have a preset field label (概要, 标签, Summary, Tags…) or a line of tags. */
  withFields: number;
  /** Front matter `weekly: true` / `weekly: false`, when written. */
  frontMatter?: boolean;
}

/**
 * Whether a document is treated as a weekly issue, and why (the status bar words it in the client's
 * language): front matter `weekly: true`/`false`, `weekly.issueFiles`, or its shape (TOC, references
 * and paper fields; `shapeNoPapers`: TOC and references, no paper yet) or what its shape lacks.
 */
export interface IssueStatus {
  isIssue: boolean;
  reason: 'frontMatter' | 'frontMatterOff' | 'issueFiles' | 'shape' | 'shapeNoPapers' | 'noTocNoReferences' | 'noToc' | 'noReferences' | 'noFields';
}

export interface IssueModel {
  text: string;
  /**
   * How much of the text was read (the section cache's depth). A shallow model answers what the workspace
   * index uses (headings, slugs and anchors, TOC and reference headings, papers, fields' labels and tags,
   * links to other files, language); rules and features read full models.
   */
  depth: FactDepth;
  lines: LineIndex;
  language: IssueLanguage;
  /**
   * Front matter `weekly: true`, or no `weekly: false` and the shape of an issue: a TOC heading, a
   * reference-list heading, and paper fields in at least half of the sections between them (issueShape.ts).
   */
  looksLikeIssue: boolean;
  /** What looksLikeIssue was decided from (the status bar says it). */
  issueShape: IssueShape;
  frontMatterWeekly: boolean;
  /** Front matter `date:` as YYYY-MM-DD, when it has one (the issue's date: paper-repeat orders issues by it). */
  frontMatterDate?: string;
  slugStyle: string;
  title?: Heading;
  headings: Heading[];
  links: Link[];
  definitions: DefinitionFact[];
  htmlIds: HtmlIdFact[];
  lists: ListFact[];
  fields: FieldFact[];
  footnoteRefs: FootnoteFact[];
  footnoteDefs: FootnoteFact[];
  /** Emphasis pairs CommonMark leaves as literal markers (emphasis-unrendered). */
  unrenderedEmphasis: EmphasisFact[];
  plainRuns: { value: string; start: number }[];
  toc?: Toc;
  summaryHeading?: Heading;
  papers: Paper[];
  references?: ReferenceList;
  /** Every anchor a `#fragment` can land on: heading slugs and HTML ids, first one wins. */
  anchors: Map<string, Heading | HtmlIdFact>;
}
