/**
 * The archive kept up to date from the workspace index: one summary per issue (issueSummary.ts), read again
 * only for entries that are new objects (as paper-repeat's catalog does), and the views' data made from them
 * when asked. `refresh` says which files changed what the views show, so the server sends an update only then.
 */
import type { IndexEntry } from '../indexing/indexEntry';
import type { ArchiveData } from './archiveTypes';
import { summarizeEntry, tagOccurrence, type IssueSummary } from './issueSummary';
import { issuesNewestFirst } from './issueList';
import { collectTags } from './tagList';
import { papersByName } from './paperList';

export class ArchiveIndex {
  private readonly entries = new Map<string, IndexEntry>();
  private readonly summaries = new Map<string, IssueSummary>();
  private lastGeneration: number | undefined;
  private cached?: ArchiveData;
  /** Bumped when what the views show changed. */
  version = 0;

  /** `source()` gives every entry of the index; `generation()` changes when any did (WorkspaceIndex.generation). */
  constructor(private readonly source: () => Iterable<IndexEntry>, private readonly generation: () => number = () => NaN) {}

  /** Reads the entries that changed; returns the files whose shown data changed (added, edited or gone). */
  refresh(): string[] {
    const generation = this.generation();
    if (generation === this.lastGeneration) return [];
    this.lastGeneration = generation;
    const changed: string[] = [];
    const seen = new Set<string>();
    for (const entry of this.source()) {
      seen.add(entry.uri);
      if (this.entries.get(entry.uri) === entry) continue;
      this.entries.set(entry.uri, entry);
      const before = this.summaries.get(entry.uri);
      const after = summarizeEntry(entry);
      if (after) this.summaries.set(entry.uri, after);
      else this.summaries.delete(entry.uri);
      if (before?.key !== after?.key) changed.push(entry.uri);
    }
    for (const uri of [...this.entries.keys()]) {
      if (seen.has(uri)) continue;
      this.entries.delete(uri);
      if (this.summaries.delete(uri)) changed.push(uri);
    }
    if (changed.length > 0) {
      this.version++;
      this.cached = undefined;
    }
    return changed;
  }

  /** The three views' data (made once per version). */
  data(): ArchiveData {
    this.refresh();
    if (this.cached) return this.cached;
    const ordered = issuesNewestFirst(this.summaries.values());
    const issues = ordered.map((s) => s.issue);
    const tags = collectTags(issues);
    for (const tag of tags) tag.at = tagOccurrence(ordered[tag.uses[0].issue], tag.name);
    this.cached = { version: this.version, issues, tags, papers: papersByName(issues) };
    return this.cached;
  }
}
