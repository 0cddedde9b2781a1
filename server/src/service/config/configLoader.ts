import { defaultConfig, defaultPresets, type LanguagePreset, type Severity, type WeeklyConfig } from './weeklyConfig';
import { findSlugStyle, slugStyles } from '../slug';
import type { Translate } from '../util/l10n';
import { CM, ConfigProblems, englishConfigMessages } from './configMessages';

const SEVERITIES: readonly Severity[] = ['off', 'hint', 'info', 'warning', 'error'];

export interface ConfigResult {
  config: WeeklyConfig;
  /** What was wrong with the input; each entry names the setting and what was used instead. */
  problems: string[];
  /** The dotted path of the setting each problem is about ('' for the whole input), in the same order. */
  problemSettings: string[];
}

/**
 * Reads settings from any source (VS Code's `weekly.*`, `.weekly-issues.json`, CLI flags) over a base.
 * Anything of the wrong type is reported and replaced by the base value: bad settings never throw.
 */
export function resolveConfig(input: unknown, base: WeeklyConfig = defaultConfig, t: Translate = englishConfigMessages): ConfigResult {
  const problems = new ConfigProblems(t);
  const config: WeeklyConfig = { ...base, severity: { ...base.severity }, presets: { ...base.presets } };
  const result = () => ({ config, problems: problems.messages, problemSettings: problems.settings });
  if (input === undefined || input === null) return result();
  if (typeof input !== 'object' || Array.isArray(input)) {
    problems.add('', CM['config.settingsObject']);
    return result();
  }
  const s = input as Record<string, unknown>;
  const validate = s.validate as Record<string, unknown> | undefined;

  const slugStyle = s.slugStyle;
  if (slugStyle !== undefined && slugStyle !== null) {
    if (typeof slugStyle === 'string' && findSlugStyle(slugStyle)) config.slugStyle = slugStyle;
    else problems.add('slugStyle', CM['config.slugStyle'], { choices: slugStyles.map((x) => x.id).join(', '), used: config.slugStyle });
  }
  const scope = (isObject(validate) ? validate.scope : undefined) ?? s['validate.scope'];
  if (validate !== undefined && validate !== null && !isObject(validate)) problems.add('validate', CM['config.validateObject']);
  if (scope !== undefined && scope !== null) {
    if (scope === 'issues' || scope === 'all' || scope === 'off') config.validateScope = scope;
    else problems.add('validate.scope', CM['config.validateScope'], { used: config.validateScope });
  }
  readStrings(s, 'issueFiles', problems, (v) => (config.issueFiles = v));
  readStrings(s, 'ignore', problems, (v) => (config.ignore = v));
  readStrings(s, 'tagVocabulary', problems, (v) => (config.tagVocabulary = v));
  if (s.siteRoot !== undefined && s.siteRoot !== null && s.siteRoot !== '') {
    if (typeof s.siteRoot === 'string') config.siteRoot = s.siteRoot;
    else problems.add('siteRoot', CM['config.path']);
  }
  if (s.severity !== undefined && s.severity !== null) {
    if (typeof s.severity !== 'object' || Array.isArray(s.severity)) problems.add('severity', CM['config.severityMap']);
    else {
      for (const [code, sev] of Object.entries(s.severity as Record<string, unknown>)) {
        if (SEVERITIES.includes(sev as Severity)) config.severity[code] = sev as Severity;
        else problems.add(`severity.${code}`, CM['config.oneOf'], { choices: SEVERITIES.join(', ') });
      }
    }
  }
  if (s.maxFileSize !== undefined && s.maxFileSize !== null) {
    const v = s.maxFileSize;
    if (typeof v === 'number' && Number.isFinite(v) && v > 0) config.maxFileSize = v;
    else problems.add('maxFileSize', CM['config.maxFileSize'], { used: config.maxFileSize });
  }
  if (s.requiredFields !== undefined && s.requiredFields !== null) {
    const v = s.requiredFields;
    if (Array.isArray(v) && v.every((x) => x === 'summary' || x === 'tags')) config.requiredFields = v as WeeklyConfig['requiredFields'];
    else problems.add('requiredFields', CM['config.requiredFields']);
  }
  readTagAliases(s.tagAliases, problems, (v) => (config.tagAliases = v));
  readServices(s.services, problems, config);
  if (s.paperLinkForm !== undefined && s.paperLinkForm !== null) {
    const v = s.paperLinkForm;
    if (v === 'auto' || v === 'abs' || v === 'html' || v === 'pdf' || v === 'as-pasted') config.paperLinkForm = v;
    else problems.add('paperLinkForm', CM['config.paperLinkForm'], { used: config.paperLinkForm });
  }
  if (s.maxSuggestedTags !== undefined && s.maxSuggestedTags !== null) {
    const v = s.maxSuggestedTags;
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 20) config.maxSuggestedTags = v;
    else problems.add('maxSuggestedTags', CM['config.maxSuggestedTags'], { used: config.maxSuggestedTags });
  }
  readNetwork(s.network, problems, config);
  readPublish(s.publish, problems, config);
  if (s.requiredReferenceKinds !== undefined && s.requiredReferenceKinds !== null) {
    const v = s.requiredReferenceKinds;
    if (Array.isArray(v) && v.every((x) => x === 'project' || x === 'github' || x === 'paper')) config.requiredReferenceKinds = [...new Set(v)] as WeeklyConfig['requiredReferenceKinds'];
    else problems.add('requiredReferenceKinds', CM['config.requiredReferenceKinds']);
  }
  if (s.presets !== undefined && s.presets !== null && !isObject(s.presets)) problems.add('presets', CM['config.presetsObject']);
  else if (isObject(s.presets)) {
    const presets = s.presets;
    for (const key of Object.keys(presets)) {
      if (key !== 'zh' && key !== 'en') problems.add(`presets.${key}`, CM['config.presetLanguage']);
    }
    for (const lang of ['zh', 'en'] as const) {
      if (presets[lang] === undefined || presets[lang] === null) continue;
      const merged = mergePreset(config.presets[lang] ?? defaultPresets[lang], presets[lang], `presets.${lang}`, problems);
      config.presets[lang] = merged;
    }
  }
  return result();
}

