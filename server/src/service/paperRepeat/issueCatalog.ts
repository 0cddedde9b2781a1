/**
 * The papers of the other issues, by identity: what paper-repeat looks a paper up in. Built from index
 * entries (the editor: the workspace index; the CLI: the run's files and `--archive`, read the same way),
 * and kept up to date by entry: when the index changes, only the entries that are new objects are read
 * again, so typing in one issue costs one entry, not the workspace.
 */
import type { IndexEntry } from '../indexing/indexEntry';
import { entryLines } from '../indexing/indexEntry';
import type { LineIndex } from '../util/lineIndex';
import type { CatalogPaper, IssueCatalog } from './catalogTypes';
import type { WorkspaceIndex } from '../indexing/workspaceIndex';
import { compareIssues, type IssueOrder } from './paperIdentities';

export type { CatalogPaper, IssueCatalog } from './catalogTypes';

export class EntryCatalog implements IssueCatalog {
  private readonly entries = new Map<string, IndexEntry>();
  private readonly byIdentity = new Map<string, CatalogPaper[]>();
  private lastGeneration: number | undefined;

  /** `entries()` gives every entry; `generation()` changes when any did (WorkspaceIndex.generation). */
  constructor(private readonly source: () => Iterable<IndexEntry>, private readonly generation: () => number = () => 0) {}

  version(): number {
    return this.generation();
  }

  earlierPaper(identity: string, self: IssueOrder): CatalogPaper | undefined {
    this.refresh();
    let best: CatalogPaper | undefined;
    for (const p of this.byIdentity.get(identity) ?? []) {
      if (p.uri === self.uri || compareIssues(p, self) >= 0) continue;
      if (!best || compareIssues(p, best) < 0) best = p;
    }
    return best;
  }

  linesOf(uri: string): LineIndex | undefined {
    this.refresh();
    const entry = this.entries.get(uri);
    return entry && entryLines(entry);
  }

  /** How many identities are catalogued (the bench reports it). */
  get size(): number {
    this.refresh();
    return this.byIdentity.size;
  }

  private refresh(): void {
    const generation = this.generation();
    if (generation === this.lastGeneration) return;
    this.lastGeneration = generation;
    const seen = new Set<string>();
    for (const entry of this.source()) {
      seen.add(entry.uri);
      const old = this.entries.get(entry.uri);
      if (old === entry) continue;
      if (old) this.remove(old);
      this.entries.set(entry.uri, entry);
      this.add(entry);
    }
    for (const [uri, entry] of this.entries) {
      if (seen.has(uri)) continue;
      this.remove(entry);
      this.entries.delete(uri);
    }
  }

  private add(entry: IndexEntry): void {
    if (!entry.looksLikeIssue) return;
    for (const paper of entry.papers) {
      if (paper.identities.length === 0) continue;
      const listed: CatalogPaper = {
        uri: entry.uri,
        date: entry.date,
        name: paper.name,
        headingText: entry.headings[paper.heading]?.text ?? paper.name,
        start: paper.start,
        end: paper.end,
      };
      for (const id of paper.identities) {
        const list = this.byIdentity.get(id);
        if (list) list.push(listed);
        else this.byIdentity.set(id, [listed]);
      }
    }
  }

  private remove(entry: IndexEntry): void {
    for (const paper of entry.papers) {
      for (const id of paper.identities) {
        const list = this.byIdentity.get(id);
        if (!list) continue;
        const kept = list.filter((p) => p.uri !== entry.uri);
        if (kept.length > 0) this.byIdentity.set(id, kept);
        else this.byIdentity.delete(id);
      }
    }
  }
}

const catalogs = new WeakMap<WorkspaceIndex, EntryCatalog>();

/** The catalog of a workspace index (one per index: the rule and the hover share it). */
export function catalogOfIndex(index: WorkspaceIndex): EntryCatalog {
  let catalog = catalogs.get(index);
  if (!catalog) {
    catalog = new EntryCatalog(() => index.all(), () => index.generation);
    catalogs.set(index, catalog);
  }
  return catalog;
}
