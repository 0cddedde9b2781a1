/**
 * The service's host (service/host.ts) on Node: the file system, HTTP, the clock and the terminal's locale. The LSP server and
 * the CLI spread it into theirs and add what only they know (settings, roots, locale, logging).
 */
import * as fs from 'fs';
import type { ServiceHost } from '../service/host';
import { fsWorkspace } from './fsWorkspace';
import { createHttpFetcher } from './httpFetcher';

export type NodeHost = Required<Pick<ServiceHost, 'fileExists' | 'listDirectory' | 'listFiles' | 'readFile' | 'fetch' | 'now' | 'locale'>>;

/** `env`: where the terminal's locale is read (the LSP server overrides `locale` with the client's). */
export function createNodeHost(env: NodeJS.ProcessEnv = process.env): NodeHost {
  const http = createHttpFetcher();
  return {
    fileExists(p) {
      try {
        return fs.existsSync(p);
      } catch {
        return false;
      }
    },
    listDirectory(dir) {
      try {
        return fs.readdirSync(dir);
      } catch {
        return undefined;
      }
    },
    listFiles: fsWorkspace.listFiles,
    readFile: fsWorkspace.readFile,
    fetch: http.fetch,
    now: Date.now,
    locale: () => terminalLocale(env),
  };
}

/** The language of messages: the terminal's locale, as other CLIs read it. */
export function terminalLocale(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.LC_ALL || env.LC_MESSAGES || env.LANG || undefined;
}
