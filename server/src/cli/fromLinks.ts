/**
 * `--from URL` of new-entry and new-issue: the lookups on Node (the request layer with the configured
 * address rules, the shared disk cache, arXiv's pace, GITHUB_TOKEN), turned into New Paper Entry inputs.
 */
import type { IssueModel, NewPaperEntryInput, Translate, WeeklyConfig } from '../service';
import { lookupPapers, type PaperFacts } from '../service/lookups/paperLookup';
import { parseArxivFeed } from '../service/lookups/arxivFeed';
import { dominantPaperLinkForm, entryFromLookup } from '../service/lookups/entryFromLookup';
import { parseOpenGraph } from '../service/linkPreview/parse';
import { createPacer, withRetryAfter } from '../service/network/politeClient';
import { tagChoices } from '../service/authoring/tagChoices';
import { builtinTagWords, builtinTags } from '../service/model/knownTags';
import { createHttpClient } from '../node/http/httpClient';
import { createDiskCache, defaultCacheDir } from '../node/diskCache';
import { CM } from './cliMessages';

export interface FromLinksResult {
  inputs: NewPaperEntryInput[];
  /** One line per problem, naming the service; the entry is still written when its name is known. */
  warnings: string[];
  /** Lookups that gave nothing to write: the command stops and the file stays as it is. */
  failures: string[];
}

export async function entriesFromLinks(links: readonly string[], model: IssueModel, config: WeeklyConfig, t: Translate, options: { offline: boolean; env: NodeJS.ProcessEnv; knownTags?: ReadonlyMap<string, number> }): Promise<FromLinksResult> {
  const client = withRetryAfter(createHttpClient({ allowPrivateHosts: config.network.allowPrivateHosts, timeoutMs: 10_000, maxBytes: 2 * 1024 * 1024 }), { maxWaitMs: 10_000, retries: 1 });
  const facts = await lookupPapers(links, {
    client,
    t,
    settings: { ...config.services, githubToken: options.env.GITHUB_TOKEN || undefined, offline: options.offline, ttlMs: 7 * 24 * 3600_000 },
    cache: createDiskCache(() => defaultCacheDir(options.env)),
    arxivPace: createPacer(3000),
    parseArxivFeed,
    readOpenGraph: parseOpenGraph,
  });
  const form = config.paperLinkForm === 'auto' ? dominantPaperLinkForm(model.references?.entries.map((e) => e.url) ?? []) : config.paperLinkForm;
  const knownTags = tagChoices(model, config, options.knownTags, builtinTags);
  const result: FromLinksResult = { inputs: [], warnings: [], failures: [] };
  for (const f of facts) {
    if (!usable(f)) {
      result.failures.push(`${f.input}: ${f.problems.join('; ') || t(CM['cli.fromLinks.nothing'])}`);
      continue;
    }
    for (const p of f.problems) result.warnings.push(`${f.input}: ${p}`);
    const entry = entryFromLookup(f, { knownTags, tagAliases: config.tagAliases, tagWords: builtinTagWords, maxTags: config.maxSuggestedTags, paperLinkForm: form });
    result.inputs.push({ name: entry.name, title: entry.title, summary: entry.summary, summaryDraft: entry.summaryDraft, tags: entry.tags, links: entry.links, image: entry.image });
  }
  return result;
}

/** Enough to write a section: a title from some service, or a repository whose name can stand for it. */
function usable(f: PaperFacts): boolean {
  return !!f.link && (!!f.title || !!f.repository);
}
