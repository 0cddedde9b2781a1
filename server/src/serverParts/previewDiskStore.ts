/** The on-disk half of the hover preview cache: one small JSON file per request, named by its hash. */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { PreviewStore, StoredPreview } from '../service/linkPreview/previewService';

export function createPreviewDiskStore(dir: string): PreviewStore {
  const fileOf = (key: string) => path.join(dir, `${createHash('sha256').update(key).digest('hex').slice(0, 40)}.json`);
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
      await fs.promises.mkdir(dir, { recursive: true });
      await fs.promises.writeFile(fileOf(key), JSON.stringify({ key, ...value }));
    },
  };
}
