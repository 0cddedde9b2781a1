/** The settings the language service reads: VS Code's `weekly.*`, `.weekly-issues.json`, or CLI flags. */

export type Severity = 'off' | 'hint' | 'info' | 'warning' | 'error';
export type ValidateScope = 'issues' | 'all' | 'off';
export type IssueLanguage = 'zh' | 'en';

/** The words an issue of one language uses for its parts. Matching ignores case, markup and spaces. */
export interface LanguagePreset {
  /** Headings of the table of contents. */
  toc: string[];
  /** Headings of the issue's summary section (not papers). */
  summary: string[];
  /** Headings of the reference list. */
  references: string[];
  /** Field labels inside a paper: its summary and its tags. */
  summaryField: string[];
  tagsField: string[];
  /** Link texts that say what kind a reference is: project page, code repository, paper. */
  referenceKinds: { project: string; github: string; paper: string };
}

export interface WeeklyConfig {
  slugStyle: string;
  validateScope: ValidateScope;
  /** Globs (relative to the workspace root) of files that are weekly issues whatever their shape. */
  issueFiles: string[];
  /** Where site-absolute paths (`/assets/…`) resolve; undefined: the workspace folder. */
  siteRoot?: string;
  /** A severity per diagnostic code, overriding the rule's default. */
  severity: Record<string, Severity>;
  presets: Record<IssueLanguage, LanguagePreset>;
  /** Fields every paper must have, by role. */
  requiredFields: Array<'summary' | 'tags'>;
  /** Known tags beyond those used in the workspace. */
  tagVocabulary: string[];
  /** Alias tag -> canonical tag (both without `#`): tag-near-duplicate suggests the canonical one. */
  tagAliases: Record<string, string>;
  /** Kinds of reference every paper with references must have one of each of (ref-missing). */
  requiredReferenceKinds: Array<keyof LanguagePreset['referenceKinds']>;
  /** Glob patterns of files not to check. */
  ignore: string[];
  /** Documents longer than this (in characters) are not checked: one information diagnostic says so. */
  maxFileSize: number;
  /** The web services of hover previews, paper lookups and link checks (tests and mirrors point them elsewhere). */
  services: ServiceSettings;
  /** Rules of every outgoing request. */
  network: NetworkSettings;
  /** The arXiv link a lookup writes: `auto` is the form most of the archive's arXiv links use. */
  paperLinkForm: 'auto' | 'abs' | 'html' | 'pdf' | 'as-pasted';
  /** Tags a lookup suggests at most. */
  maxSuggestedTags: number;
  /** Publishing (email, feed): where the issues are on the web. */
  publish: PublishSettings;
}

export interface PublishSettings {
  /**
   * The site's URL of an issue: `{name}` is the file's name without `.md`; without `{name}`, an issue is
   * `{baseUrl}/{name}.html`. Empty: not set (the email's TOC is a plain list, the feed needs --base-url).
   */
  baseUrl: string;
}

export interface ServiceSettings {
  /** false: no lookups, no previews, no link checks: everything is typed by hand. */
  enabled: boolean;
  /** arXiv's query API. */
  arxivApiUrl: string;
  /** Hugging Face's API root: a paper is `{base}/papers/{id}`. */
  huggingFaceApiUrl: string;
  /** GitHub's REST API root: a repository is `{base}/repos/{owner}/{repo}`. */
  githubApiUrl: string;
}

export interface NetworkSettings {
  /**
   * Private or loopback hosts requests may go to (names, addresses or CIDR ranges); link-local and cloud
   * metadata addresses are refused whatever this says.
   */
  allowPrivateHosts: string[];
}

export const defaultServices: ServiceSettings = {
  enabled: true,
  arxivApiUrl: 'https://export.arxiv.org/api/query',
  huggingFaceApiUrl: 'https://huggingface.co/api',
  githubApiUrl: 'https://api.github.com',
};

export const defaultPresets: Record<IssueLanguage, LanguagePreset> = {
  zh: {
    toc: ['目录', '目錄', '本期目录'],
    summary: ['摘要', '本周亮点', '导读', '前言', '概述', '简介'],
    references: ['参考链接', '参考资料', '参考文献', '相关链接'],
    summaryField: ['概要', '摘要', '简介'],
    tagsField: ['标签', '標籤'],
    referenceKinds: { project: '项目主页', github: 'GitHub 仓库', paper: '论文链接' },
  },
  en: {
    toc: ['Contents', 'Table of Contents', 'TOC', 'Index'],
    summary: ['Summary', 'Highlights', 'Overview', 'Abstract', 'Introduction', 'Intro', 'This Week'],
    references: ['References', 'Reference Links', 'Links'],
    summaryField: ['Summary', 'TL;DR', 'Abstract'],
    tagsField: ['Tags'],
    referenceKinds: { project: 'Project Page', github: 'GitHub', paper: 'Paper' },
  },
};

export const defaultConfig: WeeklyConfig = {
  slugStyle: 'github',
  validateScope: 'issues',
  issueFiles: [],
  severity: {},
  presets: defaultPresets,
  requiredFields: ['summary', 'tags'],
  tagVocabulary: [],
  tagAliases: {},
  requiredReferenceKinds: [],
  ignore: [],
  maxFileSize: 5 * 1024 * 1024,
  services: defaultServices,
  network: { allowPrivateHosts: [] },
  paperLinkForm: 'auto',
  maxSuggestedTags: 3,
  publish: { baseUrl: '' },
};

/** Normalizes a heading or label for comparison with preset words: case, spaces, markup, colons. */
export function normalizeName(text: string): string {
  return text
    .toLowerCase()
    .replace(/[*_`~:：\s]/g, '')
    .trim();
}

/** Normalized forms of a list of names, made once per list: the model asks for every heading of a long issue. */
const normalizedLists = new WeakMap<readonly string[], { length: number; names: Set<string> }>();

export function matchesAny(text: string, names: readonly string[]): boolean {
  const n = normalizeName(text);
  if (n.length === 0) return false;
  let normalized = normalizedLists.get(names);
  if (!normalized || normalized.length !== names.length) {
    normalized = { length: names.length, names: new Set(names.map(normalizeName)) };
    normalizedLists.set(names, normalized);
  }
  return normalized.names.has(n);
}
