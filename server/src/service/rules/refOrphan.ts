import { distance } from 'fastest-levenshtein';
import type { Paper, ReferenceEntry } from '../model/types';
import { escapeLinkText } from '../edits/listEdits';
import { kindOfText, looseName, referenceOwners, renumberEdits } from '../edits/referenceBuilder';
import type { Finding, FindingFix, Rule, RuleContext } from './rule';
import { S, translator } from '../edits/messages';

/**
 * A reference entry that belongs to no paper. Fix-all only repairs what is clearly meant: an entry
 * whose text is just a kind (项目主页, GitHub 仓库…) among another paper's entries gets that paper's
 * name; a misspelt name gets the right one. Removing the entry is offered, never preferred: it may be a
 * link the editor wants and only forgot to name.
 */
export const refOrphanRule: Rule = {
  code: 'ref-orphan',
  defaultSeverity: 'warning',
  description: { en: 'A reference entry names no paper of the issue.', zh: '参考条目没有对应本期的任何论文。' },
  docPage: 'docs/rules/ref-orphan.md',
  scope: 'issue',
  check(ctx) {
    const refs = ctx.model.references;
    if (!refs || ctx.model.papers.length === 0) return [];
    const owners = referenceOwners(ctx.model);
    const out: Finding[] = [];
    const t = translator(ctx);
    refs.entries.forEach((entry, i) => {
      if (owners[i]) return;
      const fixes: FindingFix[] = [];
      const named = misspeltOwner(entry, ctx.model.papers);
      const neighbour = likelyNeighbour(ctx, entry, owners.slice(0, i).reverse().find(Boolean), owners.slice(i + 1).find(Boolean));
      const link = entry.link;
      if (link?.textStart !== undefined && link.textEnd !== undefined) {
        const plain = ctx.model.text.slice(link.textStart, link.textEnd) === link.text;
        if (named && plain) {
          fixes.push({ title: t(S['ref.fix.rename'], { name: named.paper.name }), edits: [{ start: link.textStart, end: link.textStart + named.length, newText: escapeLinkText(named.paper.name) }], isPreferred: true });
        } else if (neighbour) {
          fixes.push({
            title: t(S['ref.fix.neighbour'], { name: neighbour.name }),
            edits: [{ start: link.textStart, end: link.textStart, newText: escapeLinkText(neighbour.name.replace(/\s+/g, ' ')) + ' ' }],
            isPreferred: startsWithKind(ctx, entry.text),
          });
        }
      }
      fixes.push({ title: t(S['ref.fix.remove']), edits: renumberEdits(ctx.model, [entry]) });
      const range = link ?? { start: entry.item.markerEnd, end: entry.item.firstLineEnd };
      out.push({
        code: 'ref-orphan',
        start: range.start,
        end: range.end,
        message: t(S['ref.orphan']),
        fixes,
      });
    });
    return out;
  },
};

/**
 * Of the papers whose entries surround an unnamed entry, the one it is more likely for: the one that
 * lacks an entry of its kind (a second 项目主页 is unlikely), then the one whose section shares the
 * URL's host, then the earlier one.
 */
function likelyNeighbour(ctx: RuleContext, entry: ReferenceEntry, before?: Paper, after?: Paper): Paper | undefined {
  if (!before || !after || before === after) return before ?? after;
  const presets = Object.values(ctx.config.presets);
  const kind = kindOfText(entry.text, presets);
  const host = hostOf(entry.url);
  const score = (paper: Paper) => {
    const owners = referenceOwners(ctx.model);
    const entries = (ctx.model.references?.entries ?? []).filter((_, i) => owners[i] === paper);
    let s = 0;
    if (kind && !entries.some((e) => kindOfText(e.text, presets) === kind)) s += 2;
    if (host && [...paper.links, ...paper.images].some((l) => hostOf(l.url) === host)) s += 1;
    return s;
  };
  return score(after) > score(before) ? after : before;
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname || undefined;
  } catch {
    return undefined;
  }
}

/** The text starts with a kind label (项目主页, GitHub, Paper…), so it only lacks the paper's name. */
function startsWithKind(ctx: RuleContext, text: string): boolean {
  const t = looseName(text);
  return Object.values(ctx.config.presets).some((p) => Object.values(p.referenceKinds).some((k) => t.startsWith(looseName(k))));
}

/**
 * A paper whose name the entry's text starts with, but for a typo (one or two edits in a name of five
 * or more letters): the length is of the misspelt part of the raw text.
 */
function misspeltOwner(entry: ReferenceEntry, papers: readonly Paper[]): { paper: Paper; length: number } | undefined {
  const raw = entry.link?.text ?? '';
  let best: { paper: Paper; length: number; d: number } | undefined;
  for (const paper of papers) {
    const name = paper.name;
    if ([...name].length < 5) continue;
    for (const len of [name.length - 1, name.length, name.length + 1]) {
      if (len <= 0 || len > raw.length) continue;
      const d = distance(raw.slice(0, len).toLowerCase(), name.toLowerCase());
      const next = raw.slice(len, len + 1);
      // The name must end at a word boundary in the text (a space, punctuation or the end).
      if (next && /[\p{L}\p{N}]/u.test(next) && !/\p{Script=Han}/u.test(next)) continue;
      if (d > 0 && d <= 2 && (!best || d < best.d)) best = { paper, length: len, d };
    }
  }
  return best && { paper: best.paper, length: best.length };
}
