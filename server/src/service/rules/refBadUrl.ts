import type { IssueModel, Paper, ReferenceEntry } from '../model/types';
import { kindOfText, placeholderUrl, referenceOwners } from '../edits/referenceBuilder';
import type { Finding, FindingFix, OffsetEdit, Rule, RuleContext } from './rule';
import { S, translator } from '../edits/messages';
import { memoize, perItem } from '../util/memo';

export type UrlProblem = 'empty' | 'malformed' | 'scheme';

/** Why a reference URL is bad, or undefined when it is a well-formed http(s) URL. */
export const urlProblem = memoize((url: string): UrlProblem | undefined => {
  if (!url.trim()) return 'empty';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'malformed';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'scheme';
  if (!parsed.hostname) return 'malformed';
  return undefined;
});

/** Each entry's problem (an entry object keeps its link and URL, so its answer is kept with it). */
const problemsOf = perItem((entry: ReferenceEntry): UrlProblem | 'noLink' | undefined => (entry.link ? urlProblem(entry.url) : 'noLink'));

const MESSAGE = { empty: S['ref.badUrl.empty'], malformed: S['ref.badUrl.malformed'], scheme: S['ref.badUrl.scheme'], noLink: S['ref.badUrl.noLink'] };

/**
 * The URL the editor most likely meant, when it can be told: a scheme typed wrong or left out
 * (`github.com/x`, `https//x`, `//x`). Hand-written: URL parsers reject these rather than repair them.
 */
export function repairUrl(url: string): string | undefined {
  const u = url.trim();
  let candidate: string | undefined;
  const typo = u.match(/^(https?)[:/]*(?=[^:/])/i);
  if (typo) candidate = `${typo[1].toLowerCase()}://${u.slice(typo[0].length)}`;
  else if (u.startsWith('//')) candidate = 'https:' + u;
  else if (/^(www\.)?[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)*\.[a-z]{2,}(?=[/?#:]|$)/iu.test(u)) candidate = 'https://' + u;
  return candidate && !urlProblem(candidate) ? candidate : undefined;
}

/** Where an entry's URL is written: an inline destination, or the destination of its reference definition. */
function destination(model: IssueModel, entry: ReferenceEntry): { start: number; end: number } | undefined {
  const link = entry.link;
  if (!link) return undefined;
  if (link.destStart !== undefined && link.destEnd !== undefined) return { start: link.destStart, end: link.destEnd };
  if (link.kind === 'reference') {
    const def = model.definitions.find((d) => d.identifier === link.label);
    if (def?.destStart !== undefined && def.destEnd !== undefined) return { start: def.destStart, end: def.destEnd };
  }
  return undefined;
}

function fixesFor(ctx: RuleContext, entry: ReferenceEntry, owner: Paper | undefined, dest: { start: number; end: number } | undefined): FindingFix[] {
  if (!dest) return [];
  const edit = (newText: string): OffsetEdit[] => [{ ...dest, newText }];
  if (!entry.url.trim()) {
    // An empty link: point it at a search for the paper, which ref-bad-url accepts (see placeholderUrl).
    const presets = Object.values(ctx.config.presets);
    const kind = kindOfText(entry.text, presets);
    const query = owner?.name ?? entry.text;
    const url = placeholderUrl(kind, query);
    return [{ title: translator(ctx)(S['ref.fix.search'], { query }), edits: edit(url), isPreferred: true }];
  }
  const repaired = repairUrl(entry.url);
  return repaired ? [{ title: translator(ctx)(S['ref.fix.repair'], { url: repaired }), edits: edit(repaired), isPreferred: true }] : [];
}

/** An empty, malformed or non-http(s) URL in the reference list, or an entry with no link at all. */
export const refBadUrlRule: Rule = {
  code: 'ref-bad-url',
  defaultSeverity: 'warning',
  description: { en: 'A reference entry has no link, an empty URL or a malformed one.', zh: '参考条目没有链接、URL 为空或格式错误。' },
  docPage: 'docs/rules/ref-bad-url.md',
  scope: 'issue',
  check(ctx) {
    const out: Finding[] = [];
    const owners = referenceOwners(ctx.model);
    const entries = ctx.model.references?.entries ?? [];
    const problems = problemsOf(entries);
    for (const [i, entry] of entries.entries()) {
      const problem = problems[i];
      if (!problem) continue;
      const dest = destination(ctx.model, entry);
      const range = entry.link && dest && dest.end > dest.start ? dest : entry.link ?? { start: entry.item.markerEnd, end: entry.item.firstLineEnd };
      out.push({
        code: 'ref-bad-url',
        start: range.start,
        end: range.end,
        message: translator(ctx)(MESSAGE[problem], { url: entry.url }),
        fixes: fixesFor(ctx, entry, owners[i], dest),
      });
    }
    return out;
  },
};
