/**
 * What broken-file-anchor and broken-file-link ask about other files (`RuleEnvironment.anchorsOf`,
 * `filesNamed`), answered from the workspace index: an open document's entry is its current model's
 * text, a closed file's is its text on disk. A file's anchors (heading slugs and HTML ids) come from its
 * model in the index's shared `ModelCache` (a shallow model answers them), under the linking document's
 * slug style.
 */
import * as path from 'path';
import { URI } from 'vscode-uri';
import type { WeeklyConfig } from '../config/weeklyConfig';
import { uriToPath } from '../config/documentScope';
import type { IssueModel } from '../model/types';
import { findSlugStyle, slugStyles } from '../slug';
import type { WorkspaceIndex } from '../indexing/workspaceIndex';

export interface FileLinkLookups {
  /** The anchors of a Markdown file of the index under the given settings' slug style; undefined: not indexed. */
  anchorsOf(filePath: string, config: WeeklyConfig): ReadonlySet<string> | undefined;
  /** The indexed files with this name. */
  filesNamed(name: string): readonly string[];
}

export function createFileLinkLookups(index: WorkspaceIndex): FileLinkLookups {
  // The set of a model's anchor ids, made once per model (the cache hands out the same model until its file changes).
  const anchorSets = new WeakMap<IssueModel, ReadonlySet<string>>();
  let byName: { generation: number; names: Map<string, string[]> } | undefined;
  return {
    anchorsOf(filePath, config) {
      const entry = index.get(URI.file(filePath).toString());
      // An oversized file is not parsed for its own checks either: its anchors are unknown.
      if (!entry || entry.text.length > config.maxFileSize) return undefined;
      const style = findSlugStyle(config.slugStyle) ?? slugStyles[0];
      const model = index.models.get(entry.uri, entry.text, { slugStyle: style, presets: config.presets }, 'shallow');
      let anchors = anchorSets.get(model);
      if (!anchors) {
        anchors = new Set(model.anchors.keys());
        anchorSets.set(model, anchors);
      }
      return anchors;
    },
    filesNamed(name) {
      if (byName?.generation !== index.generation) {
        const names = new Map<string, string[]>();
        for (const entry of index.all()) {
          const file = uriToPath(entry.uri);
          if (!file) continue;
          const base = path.basename(file);
          const list = names.get(base);
          if (list) list.push(file);
          else names.set(base, [file]);
        }
        byName = { generation: index.generation, names };
      }
      return byName.names.get(name) ?? [];
    },
  };
}
