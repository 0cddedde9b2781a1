/**
 * An in-memory workspace for the navigation features' unit tests: files by path under /ws (the service's
 * host, host.ts, for files and folders), a real WorkspaceIndex over them, and a language service using it. `$$CURSOR$$` marks a position in a text.
 */
import * as fs from 'fs';
import * as path from 'path';
import { URI } from 'vscode-uri';
import type { Position } from 'vscode-languageserver-types';
import { createLanguageService, type LanguageServiceHost, type ServiceDocument } from '../../server/src/service/languageService';
import { WorkspaceIndex } from '../../server/src/service/indexing/workspaceIndex';
import type { ServiceHost } from '../../server/src/service/host';
import { defaultPresets } from '../../server/src/service/config/weeklyConfig';
import { githubSlugStyle } from '../../server/src/service/slug/github';

export const ROOT = '/ws';
export const CURSOR = '$$CURSOR$$';
export const SAMPLE = fs.readFileSync(path.join(__dirname, '..', '..', 'examples', 'ai-weekly-sample.md'), 'utf8');

export const uriOf = (rel: string) => URI.file(path.posix.join(ROOT, rel)).toString();

export class MemoryWorkspace implements ServiceHost {
  readonly files = new Map<string, string>();
  reads = 0;
  constructor(files: Record<string, string> = {}) {
    for (const [rel, text] of Object.entries(files)) this.files.set(uriOf(rel), text);
  }
  /** Paths of the files, and of the folders above them. */
  private paths(): Set<string> {
    const paths = new Set<string>();
    for (const uri of this.files.keys()) {
      for (let p = URI.parse(uri).fsPath; p !== path.posix.dirname(p); p = path.posix.dirname(p)) paths.add(p);
    }
    return paths;
  }
  fileExists = (p: string): boolean => this.paths().has(p);
  listDirectory = (dir: string): string[] | undefined => {
    const names = [...this.paths()].filter((p) => path.posix.dirname(p) === dir).map((p) => path.posix.basename(p));
    return names.length > 0 ? names : undefined;
  };
  async listFiles(): Promise<string[]> {
    return [...this.files.keys()];
  }
  async readFile(uri: string): Promise<string> {
    this.reads++;
    const text = this.files.get(uri);
    if (text === undefined) throw new Error(`no file ${uri}`);
    return text;
  }
}

export async function workspaceService(files: Record<string, string>, host: LanguageServiceHost = {}, exclude: string[] = []) {
  const workspace = new MemoryWorkspace(files);
  const index = new WorkspaceIndex({
    workspace,
    roots: () => [ROOT],
    exclude: () => exclude,
    slugStyle: () => githubSlugStyle,
    presets: () => defaultPresets,
  });
  await index.build();
  const { fileExists, listDirectory } = workspace;
  const service = createLanguageService({ workspaceRoots: () => [ROOT], fileExists, listDirectory, ...host, workspaceIndex: index });
  return { service, index, workspace };
}

/** A document (text with an optional cursor marker) and the cursor's position. */
export function docAt(rel: string, marked: string, version = 1): { doc: ServiceDocument; position: Position; text: string } {
  const at = marked.indexOf(CURSOR);
  const text = marked.replace(CURSOR, '');
  const before = text.slice(0, Math.max(at, 0)).split('\n');
  const position = { line: before.length - 1, character: before[before.length - 1].length };
  return { doc: { uri: uriOf(rel), version, getText: () => text }, position, text };
}

/** The position of the `occurrence`-th match of `needle` in `text`, plus `delta` characters. */
export function positionOf(text: string, needle: string, delta = 0, occurrence = 0): Position {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`"${needle}" not found`);
  const before = text.slice(0, at + delta).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}
