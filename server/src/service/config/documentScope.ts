import picomatch from 'picomatch';
import * as path from 'path';
import { URI } from 'vscode-uri';
import type { WeeklyConfig } from './weeklyConfig';
import type { IssueModel, IssueStatus } from '../model/types';

/** The file-system path of a `file:` URI, else undefined (untitled, virtual documents). */
export function uriToPath(uri: string): string | undefined {
  try {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' ? parsed.fsPath : undefined;
  } catch {
    return undefined;
  }
}

/** A document is a weekly issue by its shape, by `weekly.issueFiles`, or by front matter `weekly: true`. */
export function isWeeklyIssue(model: IssueModel, config: WeeklyConfig, filePath: string | undefined, roots: readonly string[]): boolean {
  return issueStatusOf(model, config, filePath, roots).isIssue;
}

/**
 * Why a document is or is not treated as an issue. The file's own front matter wins (`weekly: false`
 * opts a file out even when `weekly.issueFiles` names it), then `weekly.issueFiles`, then its shape.
 */
export function issueStatusOf(model: IssueModel, config: WeeklyConfig, filePath: string | undefined, roots: readonly string[]): IssueStatus {
  const shape = model.issueShape;
  if (shape.frontMatter !== undefined) return { isIssue: shape.frontMatter, reason: shape.frontMatter ? 'frontMatter' : 'frontMatterOff' };
  if (matchesWorkspaceGlobs(config.issueFiles, filePath, roots)) return { isIssue: true, reason: 'issueFiles' };
  if (model.looksLikeIssue) return { isIssue: true, reason: shape.paperSections === 0 ? 'shapeNoPapers' : 'shape' };
  return { isIssue: false, reason: !shape.toc && !shape.references ? 'noTocNoReferences' : !shape.toc ? 'noToc' : !shape.references ? 'noReferences' : 'noFields' };
}

export function isInside(file: string, folder: string): boolean {
  const rel = path.relative(folder, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/**
 * A file matched by `weekly.ignore`: never checked. Patterns are matched against the path relative to
 * each workspace folder (the CLI: its --root) and against the file's name, as `weekly.issueFiles` are.
 */
export function isIgnoredFile(config: WeeklyConfig, filePath: string | undefined, roots: readonly string[]): boolean {
  return matchesWorkspaceGlobs(config.ignore, filePath, roots);
}

function matchesWorkspaceGlobs(patterns: readonly string[], filePath: string | undefined, roots: readonly string[]): boolean {
  if (!filePath || patterns.length === 0) return false;
  const matcher = picomatch(patterns as string[], { dot: true });
  const candidates = roots
    .filter((root) => isInside(filePath, root))
    .map((root) => path.relative(root, filePath).split(path.sep).join('/'));
  candidates.push(path.basename(filePath));
  return candidates.some((c) => matcher(c));
}
