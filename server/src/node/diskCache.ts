/**
 * The one disk cache of what came over the network (hover previews, paper lookups, link health), shared by
 * the editor and the CLI: `$WEEKLY_ISSUES_CACHE_DIR`, else `$XDG_CACHE_HOME/weekly-issues`, else
 * `~/.cache/weekly-issues`. One JSON file per key, named by its hash, in a folder per kind.
 *
 * Written atomically (a temp file in the same folder, then rename), so a reader sees a whole entry or none,
 * and two processes writing one key leave one of their entries, never a mix. A truncated or garbage file
 * reads as a miss and is replaced on the next write; no cache problem is ever an error for the user.
 */
import { createHash, randomBytes } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export interface CacheEntry<T> {
  /** When it was stored (ms since the epoch). */
  at: number;
  value: T;
}

export interface DiskCache {
  readonly dir: string;
  read<T>(kind: string, key: string): Promise<CacheEntry<T> | undefined>;
  write<T>(kind: string, key: string, value: T, at?: number): Promise<void>;
}

export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.WEEKLY_ISSUES_CACHE_DIR) return path.resolve(env.WEEKLY_ISSUES_CACHE_DIR);
  const base = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(os.homedir(), '.cache');
  return path.join(base, 'weekly-issues');
}

/** `dir` may be a function: a host may learn its folder after start-up. */
export function createDiskCache(dir: string | (() => string) = defaultCacheDir, log?: (message: string) => void): DiskCache {
  const folder = () => (typeof dir === 'string' ? dir : dir());
  const fileOf = (kind: string, key: string) =>
    path.join(folder(), safeKind(kind), `${createHash('sha256').update(key).digest('hex').slice(0, 40)}.json`);
  return {
    get dir() {
      return folder();
    },
    async read<T>(kind: string, key: string) {
      let text: string;
      try {
        text = await fs.promises.readFile(fileOf(kind, key), 'utf8');
      } catch {
        return undefined; // not cached yet
      }
      try {
        const stored = JSON.parse(text) as { key?: unknown; at?: unknown; value?: T };
        // The key is stored too: a hash collision or another file's content reads as a miss.
        if (stored?.key !== key || typeof stored.at !== 'number' || !('value' in stored)) return undefined;
        return { at: stored.at, value: stored.value as T };
      } catch {
        return undefined; // truncated or garbage: a miss, replaced by the next write
      }
    },
    async write<T>(kind: string, key: string, value: T, at = Date.now()) {
      const file = fileOf(kind, key);
      const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
      try {
        await fs.promises.mkdir(path.dirname(file), { recursive: true });
        await fs.promises.writeFile(temp, JSON.stringify({ key, at, value }));
        await fs.promises.rename(temp, file);
      } catch (err) {
        await fs.promises.rm(temp, { force: true }).catch(() => undefined);
        log?.(`cache: could not write ${file}: ${(err as Error).message}`);
      }
    },
  };
}

function safeKind(kind: string): string {
  return kind.replace(/[^a-z0-9-]/gi, '_') || 'misc';
}
