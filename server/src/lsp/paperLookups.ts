/**
 * Paper lookups for the editor (New Paper Entry from a link, New Paper Entries from Links…, the paste
 * edit): the lookups of service/lookups/ on Node's request layer, with the workspace's address rules, the
 * shared disk cache and arXiv's pace, a cancellable progress ("Looking up 2504.12626 on arXiv…"), and the
 * entries as New Paper Entry inputs. Never in an untrusted workspace or with weekly.services.enabled off:
 * the flow then goes on by hand.
 */
import type { CancellationToken, Connection } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { registerMessages, type WeeklyConfig, type WeeklyLanguageService } from '../service';
import { lookupPapers } from '../service/lookups/paperLookup';
import { parseArxivFeed } from '../service/lookups/arxivFeed';
import { dominantPaperLinkForm, entryFromLookup } from '../service/lookups/entryFromLookup';
import { parsePaperLink } from '../service/links/paperLink';
import { tagChoices } from '../service/authoring/tagChoices';
import { builtinTagWords, builtinTags } from '../service/model/knownTags';
import { createPacer, withRetryAfter } from '../service/network/politeClient';
import { createHttpClient } from '../node/http/httpClient';
import { parsers } from '../service/linkPreview/previewService';
import { createDiskCache, defaultCacheDir } from '../node/diskCache';
import type { LookupPapersResult } from '../protocol/commandProtocol';

const M = registerMessages({
  'lookup.progress.arxiv': { en: 'Looking up {id} on arXiv…', zh: '正在 arXiv 上查找 {id}…' },
  'lookup.progress.github': { en: 'Looking up {repo} on GitHub…', zh: '正在 GitHub 上查找 {repo}…' },
  'lookup.progress.page': { en: 'Looking up {host}…', zh: '正在查找 {host}…' },
  'lookup.progress.many': { en: 'Looking up {count} papers…', zh: '正在查找 {count} 篇论文…' },
  'lookup.untrusted': { en: 'Lookups are off in Restricted Mode: fill in the paper by hand, or trust the workspace.', zh: '受限模式下不查找论文：请手动填写，或信任此工作区。' },
  'lookup.off': { en: 'Lookups are off (weekly.services.enabled): fill in the paper by hand.', zh: '论文查找已关闭（weekly.services.enabled）：请手动填写。' },
});

export interface PaperLookupHooks {
  connection: Connection;
  service: WeeklyLanguageService;
  config(uri: string): WeeklyConfig;
  trusted(): boolean;
  knownTags(uri: string): ReadonlyMap<string, number> | undefined;
}

export function createPaperLookups(hooks: PaperLookupHooks) {
  const { service, connection } = hooks;
  const arxivPace = createPacer(3000);
  const cache = createDiskCache(() => defaultCacheDir());

  function title(links: readonly string[]): string {
    if (links.length !== 1) return service.t(M['lookup.progress.many'], { count: links.length });
    const link = parsePaperLink(links[0]);
    if (link?.kind === 'arxiv') return service.t(M['lookup.progress.arxiv'], { id: link.id });
    if (link?.kind === 'github') return service.t(M['lookup.progress.github'], { repo: `${link.owner}/${link.repo}` });
    return service.t(M['lookup.progress.page'], { host: link && 'host' in link ? link.host : links[0] });
  }

  /** `token`: the request's own (the client's notification has the Cancel button); the progress's Cancel works too. */
  async function lookup(doc: TextDocument, links: readonly string[], token?: CancellationToken): Promise<LookupPapersResult> {
    if (!hooks.trusted()) return { entries: [], error: service.t(M['lookup.untrusted']) };
    const config = hooks.config(doc.uri);
    if (!config.services.enabled) return { entries: [], error: service.t(M['lookup.off']) };
    const progress = await connection.window.createWorkDoneProgress();
    progress.begin(title(links), undefined, undefined, true);
    try {
      const client = withRetryAfter(createHttpClient({ allowPrivateHosts: config.network.allowPrivateHosts, timeoutMs: 10_000, maxBytes: 2 * 1024 * 1024 }), { maxWaitMs: 10_000, retries: 1 });
      const facts = await lookupPapers(links, {
        client,
        t: service.t,
        settings: { ...config.services, githubToken: process.env.GITHUB_TOKEN || undefined, ttlMs: 7 * 24 * 3600_000 },
        cache,
        arxivPace,
        parseArxivFeed,
        // The previews' loader of the HTML parsers: it resolves to dist/render.js, not into this bundle.
        readOpenGraph: async (html, url) => (await parsers()).parseOpenGraph(html, url),
        cancelled: () => progress.token.isCancellationRequested || !!token?.isCancellationRequested,
      });
      const model = service.getModel(doc);
      const form = config.paperLinkForm === 'auto' ? dominantPaperLinkForm(model.references?.entries.map((e) => e.url) ?? []) : config.paperLinkForm;
      const known = tagChoices(model, config, hooks.knownTags(doc.uri), builtinTags);
      return {
        cancelled: progress.token.isCancellationRequested || !!token?.isCancellationRequested,
        entries: facts.map((f) => {
          const usable = !!f.link && (!!f.title || !!f.repository);
          const e = entryFromLookup(f, { knownTags: known, tagAliases: config.tagAliases, tagWords: builtinTagWords, maxTags: config.maxSuggestedTags, paperLinkForm: form });
          return { input: f.input, found: usable, name: usable ? e.name : '', title: e.title, summary: e.summary, summaryDraft: e.summaryDraft, tags: e.tags, links: e.links, image: e.image, problems: f.problems };
        }),
      };
    } finally {
      progress.done();
    }
  }

  return { lookup };
}
