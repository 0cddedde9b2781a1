import type { Finding, Rule } from './rule';
import { S, translator } from '../edits/messages';

/** The same tag twice in one paper; the fix removes the later copy with the space before it. */
export const tagDuplicateRule: Rule = {
  code: 'tag-duplicate',
  defaultSeverity: 'warning',
  description: { en: 'A paper has the same tag twice.', zh: '同一篇论文重复写了同一个标签。' },
  docPage: 'docs/rules/tag-duplicate.md',
  scope: 'issue',
  check(ctx) {
    const out: Finding[] = [];
    const text = ctx.model.text;
    const t = translator(ctx);
    for (const paper of ctx.model.papers) {
      const seen = new Set<string>();
      for (const tag of paper.tags) {
        if (!seen.has(tag.name)) {
          seen.add(tag.name);
          continue;
        }
        let start = tag.start;
        while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
        // A tag right after the colon keeps the colon: only blanks go with it.
        out.push({
          code: 'tag-duplicate',
          start: tag.start,
          end: tag.end,
          message: t(S['tag.duplicate'], { tag: tag.name }),
          fixes: [{ title: t(S['tag.fix.removeSecond'], { tag: tag.name }), edits: [{ start, end: tag.end, newText: '' }], isPreferred: true }],
        });
      }
    }
    return out;
  },
};
