/**
 * The CLI's catalog of issues for paper-repeat (service/paperRepeat/issueCatalog.ts): the files of the run
 * and those under `--archive DIR`, each read once into the same shallow model and index entry the
 * editor's workspace index makes of a file on disk.
 */
import { pathToFileURL } from 'url';
import { entryFromModel, type IndexEntry } from '../service/indexing/indexEntry';
import { buildIssueModel } from '../service/model/issueModel';
import { SectionCache } from '../service/model/sectionCache';
import { EntryCatalog } from '../service/paperRepeat/issueCatalog';
import { findSlugStyle, slugStyles } from '../service/slug';
import type { WeeklyConfig } from '../service';
import { readText } from './files';

export function createRunCatalog(files: readonly string[], configFor: (file: string) => WeeklyConfig): EntryCatalog {
  // Read on the first question only: a --cache run whose files are all unchanged asks none.
  let entries: IndexEntry[] | undefined;
  return new EntryCatalog(() => (entries ??= readEntries(files, configFor)));
}

/** Each readable file's index entry, as the editor's index makes it of a file on disk (also `weekly-issues stats`). */
export function readEntries(files: readonly string[], configFor: (file: string) => WeeklyConfig): IndexEntry[] {
  const cache = new SectionCache(50_000, 'shallow');
  const entries: IndexEntry[] = [];
  for (const file of new Set(files)) {
    const read = readText(file);
    if ('error' in read) continue; // the run reports its own files; an unreadable archive file is skipped
    const config = configFor(file);
    const slugStyle = findSlugStyle(config.slugStyle) ?? slugStyles[0];
    try {
      const model = buildIssueModel(read.text, { slugStyle, presets: config.presets, cache });
      entries.push(entryFromModel(pathToFileURL(file).href, model, config.presets));
    } catch {
      // a file the model cannot read is no issue to compare with
    }
  }
  return entries;
}

/**
 * What paper-repeat's answers depend on, cheaply: the file names and their heading, link and `date:` lines.
 * The lint cache's key holds it, so a cached result is not reused once another issue's papers may have
 * changed (reading the lines costs a fraction of parsing the archive).
 */
export function catalogDigestSource(files: readonly string[]): string {
  const parts: string[] = [];
  for (const file of [...new Set(files)].sort()) {
    const read = readText(file);
    if ('error' in read) continue;
    parts.push(file, ...read.text.split('\n').filter((l) => /^\s{0,3}#{1,6}\s|:\/\/|^date\s*:/i.test(l)));
  }
  return parts.join('\n');
}
