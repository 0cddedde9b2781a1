/**
 * The on-disk half of the hover preview cache: the one disk cache (diskCache.ts, kind "preview") that
 * lookups and link checks use too, so the editor and the CLI share it and writes are atomic.
 */
import type { PreviewStore, StoredPreview } from '../service/linkPreview/previewService';
import { createDiskCache } from './diskCache';

/** `dir` may be a function: the server learns a test's cache folder only at `initialize`. */
export function createPreviewDiskStore(dir: string | (() => string)): PreviewStore {
  const cache = createDiskCache(dir);
  return {
    async read(key) {
      const hit = await cache.read<StoredPreview['preview']>('preview', key);
      return hit && { at: hit.at, preview: hit.value };
    },
    write: (key, value) => cache.write('preview', key, value.preview, value.at),
  };
}
