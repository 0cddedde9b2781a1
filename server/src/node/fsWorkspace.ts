/** The index's `Workspace` on the real file system: tinyglobby lists, fs reads. */
import * as fs from 'fs';
import { glob } from 'tinyglobby';
import { URI } from 'vscode-uri';
import type { Workspace } from '../service/indexing/workspaceIndex';

export const fsWorkspace: Workspace = {
  async listFiles(roots, exclude) {
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
  // Synchronous on purpose: for small Markdown files one readFileSync costs a fraction of the four
  // round trips through the thread pool that fs.promises.readFile makes (open, stat, read, close).
  readFile: async (uri) => fs.readFileSync(URI.parse(uri).fsPath, 'utf8'),
};
