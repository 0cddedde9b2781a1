/** The shapes of paper-repeat's catalog (types only: the rules' environment names them without importing the index). */
import type { LineIndex } from '../util/lineIndex';

/** Where an issue stands in the archive: its date, else its file's place in the sorted archive. */
export interface IssueOrder {
  uri: string;
  date?: string;
}

/** A paper of another issue: where its heading is and what it is called. */
export interface CatalogPaper {
  uri: string;
  date?: string;
  name: string;
  headingText: string;
  start: number;
  end: number;
}

export interface IssueCatalog {
  /** The earliest paper of another issue that came out before `self` and has `identity`. */
  earlierPaper(identity: string, self: IssueOrder): CatalogPaper | undefined;
  /** Line positions of a catalogued file (for a related location). */
  linesOf(uri: string): LineIndex | undefined;
  /** Changes whenever an answer of `earlierPaper` may have changed; absent: answers are never reused. */
  version?(): number;
}

