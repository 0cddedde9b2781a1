/** The on-disk half of the hover preview cache: one small JSON file per request, named by its hash. */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { PreviewStore, StoredPreview } from '../service/linkPreview/previewService';

/** `dir` may be a function: the server learns its cache folder from the client only at `initialize`. */
export function createPreviewDiskStore(dir: string | (() => string)): PreviewStore {
  const folder = () => (typeof dir === 'string' ? dir : dir());
  const fileOf = (key: string) => path.join(folder(), `${createHash('sha256').update(key).digest('hex').slice(0, 40)}.json`);
  return {
    async read(key) {
      try {
        const stored = JSON.parse(await fs.promises.readFile(fileOf(key), 'utf8')) as StoredPreview & { key?: string };
        return stored.key === key ? { at: stored.at, preview: stored.preview } : undefined;
      } catch {
        return undefined; // not cached yet, or unreadable: fetch again
      }
    },
    async write(key, value) {
      await fs.promises.mkdir(folder(), { recursive: true });
      await fs.promises.writeFile(fileOf(key), JSON.stringify({ key, ...value }));
    },
  };
}
