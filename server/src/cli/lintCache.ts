/**
 * `lint --cache`: the diagnostics of files that did not change are kept in `.weekly-issues-cache` (as
 * ESLint's `--cache`), keyed by the file's content, its config, the package version and the run's options
 * and language. Unlike a per-file linter, some rules look at other files (images and linked files exist,
 * a linked file's headings, the run's files of a name): each entry also records what its check asked
 * the host and the answers, and is used only while every answer is still the same (a stat or a readdir
 * each, far cheaper than a parse).
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import type { Diagnostic } from 'vscode-languageserver-types';
import { CM, cliTranslator } from './cliMessages';

/** One question the check of a file asked, with its answer then. */
type Dependency =
  | { kind: 'exists'; path: string; answer: boolean }
  | { kind: 'dir'; path: string; answer: string }
  | { kind: 'file'; path: string; answer: string }
  | { kind: 'named'; name: string; answer: string };

interface Entry {
  content: string;
  config: string;
  diagnostics: Diagnostic[];
  dependencies: Dependency[];
}

interface CacheFile {
  key: string;
  files: Record<string, Entry>;
}

export const DEFAULT_CACHE_FILE = '.weekly-issues-cache';

export const hashOf = (text: string) => createHash('sha256').update(text).digest('base64url');

/** A file's identity for a check that read it: size and modification time, as ESLint's metadata strategy. */
export function fileSignature(file: string): string {
  try {
    const st = fs.statSync(file);
    return `${st.size}:${st.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

export class LintCache {
  private files: Record<string, Entry> = {};
  private recording: Dependency[] | undefined;
  /** Answers checked in this run: issues share images and links, so each is asked of the disk once. */
  private readonly checked = new Map<string, boolean>();
  private changed = false;

  /** `key`: the version, options and language of the run; another key starts an empty cache. */
  constructor(
    private readonly location: string,
    private readonly key: string,
    private readonly filesNamed: (name: string) => readonly string[],
  ) {
    try {
      const stored = JSON.parse(fs.readFileSync(location, 'utf8')) as CacheFile;
      if (stored.key === key && stored.files && typeof stored.files === 'object') this.files = stored.files;
    } catch {
      // no cache yet, or one we cannot read: start empty, as ESLint does
    }
  }

  /** The kept diagnostics of a file, when its content, config and every answer its check got are unchanged. */
  lookup(file: string, content: string, config: string): Diagnostic[] | undefined {
    const entry = this.files[file];
    if (!entry || entry.content !== hashOf(content) || entry.config !== config) return undefined;
    return entry.dependencies.every((d) => {
      const key = `${d.kind}\0${'path' in d ? d.path : d.name}\0${String(d.answer)}`;
      let same = this.checked.get(key);
      if (same === undefined) this.checked.set(key, (same = this.stillTrue(d)));
      return same;
    })
      ? entry.diagnostics
      : undefined;
  }

  /** Runs a file's check, recording the host's answers to it. */
  record<T>(check: () => T): { result: T; dependencies: Dependency[] } {
    this.recording = [];
    try {
      const result = check();
      return { result, dependencies: this.recording };
    } finally {
      this.recording = undefined;
    }
  }

  store(file: string, content: string, config: string, diagnostics: Diagnostic[], dependencies: Dependency[]): void {
    this.files[file] = { content: hashOf(content), config, diagnostics, dependencies };
    this.changed = true;
  }

  /** Drops a file (--fix rewrote it; its entry is stored again after the check). */
  forget(file: string): void {
    if (file in this.files) this.changed = true;
    delete this.files[file];
  }

  /** Writes the cache; a failure is reported, never fatal (the run's results stand). */
  save(): string | undefined {
    if (!this.changed && fs.existsSync(this.location)) return undefined;
    try {
      fs.writeFileSync(this.location, JSON.stringify({ key: this.key, files: this.files } satisfies CacheFile));
      return undefined;
    } catch (err) {
      return cliTranslator()(CM['cli.cacheNotWritten'], { file: this.location, why: (err as NodeJS.ErrnoException).code ?? (err as Error).message });
    }
  }

  // What the host's answers are wrapped with (lint.ts): each answer is noted while a check runs.
  noteExists(path: string, answer: boolean): void {
    this.recording?.push({ kind: 'exists', path, answer });
  }
  noteDirectory(path: string, entries: readonly string[] | undefined): void {
    this.recording?.push({ kind: 'dir', path, answer: entries ? hashOf([...entries].sort().join('\n')) : 'missing' });
  }
  noteFileRead(path: string): void {
    this.recording?.push({ kind: 'file', path, answer: fileSignature(path) });
  }
  noteNamed(name: string, answer: readonly string[]): void {
    this.recording?.push({ kind: 'named', name, answer: answer.join('\n') });
  }

  private stillTrue(d: Dependency): boolean {
    switch (d.kind) {
      case 'exists':
        return fs.existsSync(d.path) === d.answer;
      case 'dir': {
        let entries: string[] | undefined;
        try {
          entries = fs.readdirSync(d.path);
        } catch {
          entries = undefined;
        }
        return (entries ? hashOf(entries.sort().join('\n')) : 'missing') === d.answer;
      }
      case 'file':
        return fileSignature(d.path) === d.answer;
      case 'named':
        return this.filesNamed(d.name).join('\n') === d.answer;
    }
  }
}
