/**
 * What broken-file-anchor and broken-file-link ask about other files (`RuleEnvironment.anchorsOf`,
 * `filesNamed`), answered from the workspace index: an open document's entry is its current model's
 * text, a closed file's is its text on disk. The index keeps headings but not HTML ids, so a file's
 * anchors come from its full model, built once per index entry and slug style (an entry is replaced
 * whenever its file changes, so the cache never goes stale).
 */
import * as path from 'path';
import { URI } from 'vscode-uri';
import type { WeeklyConfig } from '../config/weeklyConfig';
import { uriToPath } from '../config/documentScope';
import type { IndexEntry } from '../indexing/indexEntry';
import { buildIssueModel } from '../model/issueModel';
import { SectionCache } from '../model/sectionCache';
import { findSlugStyle, slugStyles } from '../slug';
import type { WorkspaceIndex } from '../indexing/workspaceIndex';

export interface FileLinkLookups {
  /** The anchors of a Markdown file of the index under the given settings' slug style; undefined: not indexed. */
  anchorsOf(filePath: string, config: WeeklyConfig): ReadonlySet<string> | undefined;
  /** The indexed files with this name. */
  filesNamed(name: string): readonly string[];
}

export function createFileLinkLookups(index: WorkspaceIndex): FileLinkLookups {
  // Its own small cache: other files' sections must not crowd the open documents' out of the shared one.
  const sectionCache = new SectionCache(2_000);
  const anchorsByEntry = new WeakMap<IndexEntry, { style: string; anchors: ReadonlySet<string> }>();
  let byName: { generation: number; names: Map<string, string[]> } | undefined;
  return {
    anchorsOf(filePath, config) {
      const entry = index.get(URI.file(filePath).toString());
      // An oversized file is not parsed for its own checks either: its anchors are unknown.
      if (!entry || entry.text.length > config.maxFileSize) return undefined;
      const style = findSlugStyle(config.slugStyle) ?? slugStyles[0];
      const cached = anchorsByEntry.get(entry);
      if (cached?.style === style.id) return cached.anchors;
      const model = buildIssueModel(entry.text, { slugStyle: style, presets: config.presets, cache: sectionCache });
      const anchors = new Set(model.anchors.keys());
      anchorsByEntry.set(entry, { style: style.id, anchors });
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
