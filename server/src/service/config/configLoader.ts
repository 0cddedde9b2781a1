import { defaultConfig, defaultPresets, type LanguagePreset, type Severity, type WeeklyConfig } from './weeklyConfig';
import { findSlugStyle, slugStyles } from '../slug';

const SEVERITIES: readonly Severity[] = ['off', 'hint', 'info', 'warning', 'error'];

export interface ConfigResult {
  config: WeeklyConfig;
  /** What was wrong with the input; each entry names the setting and what was used instead. */
  problems: string[];
}

/**
 * Reads settings from any source (VS Code's `weekly.*`, `.weekly-issues.json`, CLI flags) over a base.
 * Anything of the wrong type is reported and replaced by the base value: bad settings never throw.
 */
export function resolveConfig(input: unknown, base: WeeklyConfig = defaultConfig): ConfigResult {
  const problems: string[] = [];
  const config: WeeklyConfig = { ...base, severity: { ...base.severity }, presets: { ...base.presets } };
  if (input === undefined || input === null) return { config, problems };
  if (typeof input !== 'object' || Array.isArray(input)) {
    return { config, problems: ['the settings must be an object; using the defaults'] };
  }
  const s = input as Record<string, unknown>;
  const validate = s.validate as Record<string, unknown> | undefined;

  const slugStyle = s.slugStyle;
  if (slugStyle !== undefined && slugStyle !== null) {
    if (typeof slugStyle === 'string' && findSlugStyle(slugStyle)) config.slugStyle = slugStyle;
    else problems.push(`slugStyle must be one of ${slugStyles.map((x) => x.id).join(', ')}; using "${config.slugStyle}"`);
  }
  const scope = (isObject(validate) ? validate.scope : undefined) ?? s['validate.scope'];
  if (validate !== undefined && validate !== null && !isObject(validate)) problems.push('validate must be an object such as { "scope": "issues" }');
  if (scope !== undefined && scope !== null) {
    if (scope === 'issues' || scope === 'all' || scope === 'off') config.validateScope = scope;
    else problems.push(`validate.scope must be "issues", "all" or "off"; using "${config.validateScope}"`);
  }
  readStrings(s, 'issueFiles', problems, (v) => (config.issueFiles = v));
  readStrings(s, 'ignore', problems, (v) => (config.ignore = v));
  readStrings(s, 'tagVocabulary', problems, (v) => (config.tagVocabulary = v));
  if (s.siteRoot !== undefined && s.siteRoot !== null && s.siteRoot !== '') {
    if (typeof s.siteRoot === 'string') config.siteRoot = s.siteRoot;
    else problems.push('siteRoot must be a path');
  }
  if (s.severity !== undefined && s.severity !== null) {
    if (typeof s.severity !== 'object' || Array.isArray(s.severity)) problems.push('severity must map codes to off|hint|info|warning|error');
    else {
      for (const [code, sev] of Object.entries(s.severity as Record<string, unknown>)) {
        if (SEVERITIES.includes(sev as Severity)) config.severity[code] = sev as Severity;
        else problems.push(`severity.${code} must be one of ${SEVERITIES.join(', ')}`);
      }
    }
  }
  if (s.maxFileSize !== undefined && s.maxFileSize !== null) {
    const v = s.maxFileSize;
    if (typeof v === 'number' && Number.isFinite(v) && v > 0) config.maxFileSize = v;
    else problems.push(`maxFileSize must be a positive number of characters; using ${config.maxFileSize}`);
  }
  if (s.requiredFields !== undefined && s.requiredFields !== null) {
    const v = s.requiredFields;
    if (Array.isArray(v) && v.every((x) => x === 'summary' || x === 'tags')) config.requiredFields = v as WeeklyConfig['requiredFields'];
    else problems.push('requiredFields must be a list of "summary" and "tags"');
  }
  readTagAliases(s.tagAliases, problems, (v) => (config.tagAliases = v));
  readServices(s.services, problems, config);
  if (s.paperLinkForm !== undefined && s.paperLinkForm !== null) {
    const v = s.paperLinkForm;
    if (v === 'auto' || v === 'abs' || v === 'html' || v === 'pdf' || v === 'as-pasted') config.paperLinkForm = v;
    else problems.push(`paperLinkForm must be "auto", "abs", "html", "pdf" or "as-pasted"; using "${config.paperLinkForm}"`);
  }
  if (s.maxSuggestedTags !== undefined && s.maxSuggestedTags !== null) {
    const v = s.maxSuggestedTags;
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 20) config.maxSuggestedTags = v;
    else problems.push(`maxSuggestedTags must be a whole number from 0 to 20; using ${config.maxSuggestedTags}`);
  }
  readNetwork(s.network, problems, config);
  readPublish(s.publish, problems, config);
  if (s.requiredReferenceKinds !== undefined && s.requiredReferenceKinds !== null) {
    const v = s.requiredReferenceKinds;
    if (Array.isArray(v) && v.every((x) => x === 'project' || x === 'github' || x === 'paper')) config.requiredReferenceKinds = [...new Set(v)] as WeeklyConfig['requiredReferenceKinds'];
    else problems.push('requiredReferenceKinds must be a list of "project", "github" and "paper"');
  }
  if (s.presets !== undefined && s.presets !== null && !isObject(s.presets)) problems.push('presets must be an object with "zh" and/or "en"');
  else if (isObject(s.presets)) {
    const presets = s.presets;
    for (const key of Object.keys(presets)) {
      if (key !== 'zh' && key !== 'en') problems.push(`presets.${key} must be zh or en, the languages with presets; it is ignored`);
    }
    for (const lang of ['zh', 'en'] as const) {
      if (presets[lang] === undefined || presets[lang] === null) continue;
      const merged = mergePreset(config.presets[lang] ?? defaultPresets[lang], presets[lang], `presets.${lang}`, problems);
      config.presets[lang] = merged;
    }
  }
  return { config, problems };
}

