/**
 * `.weekly-issues.json`: its text read into settings, and what is wrong with it located in the text, so
 * that the editor can put one diagnostic on the file and the CLI can print one line per problem.
 * Pure: the caller reads the file.
 */
import * as path from 'path';
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import schema from '../../../../schemas/weekly-issues.schema.json';
import { defaultConfig, type WeeklyConfig } from './weeklyConfig';
import { resolveConfig } from './configLoader';
import type { Translate } from '../util/l10n';
import { CM, englishConfigMessages } from './configMessages';

export const CONFIG_FILE_NAME = '.weekly-issues.json';

/** The settings the file may hold: the JSON schema's top-level properties (one source for both). */
export const configFileKeys: readonly string[] = Object.keys(schema.properties);

export interface ConfigFileProblem {
  /** UTF-16 offsets of what the problem is about (a property, or where the JSON stops making sense). */
  start: number;
  end: number;
  message: string;
  /** The text is not JSON at all (or empty): nothing of it is used. */
  syntax?: boolean;
}

export interface ConfigFileResult {
  /** The settings: the base where the file is unusable, the base with the file's good parts otherwise. */
  config: WeeklyConfig;
  problems: ConfigFileProblem[];
}

/** Reads a config file's text over a base. Never throws; invalid JSON leaves the base as it is. */
export function readConfigFile(text: string, base: WeeklyConfig = defaultConfig, t: Translate = englishConfigMessages): ConfigFileResult {
  const body = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text; // keep offsets, drop the BOM
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (err) {
    return { config: base, problems: [syntaxProblem(body, err, t)] };
  }
  const tree = parseTree(body);
  const problems: ConfigFileProblem[] = [];
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
    for (const key of Object.keys(raw)) {
      if (!configFileKeys.includes(key)) {
        problems.push({ ...locate(tree, [key]), message: t(CM['configFile.unknown'], { key }) });
      }
    }
  }
  const { config, problems: messages, problemSettings } = resolveConfig(raw, base, t);
  messages.forEach((message, i) => problems.push({ ...locate(tree, problemSettings[i] ? problemSettings[i].split('.') : []), message }));
  problems.sort((a, b) => a.start - b.start);
  return { config, problems };
}

/** One message for all of a file's problems: what the editor shows on the file. */
export function summarizeConfigProblems(problems: readonly ConfigFileProblem[], t: Translate = englishConfigMessages): string {
  if (problems.length === 1) return t(CM['configFile.one'], { file: CONFIG_FILE_NAME, problem: problems[0].message });
  return t(CM['configFile.many'], { file: CONFIG_FILE_NAME, count: problems.length, problems: problems.map((p) => p.message).join('; ') });
}

function syntaxProblem(text: string, err: unknown, t: Translate): ConfigFileProblem {
  if (text.trim() === '') return { start: 0, end: 0, message: t(CM['configFile.empty']), syntax: true };
  // JSON.parse says what is wrong; jsonc-parser (strict: no comments, no trailing commas) says where.
  const errors: ParseError[] = [];
  parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  const first = errors[0];
  const start = first ? first.offset : 0;
  const end = first ? first.offset + Math.max(first.length, 1) : 0;
  // printParseErrorCode gives names such as `PropertyNameExpected`: said as words, "property name expected".
  const why = first ? printParseErrorCode(first.error).replace(/(?<=[a-z])(?=[A-Z])/g, ' ').toLowerCase() : (err as Error).message;
  return { start: Math.min(start, text.length), end: Math.min(end, text.length), message: t(CM['configFile.invalidJson'], { why }), syntax: true };
}

/** The property a path names (key and value), else its nearest existing parent, else the whole text. */
function locate(tree: Node | undefined, path: string[]): { start: number; end: number } {
  if (!tree) return { start: 0, end: 0 };
  // `validate.scope` may be written nested or as one dotted key, as VS Code writes settings.
  const candidates = path.length > 1 ? [path, [path.join('.')]] : [path];
  for (const candidate of candidates) {
    for (let n = candidate.length; n > 0; n--) {
      const node = findNodeAtLocation(tree, candidate.slice(0, n));
      if (node) {
        const property = node.parent?.type === 'property' ? node.parent : node;
        return { start: property.offset, end: property.offset + property.length };
      }
    }
  }
  return { start: tree.offset, end: tree.offset + Math.min(tree.length, 1) };
}

/** Must match client/src/configuration/explicitSettings.ts: the keys of `weekly.*` the user set. */
export const EXPLICIT_KEYS = '__explicitKeys';

/**
 * The settings the user set. VS Code's answer to `workspace/configuration` holds defaults too; our client
 * lists the keys the user set under EXPLICIT_KEYS, and only those may override the config file. Settings
 * without such a list (other clients) count whole.
 */
export function explicitOnly(settings: unknown): unknown {
  if (typeof settings !== 'object' || settings === null) return settings;
  const keys = (settings as Record<string, unknown>)[EXPLICIT_KEYS];
  return Array.isArray(keys) ? pickSettings(settings, keys.filter((k): k is string => typeof k === 'string')) : settings;
}

/** The given dotted keys (`validate.scope`) of a nested settings object, nested the same way. */
export function pickSettings(settings: unknown, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const parts = key.split('.');
    let from: unknown = settings;
    for (const part of parts) from = typeof from === 'object' && from !== null ? (from as Record<string, unknown>)[part] : undefined;
    if (from === undefined) continue;
    let to = out;
    for (const part of parts.slice(0, -1)) {
      if (typeof to[part] !== 'object' || to[part] === null) to[part] = {};
      to = to[part] as Record<string, unknown>;
    }
    to[parts[parts.length - 1]] = from;
  }
  return out;
}

/**
 * The `.weekly-issues.json` that applies to a file: the nearest one from its folder up to its workspace
 * folder (`boundary`); with no workspace folder, up to the top, as the CLI looks. `isFile` is the host's.
 */
export function nearestConfigFile(filePath: string, boundary: string | undefined, isFile: (p: string) => boolean): string | undefined {
  for (let dir = path.dirname(filePath); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (isFile(candidate)) return candidate;
    if ((boundary && path.resolve(dir) === path.resolve(boundary)) || path.dirname(dir) === dir) return undefined;
  }
}

/** A relative `siteRoot` is relative to where it was written: the config file's folder, or the workspace folder. */
export function withSiteRootFrom(config: WeeklyConfig, dir: string): WeeklyConfig {
  if (!config.siteRoot || path.isAbsolute(config.siteRoot)) return config;
  return { ...config, siteRoot: path.resolve(dir, config.siteRoot) };
}
