import type { Severity, WeeklyConfig } from '../config/weeklyConfig';
import type { IssueModel } from '../model/types';
import type { Translate } from '../util/l10n';

/** One replacement in the document, by offsets into the model's text. */
export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

export interface FindingFix {
  title: string;
  edits: OffsetEdit[];
  /** The fix to apply on "fix all" and to offer first. */
  isPreferred?: boolean;
}

/** What a rule reports: a problem at a place, with the fixes that would mend it. */
export interface Finding {
  code: string;
  start: number;
  end: number;
  message: string;
  fixes?: FindingFix[];
}

/** What a rule may know beyond the document: the workspace, the file system. */
export interface RuleEnvironment {
  /** Whether a local file (an image, a linked file) or folder exists; absent: such checks are skipped. */
  fileExists?(path: string): boolean;
  /** The anchors (heading slugs, HTML ids) of another Markdown file; undefined: cannot tell, skip. */
  anchorsOf?(path: string): ReadonlySet<string> | undefined;
  /** The names in a folder (for fixes of a wrong case or extension); undefined: cannot tell. */
  listDirectory?(dir: string): readonly string[] | undefined;
  /** Markdown files of the workspace with this file name (for the fix of a link to a moved file). */
  filesNamed?(name: string): readonly string[];
  /** The document's path on disk, when it has one. */
  documentPath?: string;
  /** The site root for `/…` paths. */
  siteRoot?: string;
  /** Tags known from the configuration and the rest of the workspace, with how many issues use each. */
  knownTags?(): ReadonlyMap<string, number>;
  /** Translates a message registered with `registerMessages` (../l10n.ts) into the client's language. */
  t?: Translate;
}

export interface RuleContext {
  model: IssueModel;
  config: WeeklyConfig;
  /** The document is a weekly issue (by shape, by `weekly.issueFiles` or by front matter). */
  isIssue: boolean;
  env: RuleEnvironment;
}

export interface Rule {
  code: string;
  defaultSeverity: Exclude<Severity, 'off'>;
  /** `any`: every Markdown file in scope; `issue`: weekly issues only. */
  scope: 'any' | 'issue';
  check(ctx: RuleContext): Finding[];
}
