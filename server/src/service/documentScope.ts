import picomatch from 'picomatch';
import * as path from 'path';
import { URI } from 'vscode-uri';
import type { WeeklyConfig } from './config';
import type { IssueModel } from './model/types';

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
  if (model.looksLikeIssue) return true;
  if (!filePath || config.issueFiles.length === 0) return false;
  const matcher = picomatch(config.issueFiles, { dot: true });
  const candidates = roots
    .filter((root) => isInside(filePath, root))
    .map((root) => path.relative(root, filePath).split(path.sep).join('/'));
  candidates.push(path.basename(filePath));
  return candidates.some((c) => matcher(c));
}

export function isInside(file: string, folder: string): boolean {
  const rel = path.relative(folder, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}
