/** The index's `Workspace` on the real file system: tinyglobby lists, fs reads. */
import * as fs from 'fs';
import { glob } from 'tinyglobby';
import { URI } from 'vscode-uri';
import type { Workspace } from '../service/indexing/workspaceIndex';

export interface FsWorkspaceOptions {
  /** `weekly.maxFileSize` (characters): longer files are not read into the index. Read once per listing. */
  maxFileSize?(): number;
}

/** How long reads may run back to back before the event loop gets a turn (messages, checks of open documents). */
const SLICE_MS = 5;

/** A file the index leaves out: longer than `weekly.maxFileSize`. */
export class FileTooLargeError extends Error {}

export function createFsWorkspace(options: FsWorkspaceOptions = {}): Workspace {
  let limit: number | undefined;
  // When the reads since the event loop's last turn began; a turn (setImmediate) clears it.
  let sliceStart: number | undefined;
  const startSlice = () => {
    sliceStart = performance.now();
    setImmediate(() => (sliceStart = undefined));
  };
  return {
    async listFiles(roots, exclude) {
      limit = options.maxFileSize?.();
      const uris: string[] = [];
      for (const root of roots) {
        // tinyglobby prunes excluded folders instead of walking them (node_modules, .git).
        const files = await glob(['**/*.md', '**/*.markdown'], {
          cwd: root,
          absolute: true,
          dot: false,
          onlyFiles: true,
          followSymbolicLinks: false,
          expandDirectories: false,
          caseSensitiveMatch: false,
          ignore: exclude.flatMap((g) => [g, g.endsWith('/**') ? g : `${g}/**`]),
        });
        for (const f of files) uris.push(URI.file(f).toString());
      }
      return uris;
    },
    async readFile(uri) {
      // The index reads file after file, indexing each before asking for the next: a turn of the event loop
      // every few milliseconds keeps the server answering (a newly opened document is checked between files).
      // A lone read (a watched file changed) does not wait: a request after it sees the file.
      if (sliceStart === undefined) startSlice();
      else if (performance.now() - sliceStart > SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        startSlice();
      }
      const file = URI.parse(uri).fsPath;
      const max = limit ?? options.maxFileSize?.() ?? Infinity;
      // Size first: a huge archive must not be read whole (nor parsed) to learn that it is too large. UTF-8
      // takes at most 3 bytes per UTF-16 unit, so more than 3 × max bytes is more than max characters.
      const bytes = fs.statSync(file).size;
      if (bytes > 3 * max) throw new FileTooLargeError(tooLarge(bytes, max));
      // Synchronous on purpose: for small Markdown files one readFileSync costs a fraction of the four
      // round trips through the thread pool that fs.promises.readFile makes (open, stat, read, close).
      const text = fs.readFileSync(file, 'utf8');
      if (text.length > max) throw new FileTooLargeError(tooLarge(bytes, max));
      return text;
    },
  };
}

function tooLarge(bytes: number, max: number): string {
  return `not indexed: ${bytes.toLocaleString('en')} bytes, longer than weekly.maxFileSize (${max.toLocaleString('en')} characters)`;
}

/** Without a size limit (the bench, tests). */
export const fsWorkspace: Workspace = createFsWorkspace();
