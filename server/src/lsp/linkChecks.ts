/**
 * "Check Links in This Issue" and `weekly.links.check: "onSave"`: the reference list's web links checked
 * over the request layer (the workspace's address rules, the shared disk cache, arXiv's pace), with a
 * cancellable progress in the editor; the verdicts go into the service (by URL) and the document's
 * diagnostics are published again. Never in an untrusted workspace or with `weekly.services.enabled` off.
 */
import type { Connection } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { registerMessages, type WeeklyConfig, type WeeklyLanguageService } from '../service';
import { checkLink, type LinkStatus } from '../service/linkHealth/linkCheck';
import { linksToCheck, offlineAware } from '../service/linkHealth/linkFindings';
import { createPacer, withRetryAfter } from '../service/network/politeClient';
import type { HttpClient } from '../service/network/request';
import { createHttpClient } from '../node/http/httpClient';
import { createDiskCache, defaultCacheDir } from '../node/diskCache';
import type { CheckLinksResult } from '../protocol/commandProtocol';

const M = registerMessages({
  'links.progress': { en: 'Checking {count} links', zh: '正在检查 {count} 个链接' },
  'links.progressDone': { en: '{done} of {count}', zh: '{done} / {count}' },
  'links.untrusted': { en: 'Links are not checked in Restricted Mode: trust the workspace first.', zh: '受限模式下不检查链接：请先信任此工作区。' },
  'links.servicesOff': { en: 'Links are not checked: weekly.services.enabled is off.', zh: '未检查链接：weekly.services.enabled 已关闭。' },
  'links.notIssue': { en: 'This file is not a weekly issue: it has no reference list to check.', zh: '此文件不是周刊期刊，没有可检查的参考链接。' },
});

export interface LinkCheckHooks {
  connection: Connection;
  service: WeeklyLanguageService;
  config(uri: string): WeeklyConfig;
  trusted(): boolean;
  /** Publish the document's diagnostics again. */
  republish(uri: string): void;
  log(message: string): void;
}

export function createLinkChecks(hooks: LinkCheckHooks) {
  const { service, connection } = hooks;
  const arxivPace = createPacer(3000);
  const cache = createDiskCache(() => defaultCacheDir());
  const clients = new Map<string, HttpClient>();
  // One client per address policy, so the per-host limit holds across checks of several documents.
  const clientFor = (config: WeeklyConfig) => {
    const key = config.network.allowPrivateHosts.join(',');
    let client = clients.get(key);
    if (!client) clients.set(key, (client = withRetryAfter(createHttpClient({ allowPrivateHosts: config.network.allowPrivateHosts, timeoutMs: 10_000 }), { maxWaitMs: 10_000, retries: 1 })));
    return client;
  };

  async function check(doc: TextDocument, withProgress: boolean): Promise<CheckLinksResult> {
    if (!hooks.trusted()) return { error: service.t(M['links.untrusted']) };
    const config = hooks.config(doc.uri);
    if (!config.services.enabled) return { error: service.t(M['links.servicesOff']) };
    if (!service.isIssue(doc)) return { error: service.t(M['links.notIssue']) };
    const urls = [...new Set(linksToCheck(service.getModel(doc), false).map((l) => l.url))];
    const progress = withProgress ? await connection.window.createWorkDoneProgress() : undefined;
    progress?.begin(service.t(M['links.progress'], { count: urls.length }), 0, undefined, true);
    const deps = { client: clientFor(config), t: service.t, timeoutMs: 10_000, cache, githubApiUrl: config.services.githubApiUrl, githubToken: process.env.GITHUB_TOKEN || undefined, arxivPace };
    const statuses = new Map<string, LinkStatus>();
    const fresh = new Set<string>();
    let done = 0;
    try {
      await Promise.all(
        urls.map(async (url) => {
          if (progress?.token.isCancellationRequested) return;
          const { status, fromCache } = await checkLink(url, deps);
          statuses.set(url, status);
          if (!fromCache) fresh.add(url);
          done++;
          progress?.report(Math.round((done / Math.max(1, urls.length)) * 100), service.t(M['links.progressDone'], { done, count: urls.length }));
        }),
      );
    } finally {
      progress?.done();
    }
    const cancelled = !!progress?.token.isCancellationRequested;
    offlineAware(statuses, fresh, service.t);
    service.setLinkStatuses(doc.uri, statuses);
    hooks.republish(doc.uri);
    const count = (state: LinkStatus['state']) => [...statuses.values()].filter((s) => s.state === state).length;
    return { checked: statuses.size, dead: count('dead'), moved: count('moved'), unverified: count('unverified'), cancelled };
  }

  return {
    /** The command: with a cancellable progress. */
    checkDocument: (doc: TextDocument) => check(doc, true),
    /** On save, when `weekly.links.check` is "onSave": quietly. */
    async saved(doc: TextDocument, setting: unknown): Promise<void> {
      if (setting !== 'onSave') return;
      const result = await check(doc, false).catch((err: Error) => ({ error: err.message }));
      if ('error' in result && result.error) hooks.log(`links: ${result.error}`);
    },
  };
}
