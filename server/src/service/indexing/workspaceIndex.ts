/**
 * The workspace index: one entry per Markdown file of the workspace folders (headings and slugs,
 * papers, tags with offsets, links to other Markdown files). Files on disk are read through the
 * host's `Workspace` into shallow issue models (model/shallowRuns.ts: the model reads only what the index
 * uses); open documents are indexed from their full model, so the index
 * always reflects what the editor shows. It answers tag counts, tag
 * uses, papers and cross-file links without rereading files.
 */
import * as path from 'path';
import picomatch from 'picomatch';
import { URI } from 'vscode-uri';
import type { IssueLanguage, LanguagePreset } from '../config/weeklyConfig';
import { uriToPath } from '../config/documentScope';
import { entryFromModel, type IndexEntry } from './indexEntry';
import { ModelCache } from './modelCache';
import type { IssueModel } from '../model/types';
import type { SlugStyle } from '../slug';
import type { ServiceHost } from '../host';

export type { IndexEntry, IndexedHeading, IndexedPaper, IndexedTag, IndexedFileLink } from './indexEntry';

/** What the index asks of the host (host.ts): the files of the workspace folders and their text. */
export type Workspace = Required<Pick<ServiceHost, 'listFiles' | 'readFile'>>;

export interface WorkspaceIndexOptions {
  workspace: Workspace;
  roots(): readonly string[];
  /** Globs relative to a workspace folder: `files.exclude` and `weekly.exclude`. */
  exclude(): readonly string[];
  slugStyle(): SlugStyle;
  presets(): Record<IssueLanguage, LanguagePreset>;
  log?(message: string): void;
}

export interface BuildReport {
  files: number;
  failures: number;
}

export const MARKDOWN_FILE = /\.(md|markdown)$/i;

export class WorkspaceIndex {
  private readonly entries = new Map<string, IndexEntry>();
  private readonly openUris = new Set<string>();
  /** Builds running, and the files whose events came while one ran (their event's answer is newer). */
  private building = 0;
  private readonly touchedDuringBuild = new Set<string>();
  private tagCountCache?: Map<string, number>;
  private buildPromise?: Promise<BuildReport>;
  private matcher?: { key: string; match: (path: string) => boolean };
  private readonly fileListeners: Array<(uri: string) => void> = [];
  /** Bumped on every change, so that callers can cache what they derive. */
  generation = 0;
  /** Built models of the indexed files, shared with the features that read other files. */
  readonly models = new ModelCache();

  constructor(private readonly options: WorkspaceIndexOptions) {}

  /** (Re)reads every file. `progress` is told how far it got; concurrent calls share one build. */
  build(progress?: (done: number, total: number) => void): Promise<BuildReport> {
    this.buildPromise ??= this.runBuild(progress).finally(() => (this.buildPromise = undefined));
    return this.buildPromise;
  }

  /** Resolves when no build is running (immediately if none is). */
  async ready(): Promise<void> {
    await this.buildPromise;
  }

  /**
   * Workspace folders were added (they are among `roots()` already): their files are read, with the same
   * exclusions; the other folders' entries stay. Runs after a build that is under way.
   */
  async addFolders(folders: readonly string[], progress?: (done: number, total: number) => void): Promise<BuildReport> {
    await this.ready();
    return this.runBuild(progress, folders);
  }

  /**
   * Workspace folders were removed (no longer among `roots()`): their files leave the index, open
   * documents too unless still included (with no folder left, every open file is). Listeners hear of
   * each file that went. Returns how many went.
   */
  removeFolders(folders: readonly string[]): number {
    let removed = 0;
    const roots = this.options.roots();
    for (const uri of [...this.entries.keys()]) {
      const file = uriToPath(uri);
      if (!file || !folders.some((f) => isWithin(file, f))) continue;
      // A folder nested in one that stays keeps its files.
      if (roots.some((r) => isWithin(file, r)) || (this.openUris.has(uri) && this.includes(uri))) continue;
      this.openUris.delete(uri);
      this.entries.delete(uri);
      this.models.forget(uri);
      removed++;
      this.changed(uri);
    }
    return removed;
  }