function readServices(v: unknown, problems: string[], config: WeeklyConfig) {
  if (v === undefined || v === null) return;
  if (!isObject(v)) return void problems.push('services must be an object such as { "arxivApiUrl": "https://export.arxiv.org/api/query" }');
  const services = { ...config.services };
  for (const key of Object.keys(v)) if (!(key in services)) problems.push(`services.${key} is not a setting; it is ignored`);
  if (v.enabled !== undefined && v.enabled !== null) {
    if (typeof v.enabled === 'boolean') services.enabled = v.enabled;
    else problems.push('services.enabled must be true or false');
  }
  for (const key of ['arxivApiUrl', 'huggingFaceApiUrl', 'githubApiUrl'] as const) {
    const url = v[key];
    if (url === undefined || url === null || url === '') continue;
    if (typeof url === 'string' && /^https?:\/\/[^\s]+$/i.test(url.trim())) services[key] = url.trim();
    else problems.push(`services.${key} must be an http(s) URL; using ${services[key]}`);
  }
  config.services = services;
}

function readPublish(v: unknown, problems: string[], config: WeeklyConfig) {
  if (v === undefined || v === null) return;
  if (!isObject(v)) return void problems.push('publish must be an object such as { "baseUrl": "https://example.com/weekly/" }');
  for (const key of Object.keys(v)) if (key !== 'baseUrl') problems.push(`publish.${key} is not a setting; it is ignored`);
  const url = v.baseUrl;
  if (url === undefined || url === null || url === '') return;
  if (typeof url === 'string' && /^https?:\/\/[^\s]+$/i.test(url.trim())) config.publish = { baseUrl: url.trim() };
  else problems.push('publish.baseUrl must be an http(s) URL; it is ignored');
}

