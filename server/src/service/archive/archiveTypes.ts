/**
 * The archive at a glance (issue 18): the data of the Issues, Tags and Papers views and of the tag trends
 * chart. Types only, so the LSP protocol and the client can name them without importing the index.
 */

/** A paper of an issue, as the views list it. */
export interface ArchivePaper {
  name: string;
  /** 0-based line of its heading (the view opens the file there). */
  line: number;
  /** Its tags without `#`, each once, in the order written. */
  tags: string[];
}

export interface ArchiveIssue {
  uri: string;
  /** The issue's title heading, else its file name. */
  title: string;
  /** As paper-repeat reads it (indexing/indexEntry.ts): front matter `date`, else a YYYY-MM-DD in the file name. */
  date?: string;
  /** 0-based line of the title heading (0 when there is none). */
  line: number;
  papers: ArchivePaper[];
}

/** A paper by its place: `issues[issue].papers[paper]` (the data names each paper once, however often it is listed). */
export interface PaperRef {
  issue: number;
  paper: number;
}

/** Where a tag is written once (the Tags view's Rename Tag… renames from there). */
export interface TagOccurrence {
  uri: string;
  line: number;
  character: number;
}

export interface ArchiveTag {
  name: string;
  /** How many papers use the tag (a paper counts once however often it writes it). */
  count: number;
  /** How many issues have a paper using it. */
  issues: number;
  /** The papers using it, newest issue first. */
  uses: PaperRef[];
  at?: TagOccurrence;
}

export type TagSort = 'count' | 'name';

export interface ArchiveData {
  /** Bumped whenever the data changed (the change notification carries it). */
  version: number;
  /** Newest first. */
  issues: ArchiveIssue[];
  /** By count (most used first), then by name. */
  tags: ArchiveTag[];
  /** Every paper of every issue by name; a paper covered in two issues is listed twice. */
  papers: PaperRef[];
}

export type TrendGrouping = 'month' | 'issue';

export interface TrendOptions {
  /** How many tags (the most used); 10 by default. */
  top?: number;
  by?: TrendGrouping;
  /** The label of the issues without a date, in month mode (the caller's language). */
  undatedLabel?: string;
}

/** One bar position of the chart: a month (`2026-11`) or an issue. Oldest first. */
export interface TrendGroup {
  key: string;
  label: string;
}

/** One tag across the groups: papers per group, and their names (hover). */
export interface TrendSeries {
  tag: string;
  total: number;
  counts: number[];
  papers: string[][];
}

export interface TagTrends {
  by: TrendGrouping;
  groups: TrendGroup[];
  series: TrendSeries[];
}