  /**
   * Reads the files under `folders` (default: every root; then entries of files that went are dropped).
   * One file at a time, so that a host whose reads yield to the event loop (node/fsWorkspace.ts) keeps its
   * server answering while a large workspace is indexed. The new entries take their place together when
   * the build ends: a check that runs meanwhile sees the index as it was, never a part of the workspace.
   */
  private async runBuild(progress?: (done: number, total: number) => void, folders?: readonly string[]): Promise<BuildReport> {
    this.building++;
    try {
      return await this.buildFiles(progress, folders);
    } finally {
      if (--this.building === 0) this.touchedDuringBuild.clear();
    }
  }

  private async buildFiles(progress?: (done: number, total: number) => void, folders?: readonly string[]): Promise<BuildReport> {
    const uris = (await this.options.workspace.listFiles(folders ?? this.options.roots(), this.options.exclude())).filter((u) => this.includes(u));
    const report: BuildReport = { files: uris.length, failures: 0 };
    // Settings once per build: the host may resolve them from files on each call.
    const options = this.extractOptions();
    const built = new Map<string, IndexEntry>();
    const PROGRESS_EVERY = 64;
    for (let i = 0; i < uris.length; i++) {
      const uri = uris[i];
      const text = await this.options.workspace.readFile(uri).catch((err: Error) => err);
      if (text instanceof Error) {
        report.failures++;
        this.options.log?.(`index: cannot read ${uri}: ${text.message}`);
      } else {
        try {
          built.set(uri, this.extract(uri, text, options));
        } catch (err) {
          report.failures++;
          this.options.log?.(`index: cannot read ${uri} as Markdown: ${(err as Error).message}`);
        }
      }
      if ((i + 1) % PROGRESS_EVERY === 0 || i + 1 === uris.length) progress?.(i + 1, uris.length);
    }
    // Open documents keep the entries of their models (they may have opened during the build), and a file
    // changed, created or deleted while the build read the others keeps what its event made of it: the
    // build's copy may be older (found by the test of an index built under changing files).
    const keep = (uri: string) => this.openUris.has(uri) || this.touchedDuringBuild.has(uri);
    if (!folders) for (const uri of [...this.entries.keys()]) if (!built.has(uri) && !keep(uri)) this.entries.delete(uri);
    for (const [uri, entry] of built) if (!keep(uri)) this.setEntry(entry);
    this.changed();
    return report;
  }

  private extractOptions() {
    return { slugStyle: this.options.slugStyle(), presets: this.options.presets() };
  }

  /** The entry of a file's text on disk, from its shallow model (not kept: see ModelCache). */
  extract(uri: string, text: string, options = this.extractOptions()): IndexEntry {
    return entryFromModel(uri, this.models.modelFor(uri, text, options, 'shallow'), options.presets);
  }

  /** A file changed, appeared or was closed in the editor: read it again (unless the editor has it open). */
  async refreshFile(uri: string): Promise<void> {
    if (this.building) this.touchedDuringBuild.add(uri);
    if (this.openUris.has(uri)) return;
    if (!this.includes(uri)) return this.removeFile(uri);
    try {
      const text = await this.options.workspace.readFile(uri);
      if (this.openUris.has(uri)) return;
      this.setEntry(this.extract(uri, text));
    } catch {
      this.entries.delete(uri); // gone between the event and the read (or unreadable)
      this.models.forget(uri);
    }
    this.changed(uri);
  }

  removeFile(uri: string): void {
    if (this.building) this.touchedDuringBuild.add(uri);
    if (this.openUris.has(uri)) return;
    this.models.forget(uri);
    if (this.entries.delete(uri)) this.changed(uri);
  }

  /** An open document's current model: it replaces the file's entry until the document is closed. */
  setOpenDocument(uri: string, model: IssueModel): void {
    if (!uri.startsWith('file:') || !this.includes(uri)) return;
    const current = this.entries.get(uri);
    if (current && this.openUris.has(uri) && current.text === model.text) return;
    this.openUris.add(uri);
    this.setEntry(entryFromModel(uri, model, this.options.presets()));
    this.changed(uri);
  }

