/**
 * The CLI's answer to `anchorsOf` (broken-file-anchor): a linked Markdown file is read from disk and
 * parsed by the same issue model the editor uses, once per file and slug style in a run. A file the run
 * rewrites (`--fix`) is read again.
 */
import { buildIssueModel } from '../service/model/issueModel';
import { SectionCache } from '../service/model/sectionCache';
import { findSlugStyle, slugStyles } from '../service/slug';
import type { WeeklyConfig } from '../service';
import { MARKDOWN_FILE } from '../service/indexing/workspaceIndex';
import { readText } from './files';

export interface DiskAnchors {
  anchorsOf(file: string, config: WeeklyConfig): ReadonlySet<string> | undefined;
  /** The file was rewritten: forget what was read of it. */
  forget(file: string): void;
}

export function createDiskAnchors(): DiskAnchors {
  const cache = new Map<string, ReadonlySet<string> | undefined>();
  const sectionCache = new SectionCache(2_000);
  return {
    anchorsOf(file, config) {
      if (!MARKDOWN_FILE.test(file)) return undefined; // anchors of other kinds of files are not ours to know
      const style = findSlugStyle(config.slugStyle) ?? slugStyles[0];
      const key = `${style.id}\0${file}`;
      if (cache.has(key)) return cache.get(key);
      const read = readText(file);
      const anchors = 'error' in read || read.text.length > config.maxFileSize
        ? undefined
        : new Set(buildIssueModel(read.text, { slugStyle: style, presets: config.presets, cache: sectionCache }).anchors.keys());
      cache.set(key, anchors);
      return anchors;
    },
    forget(file) {
      for (const key of [...cache.keys()]) if (key.endsWith('\0' + file)) cache.delete(key);
    },
  };
}