function readServices(v: unknown, problems: ConfigProblems, config: WeeklyConfig) {
  if (v === undefined || v === null) return;
  if (!isObject(v)) return void problems.add('services', CM['config.servicesObject']);
  const services = { ...config.services };
  for (const key of Object.keys(v)) if (!(key in services)) problems.add(`services.${key}`, CM['config.notASetting']);
  if (v.enabled !== undefined && v.enabled !== null) {
    if (typeof v.enabled === 'boolean') services.enabled = v.enabled;
    else problems.add('services.enabled', CM['config.boolean']);
  }
  for (const key of ['arxivApiUrl', 'huggingFaceApiUrl', 'githubApiUrl'] as const) {
    const url = v[key];
    if (url === undefined || url === null || url === '') continue;
    if (typeof url === 'string' && /^https?:\/\/[^\s]+$/i.test(url.trim())) services[key] = url.trim();
    else problems.add(`services.${key}`, CM['config.urlUsing'], { used: services[key] });
  }
  config.services = services;
}

function readPublish(v: unknown, problems: ConfigProblems, config: WeeklyConfig) {
  if (v === undefined || v === null) return;
  if (!isObject(v)) return void problems.add('publish', CM['config.publishObject']);
  for (const key of Object.keys(v)) if (key !== 'baseUrl') problems.add(`publish.${key}`, CM['config.notASetting']);
  const url = v.baseUrl;
  if (url === undefined || url === null || url === '') return;
  if (typeof url === 'string' && /^https?:\/\/[^\s]+$/i.test(url.trim())) config.publish = { baseUrl: url.trim() };
  else problems.add('publish.baseUrl', CM['config.urlIgnored']);
}

function readNetwork(v: unknown, problems: ConfigProblems, config: WeeklyConfig) {
  if (v === undefined || v === null) return;
  if (!isObject(v)) return void problems.add('network', CM['config.networkObject']);
  for (const key of Object.keys(v)) if (key !== 'allowPrivateHosts') problems.add(`network.${key}`, CM['config.notASetting']);
  const hosts = v.allowPrivateHosts;
  if (hosts === undefined || hosts === null) return;
  if (Array.isArray(hosts) && hosts.every((h) => typeof h === 'string' && h.trim() !== '')) config.network = { allowPrivateHosts: hosts.map((h) => h.trim()) };
  else problems.add('network.allowPrivateHosts', CM['config.hosts']);
}

function readStrings(s: Record<string, unknown>, key: string, problems: ConfigProblems, set: (v: string[]) => void) {
  const v = s[key];
  if (v === undefined || v === null) return;
  // Empty strings are refused too: picomatch throws on an empty glob.
  if (Array.isArray(v) && v.every((x) => typeof x === 'string' && x.trim() !== '')) set(v);
  else problems.add(key, CM['config.strings']);
}

/**
 * Alias -> canonical tag, `#` dropped from both. A good entry is kept beside a bad one; an alias of
 * itself, or one whose canonical tag is itself an alias, is refused (the fix would never settle).
 */
function readTagAliases(v: unknown, problems: ConfigProblems, set: (v: Record<string, string>) => void) {
  if (v === undefined || v === null) return;
  if (!isObject(v)) {
    problems.add('tagAliases', CM['config.tagAliasesObject']);
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
  if (bad.length > 0) problems.add('tagAliases', CM['config.tagAliasesBad'], { bad: bad.map((b) => JSON.stringify(b)).join(', ') });
  set(out);
}

/** What the issue's tag syntax accepts after `#` (see the model's tag reader). */
function isTagName(tag: string): boolean {
  return /^[\p{L}\p{N}\p{M}_+.-]+$/u.test(tag);
}

function mergePreset(base: LanguagePreset, input: unknown, where: string, problems: ConfigProblems): LanguagePreset {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    problems.add(where, CM['config.object']);
    return base;
  }
  const out: LanguagePreset = { ...base, referenceKinds: { ...base.referenceKinds } };
  const p = input as Record<string, unknown>;
  for (const key of ['toc', 'summary', 'references', 'summaryField', 'tagsField'] as const) {
    const v = p[key];
    if (v === undefined) continue;
    if (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string')) out[key] = v;
    else problems.add(`${where}.${key}`, CM['config.nonEmptyStrings']);
  }
  const kinds = p.referenceKinds;
  if (kinds !== undefined && kinds !== null && !isObject(kinds)) problems.add(`${where}.referenceKinds`, CM['config.referenceKinds']);
  else if (isObject(kinds)) {
    for (const k of ['project', 'github', 'paper'] as const) {
      if (kinds?.[k] === undefined) continue;
      if (typeof kinds[k] === 'string') out.referenceKinds[k] = kinds[k] as string;
      else problems.add(`${where}.referenceKinds.${k}`, CM['config.string']);
    }
  }
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
