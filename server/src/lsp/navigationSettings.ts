/**
 * The settings of the index and of hover previews: `weekly.exclude`, `files.exclude`,
 * `weekly.hover.fetchPreviews` and the preview sites' base URLs. Anything of the wrong type is
 * reported and replaced by the default, as the core settings are (configLoader.ts).
 */
import type { PreviewSettings } from '../service/linkPreview/previewService';

export interface NavigationSettings {
  /** Globs relative to a workspace folder: `files.exclude` entries set to true, then `weekly.exclude`. */
  exclude: string[];
  /** `null`: on in trusted workspaces, off in untrusted ones. */
  fetchPreviews: boolean | null;
  previews: Partial<PreviewSettings>;
  /** `weekly.links.check`: check an issue's links each time it is saved. */
  linksCheck: 'off' | 'onSave';
  problems: string[];
}

export function readNavigationSettings(weekly: unknown, filesExclude: unknown): NavigationSettings {
  const problems: string[] = [];
  const w = isObject(weekly) ? weekly : {};
  // Dependencies' and Git's Markdown is never an issue; VS Code's default files.exclude has .git but
  // not node_modules (only search.exclude does).
  const exclude: string[] = ['**/node_modules', '**/.git'];
  if (isObject(filesExclude)) {
    // `{ "**/.git": true, "docs": { "when": "$(basename).ts" } }`: only plain `true` entries exclude for good.
    for (const [glob, on] of Object.entries(filesExclude)) if (on === true) exclude.push(glob);
  }
  const own = w.exclude;
  if (Array.isArray(own) && own.every((g) => typeof g === 'string')) exclude.push(...own);
  else if (own !== undefined && own !== null) problems.push('exclude must be a list of globs');

  const hover = isObject(w.hover) ? w.hover : {};
  const fetch = hover.fetchPreviews ?? w['hover.fetchPreviews'];
  let fetchPreviews: boolean | null = null;
  if (typeof fetch === 'boolean') fetchPreviews = fetch;
  else if (fetch !== undefined && fetch !== null) problems.push('hover.fetchPreviews must be true, false or null');

  const previews: Partial<PreviewSettings> = {};
  const ttl = hover.cacheHours ?? w['hover.cacheHours'];
  if (typeof ttl === 'number' && ttl >= 0) previews.ttlMs = ttl * 3600_000;
  else if (ttl !== undefined && ttl !== null) problems.push('hover.cacheHours must be a number of hours');
  const links = isObject(w.links) ? w.links.check : w['links.check'];
  let linksCheck: 'off' | 'onSave' = 'off';
  if (links === 'onSave') linksCheck = 'onSave';
  else if (links !== undefined && links !== null && links !== 'off') problems.push('links.check must be "off" or "onSave"');
  return { exclude, fetchPreviews, previews, linksCheck, problems };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
