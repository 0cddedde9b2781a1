import { aliasResolver, builtinTags, TagIndex, TagSpellings } from '../model/knownTags';
import type { Finding, Rule, RuleContext } from './rule';
import { S, translator } from '../edits/messages';

/** Known tags with how many of the workspace's issues use each (0: vocabulary or built-in only). */
export function knownTagCounts(ctx: RuleContext): ReadonlyMap<string, number> {
  // The same Map while its inputs are the same objects (the index answers with the same Map while nothing
  // changed): every check of a long issue asked again, and tagIndexFor then compared it entry by entry.
  const workspace = ctx.env.knownTags?.();
  const last = lastKnown;
  if (last && last.vocabulary === ctx.config.tagVocabulary && last.aliases === ctx.config.tagAliases && last.workspace === workspace) return last.known;
  const known = new Map<string, number>();
  for (const tag of builtinTags) known.set(tag, 0);
  for (const tag of ctx.config.tagVocabulary) known.set(tag.replace(/^#/, ''), 0);
  for (const canonical of Object.values(ctx.config.tagAliases)) if (!known.has(canonical)) known.set(canonical, 0);
  for (const [tag, uses] of workspace ?? []) known.set(tag, Math.max(uses, known.get(tag) ?? 0));
  lastKnown = { vocabulary: ctx.config.tagVocabulary, aliases: ctx.config.tagAliases, workspace, known };
  return known;
}
let lastKnown: { vocabulary: unknown; aliases: unknown; workspace: unknown; known: ReadonlyMap<string, number> } | undefined;

/**
 * The index of these known tags: the last one made when the known tags are the same (they are, from one
 * keystroke to the next), so its memo of suggestions is not made again each check. Its spellings (the
 * costly deletions) are shared by every document: the known tags and the document's own tags are the
 * workspace's tags, whichever document is checked.
 */
function tagIndexFor(known: ReadonlyMap<string, number>, ownTags: () => Iterable<string>): TagIndex {
  if (lastIndex && (lastIndex.known === known || sameCounts(lastIndex.known, known))) return lastIndex.index;
  const names = new Set(known.keys());
  for (const tag of ownTags()) names.add(tag);
  if (!lastSpellings?.covers(names)) lastSpellings = new TagSpellings(names);
  lastIndex = { known, index: new TagIndex(known, lastSpellings) };
  return lastIndex.index;
}
let lastIndex: { known: ReadonlyMap<string, number>; index: TagIndex } | undefined;
let lastSpellings: TagSpellings | undefined;

/** Same tags, counts and order (ties between suggestions go to the tag listed first). */
function sameCounts(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  if (a.size !== b.size) return false;
  const other = b.entries();
  for (const [tag, uses] of a) {
    const [tagB, usesB] = other.next().value as [string, number];
    if (tag !== tagB || uses !== usesB) return false;
  }
  return true;
}

/**
 * A tag that is an alias (`tagAliases`): reported with its canonical tag, whatever else is known.
 * A tag that is not known but is a near spelling of a known one: one edit away, or the same but for
 * case, full-width/half-width or hyphens/underscores. Information only; the fix replaces it.
 */
export const tagNearDuplicateRule: Rule = {
  code: 'tag-near-duplicate',
  defaultSeverity: 'info',
  description: { en: 'A tag is close to a known tag but not the same (a typo or another spelling).', zh: '标签与已知标签相近但不相同（拼写错误或另一种写法）。' },
  docPage: 'docs/rules/tag-near-duplicate.md',
  scope: 'issue',
  check(ctx) {
    const index = tagIndexFor(knownTagCounts(ctx), () => ctx.model.papers.flatMap((paper) => paper.tags.map((tag) => tag.name)));
    const canonicalOf = aliasResolver(ctx.config.tagAliases);
    const t = translator(ctx);
    const out: Finding[] = [];
    for (const paper of ctx.model.papers) {
      for (const tag of paper.tags) {
        const canonical = canonicalOf(tag.name);
        if (canonical !== undefined) {
          out.push({
            code: 'tag-near-duplicate',
            start: tag.start,
            end: tag.end,
            message: t(S['tag.alias'], { alias: tag.name, canonical }),
            fixes: [{ title: t(S['tag.fix.replace'], { known: canonical }), edits: [{ start: tag.start, end: tag.end, newText: '#' + canonical }], isPreferred: true }],
          });
          continue;
        }
        const suggestion = index.suggest(tag.name);
        if (!suggestion) continue;
        const uses = suggestion.uses === 0 ? t(S['tag.knownOnly']) : suggestion.uses === 1 ? t(S['tag.usedInOne']) : t(S['tag.usedIn'], { count: suggestion.uses });
        out.push({
          code: 'tag-near-duplicate',
          start: tag.start,
          end: tag.end,
          message: t(S['tag.near'], { tag: tag.name, known: suggestion.tag, uses }),
          fixes: [{ title: t(S['tag.fix.replace'], { known: suggestion.tag }), edits: [{ start: tag.start, end: tag.end, newText: '#' + suggestion.tag }], isPreferred: true }],
        });
      }
    }
    return out;
  },
};
