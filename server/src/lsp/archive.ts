/**
 * The archive views and tag trends over LSP (issue 18): the data on request, and a notice when it changed.
 * The notice waits for a pause (ARCHIVE_DELAY_MS after the index's own delay for open documents) and is
 * sent only when what the views show changed (archive/archiveIndex.ts: a summary word typed sends none).
 */
import type { Connection } from 'vscode-languageserver/node';
import type { WorkspaceIndex } from '../service/indexing/workspaceIndex';
import { ArchiveIndex } from '../service/archive/archiveIndex';
import { tagTrends } from '../service/archive/tagTrends';
import { trendChartSvg } from '../service/archive/trendChart';
import type { Translate } from '../service/util/l10n';
import { chartTexts } from '../service/archive/archiveMessages';
import { ArchiveMessages, type ArchiveChangedParams, type TagTrendsParams, type TagTrendsResult } from '../protocol/commandProtocol';

const ARCHIVE_DELAY_MS = 300;

export interface ArchivePartOptions {
  connection: Connection;
  index: WorkspaceIndex;
  t: Translate;
  log(message: string): void;
}

export function registerArchive(options: ArchivePartOptions): { indexBuilt(): void } {
  const { connection, index, t } = options;
  const archive = new ArchiveIndex(() => index.all(), () => index.generation);
  let timer: NodeJS.Timeout | undefined;
  // A request may read the changes first (refresh): the notice still goes out for the version the client
  // has not been told of, with every file changed since the last notice.
  const pending = new Set<string>();
  let announced = archive.version;
  const refresh = () => {
    for (const uri of archive.refresh()) pending.add(uri);
  };
  const announce = () => {
    timer = undefined;
    try {
      refresh();
      if (archive.version === announced) return;
      announced = archive.version;
      const params: ArchiveChangedParams = { version: archive.version, uris: [...pending] };
      pending.clear();
      void connection.sendNotification(ArchiveMessages.changed, params);
    } catch (err) {
      options.log(`archive: ${(err as Error).stack ?? err}`); // never a crash for a view's data
    }
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(announce, ARCHIVE_DELAY_MS);
  };
  index.onDidChangeFile(schedule);

  connection.onRequest(ArchiveMessages.data, async () => {
    await index.ready();
    refresh();
    return archive.data();
  });
  connection.onRequest(ArchiveMessages.tagTrends, async (params: TagTrendsParams | undefined): Promise<TagTrendsResult> => {
    await index.ready();
    const by = params?.by === 'issue' ? 'issue' : 'month';
    const top = typeof params?.top === 'number' && Number.isFinite(params.top) ? Math.min(50, Math.max(1, params.top)) : undefined;
    refresh();
    const texts = chartTexts(t);
    const trends = tagTrends(archive.data(), { by, top, undatedLabel: texts.undatedLabel });
    const nonce = typeof params?.nonce === 'string' && /^[A-Za-z0-9+/=_-]{1,64}$/.test(params.nonce) ? params.nonce : undefined;
    const svg = trendChartSvg(trends, { nonce, barTitle: texts.barTitle, title: texts.title });
    return { trends, svg };
  });
  return { indexBuilt: schedule };
}