  async closeDocument(uri: string): Promise<void> {
    if (!this.openUris.delete(uri)) return;
    await this.refreshFile(uri);
  }

  /** Whether a file belongs in the index: a Markdown file inside a workspace folder, not excluded. */
  includes(uri: string): boolean {
    const file = uriToPath(uri);
    if (!file || !MARKDOWN_FILE.test(file)) return false;
    const roots = this.options.roots();
    const root = roots.find((r) => isWithin(file, r));
    if (!root) return roots.length === 0;
    const rel = path.relative(root, file).split(path.sep).join('/');
    const globs = this.options.exclude();
    if (globs.length === 0) return true;
    const key = globs.join('\0');
    if (this.matcher?.key !== key) this.matcher = { key, match: picomatch([...globs], { dot: true }) };
    const matcher = this.matcher.match;
    // A glob may name a folder (`**/node_modules`, `drafts`): test the file and each folder above it.
    const parts = rel.split('/');
    for (let i = 1; i <= parts.length; i++) if (matcher(parts.slice(0, i).join('/'))) return false;
    return true;
  }

  get(uri: string): IndexEntry | undefined {
    return this.entries.get(uri);
  }

  all(): IterableIterator<IndexEntry> {
    return this.entries.values();
  }

  get size(): number {
    return this.entries.size;
  }

  /** How many files use each tag (a file counts once however often it writes the tag). */
  tagCounts(): ReadonlyMap<string, number> {
    if (!this.tagCountCache) {
      const counts = new Map<string, number>();
      for (const entry of this.entries.values()) {
        for (const name of new Set(entry.tags.map((t) => t.name))) counts.set(name, (counts.get(name) ?? 0) + 1);
      }
      this.tagCountCache = counts;
    }
    return this.tagCountCache;
  }

  /** Tag counts of the workspace without one file's own uses (what the rest of the workspace knows). */
  tagCountsExcept(uri: string): ReadonlyMap<string, number> {
    const own = this.entries.get(uri);
    const all = this.tagCounts();
    if (!own || own.tags.length === 0) return all;
    // Asked on every check of an open document: the same answer (the same Map) while its entry and the
    // workspace's counts are the ones it was made from, which also lets the tag rules skip their own work.
    const last = this.lastExcept;
    if (last && last.uri === uri && last.own === own && last.all === all) return last.counts;
    const counts = new Map(all);
    for (const name of new Set(own.tags.map((t) => t.name))) {
      const n = (counts.get(name) ?? 1) - 1;
      if (n > 0) counts.set(name, n);
      else counts.delete(name);
    }
    this.lastExcept = { uri, own, all, counts };
    return counts;
  }
  private lastExcept: { uri: string; own: IndexEntry; all: ReadonlyMap<string, number>; counts: ReadonlyMap<string, number> } | undefined;

  /** The file a link in `fromUri` points at (`other.md`, `../x.md`, `/site/y.md` from a root). */
  resolveLink(fromUri: string, linkPath: string): string | undefined {
    const from = uriToPath(fromUri);
    if (!from) return undefined;
    const root = this.options.roots().find((r) => isWithin(from, r));
    const target = linkPath.startsWith('/') ? (root ? path.join(root, linkPath) : undefined) : path.resolve(path.dirname(from), linkPath);
    return target ? URI.file(target).toString() : undefined;
  }

  /** Calls `listener` with the URI of each file whose entry changed or went (not for a build: its caller learns when it ends). */
  onDidChangeFile(listener: (uri: string) => void): void {
    this.fileListeners.push(listener);
  }

  private setEntry(entry: IndexEntry): void {
    this.entries.set(entry.uri, entry);
  }

  private changed(uri?: string): void {
    this.tagCountCache = undefined;
    this.generation++;
    if (uri !== undefined) for (const listener of this.fileListeners) listener(uri);
  }
}

function isWithin(file: string, folder: string): boolean {
  const rel = path.relative(folder, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}