function readNetwork(v: unknown, problems: string[], config: WeeklyConfig) {
  if (v === undefined || v === null) return;
  if (!isObject(v)) return void problems.push('network must be an object such as { "allowPrivateHosts": ["127.0.0.1"] }');
  for (const key of Object.keys(v)) if (key !== 'allowPrivateHosts') problems.push(`network.${key} is not a setting; it is ignored`);
  const hosts = v.allowPrivateHosts;
  if (hosts === undefined || hosts === null) return;
  if (Array.isArray(hosts) && hosts.every((h) => typeof h === 'string' && h.trim() !== '')) config.network = { allowPrivateHosts: hosts.map((h) => h.trim()) };
  else problems.push('network.allowPrivateHosts must be a list of host names, addresses or CIDR ranges');
}

function readStrings(s: Record<string, unknown>, key: string, problems: string[], set: (v: string[]) => void) {
  const v = s[key];
  if (v === undefined || v === null) return;
  // Empty strings are refused too: picomatch throws on an empty glob.
  if (Array.isArray(v) && v.every((x) => typeof x === 'string' && x.trim() !== '')) set(v);
  else problems.push(`${key} must be a list of non-empty strings`);
}

/**
 * Alias -> canonical tag, `#` dropped from both. A good entry is kept beside a bad one; an alias of
 * itself, or one whose canonical tag is itself an alias, is refused (the fix would never settle).
 */
function readTagAliases(v: unknown, problems: string[], set: (v: Record<string, string>) => void) {
  if (v === undefined || v === null) return;
  if (!isObject(v)) {
    problems.push('tagAliases must map alias tags to canonical tags, such as { "LLMs": "LLM" }');
    return;
  }
  const out: Record<string, string> = {};
  const bad: string[] = [];
  const tagOf = (x: unknown) => (typeof x === 'string' ? x.trim().replace(/^#/, '') : '');
  for (const [rawAlias, rawCanonical] of Object.entries(v)) {
    const alias = tagOf(rawAlias);
    const canonical = tagOf(rawCanonical);
    if (!isTagName(alias) || !isTagName(canonical) || alias === canonical) bad.push(rawAlias);
    else out[alias] = canonical;
  }
  for (const [alias, canonical] of Object.entries(out)) {
    if (canonical in out) {
      bad.push(alias);
      delete out[alias];
    }
  }
  if (bad.length > 0) problems.push(`tagAliases must map each alias to another tag (letters, digits, - _ + . without spaces), not itself or an alias; ignored: ${bad.map((b) => JSON.stringify(b)).join(', ')}`);
  set(out);
}

/** What the issue's tag syntax accepts after `#` (see the model's tag reader). */
function isTagName(tag: string): boolean {
  return /^[\p{L}\p{N}\p{M}_+.-]+$/u.test(tag);
}

function mergePreset(base: LanguagePreset, input: unknown, where: string, problems: string[]): LanguagePreset {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    problems.push(`${where} must be an object`);
    return base;
  }
  const out: LanguagePreset = { ...base, referenceKinds: { ...base.referenceKinds } };
  const p = input as Record<string, unknown>;
  for (const key of ['toc', 'summary', 'references', 'summaryField', 'tagsField'] as const) {
    const v = p[key];
    if (v === undefined) continue;
    if (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string')) out[key] = v;
    else problems.push(`${where}.${key} must be a non-empty list of strings`);
  }
  const kinds = p.referenceKinds;
  if (kinds !== undefined && kinds !== null && !isObject(kinds)) problems.push(`${where}.referenceKinds must be an object with project, github and paper`);
  else if (isObject(kinds)) {
    for (const k of ['project', 'github', 'paper'] as const) {
      if (kinds?.[k] === undefined) continue;
      if (typeof kinds[k] === 'string') out.referenceKinds[k] = kinds[k] as string;
      else problems.push(`${where}.referenceKinds.${k} must be a string`);
    }
  }
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
