/** The Weekly Issues language service: a pure library shared by the LSP server, the CLI and the preview. */
export { createLanguageService, applyEdits, preferredEdits, versionedEdit, FIX_ALL_KIND } from './languageService';
export type { LanguageServiceHost, ServiceDocument, WeeklyLanguageService } from './languageService';
export type { ServiceHost, FetchedResponse } from './host';
export * from './config/weeklyConfig';
export { resolveConfig } from './config/configLoader';
export type { ConfigResult } from './config/configLoader';
export {
  readConfigFile, summarizeConfigProblems, CONFIG_FILE_NAME, configFileKeys, nearestConfigFile, pickSettings, withSiteRootFrom, EXPLICIT_KEYS,
  type ConfigFileProblem, type ConfigFileResult,
} from './config/configFile';
export { isInside } from './config/documentScope';
export { isValidTagName } from './model/tags';
export type * from './model/types';
export { slugStyles, findSlugStyle } from './slug';
export { allRules, docsLink } from './rules';
export type { Finding, FindingFix, OffsetEdit, Rule } from './rules/rule';
export * from './authoring';
export { createTranslator, registerMessages, normalizeLocale, type Translate, type Locale } from './util/l10n';
// The client's link checks (New Paper Entry's first step, the paste edit): the one link parser.
export { parsePaperLink, type PaperLink } from './links/paperLink';
export { isLookupInput } from './lookups/entryFromLookup';
export type * from './archive/archiveTypes';
export { ArchiveIndex } from './archive/archiveIndex';
export { sortTags, filterTags } from './archive/tagList';
export { tagTrends, DEFAULT_TOP_TAGS } from './archive/tagTrends';
export { trendChartSvg, type TrendChartOptions } from './archive/trendChart';
// The Tag Trends panel's page (client/src/archive/tagTrendsPanel.ts): the preview's CSP, without loading the renderer.
export { contentSecurityPolicy, createNonce, escapeHtml } from './render/page';
