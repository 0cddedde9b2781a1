import type { Severity, WeeklyConfig } from '../config/weeklyConfig';
import type { IssueModel } from '../model/types';
import { registerMessages, type MessageEntry, type Translate } from '../util/l10n';
import type { ServiceHost } from '../host';
import type { IssueCatalog } from '../paperRepeat/catalogTypes';

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
  /** Places elsewhere that explain it (LSP relatedInformation): offsets into that file's text. */
  related?: RelatedPlace[];
}

/** A place in this or another file, by offsets into its text (the runner turns them into positions). */
export interface RelatedPlace {
  uri: string;
  start: number;
  end: number;
  message: string;
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
  /** The document's URI (related places in the same file). */
  documentUri?: string;
  /** The papers of the other issues, by identity (paper-repeat); absent: only the document is compared. */
  issueCatalog?: IssueCatalog;
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

/** What a code means, for the documentation, the settings and the diagnostic's link. */
export interface RuleInfo {
  code: string;
  defaultSeverity: Exclude<Severity, 'off'>;
  /** One line: what the rule finds, in both languages. */
  description: MessageEntry;
  /** Its page in the repository, `docs/rules/<code>.md`: what, why, a wrong and a right example, the fix. */
  docPage: string;
}

/** Where `docPage` is read on the web: package.json's repository (a unit test keeps them in step). */
export const RULE_DOCS_BASE_URL = 'https://github.com/weekly-issues/weekly-issues/blob/main/';

/** What a rule returns: the runner fills in each finding's `code` with the rule's. */
export type RuleFinding = Omit<Finding, 'code'> & { code?: string };

export interface Rule extends RuleInfo {
  /** `any`: every Markdown file in scope; `issue`: weekly issues only. */
  scope: 'any' | 'issue';
  check(ctx: RuleContext): RuleFinding[];
}

export const ruleMessages = registerMessages({
  'file.tooLarge': {
    en: 'Not checked: this document has {length} characters, more than weekly.maxFileSize ({max}). Split the archive or raise the setting.',
    zh: '未检查：此文档有 {length} 个字符，超过 weekly.maxFileSize（{max}）。请拆分归档或调大该设置。',
  },
  'fixAll.title': { en: 'Fix all Weekly Issues problems', zh: '修复所有 Weekly Issues 问题' },
});

/** Not a check of a document: the LSP server and the CLI report it on `.weekly-issues.json` itself. */
export const configInvalidInfo: RuleInfo = {
  code: 'config-invalid',
  defaultSeverity: 'error',
  description: {
    en: 'The .weekly-issues.json file is not valid JSON, or one of its settings is wrong; the defaults are used there.',
    zh: '.weekly-issues.json 不是有效的 JSON，或其中某项设置有误；这些地方使用默认值。',
  },
  docPage: 'docs/rules/config-invalid.md',
};

/** Not a check of its own: the service reports it instead of running the rules on an oversized document. */
export const fileTooLargeInfo: RuleInfo = {
  code: 'file-too-large',
  defaultSeverity: 'info',
  description: { en: 'The document is larger than weekly.maxFileSize, so it is not checked.', zh: '文档超过 weekly.maxFileSize，因此未被检查。' },
  docPage: 'docs/rules/file-too-large.md',
};
