import type { ReferenceEntry } from '../model/types';
import { renumberEdits, sameUrlKey } from '../edits/referenceBuilder';
import type { Finding, FindingFix, Rule } from './rule';
import { S, translator } from '../edits/messages';
import { perItem } from '../util/memo';

/** Each entry's URL key (an entry object keeps its URL, so its key is kept with it). */
const urlKeysOf = perItem((entry: ReferenceEntry) => sameUrlKey(entry.url));

/** The same URL twice in the reference list; reported on each later copy, whose entry the fix drops. */
export const refDuplicateRule: Rule = {
  code: 'ref-duplicate',
  defaultSeverity: 'warning',
  description: { en: 'Two reference entries have the same URL.', zh: '两个参考条目的 URL 相同。' },
  docPage: 'docs/rules/ref-duplicate.md',
  scope: 'issue',
  check(ctx) {
    const refs = ctx.model.references;
    if (!refs) return [];
    const first = new Map<string, number>();
    const copies: Array<{ entry: ReferenceEntry; original: number }> = [];
    const keys = urlKeysOf(refs.entries);
    refs.entries.forEach((entry, i) => {
      const key = keys[i];
      if (!key) return;
      const seen = first.get(key);
      if (seen === undefined) first.set(key, i);
      else copies.push({ entry, original: i });
    });
    if (copies.length === 0) return [];
    const t = translator(ctx);
    const dropAll: FindingFix | undefined =
      copies.length > 1 ? { title: t(S['ref.fix.dropAll'], { count: copies.length }), edits: renumberEdits(ctx.model, copies.map((c) => c.entry)) } : undefined;
    return copies.map(({ entry }): Finding => {
      const firstIndex = first.get(sameUrlKey(entry.url))!;
      const fixes: FindingFix[] = [{ title: t(S['ref.fix.dropOne']), edits: renumberEdits(ctx.model, [entry]) }];
      if (dropAll) fixes.push(dropAll);
      fixes[fixes.length - 1].isPreferred = true;
      const range = entry.link ?? { start: entry.item.markerEnd, end: entry.item.firstLineEnd };
      return {
        code: 'ref-duplicate',
        start: range.start,
        end: range.end,
        message: t(S['ref.duplicate'], { first: firstIndex + 1 }),
        fixes,
      };
    });
  },
};
