import type { Severity, WeeklyConfig } from '../config/weeklyConfig';
import type { IssueModel } from '../model/types';
import type { Translate } from '../util/l10n';
import type { ServiceHost } from '../host';

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

/**
 * What a rule may know beyond the document: the host's files, directories and workspace answers
 * (host.ts, derived here, not a second interface), bound to this document by the service.
 */
export type RuleEnvironment = Pick<ServiceHost, 'fileExists' | 'listDirectory' | 'filesNamed' | 'knownTags'> & {
  /** The anchors (heading slugs, HTML ids) of another Markdown file, under this document's slug style; undefined: cannot tell, skip. */
  anchorsOf?(path: string): ReadonlySet<string> | undefined;
  /** The document's path on disk, when it has one. */
  documentPath?: string;
  /** The site root for `/…` paths. */
  siteRoot?: string;
  /** Translates a message registered with `registerMessages` (../util/l10n.ts) into the client's language. */
  t?: Translate;
};

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
