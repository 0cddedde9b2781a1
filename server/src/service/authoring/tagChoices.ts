/** The tags to offer when adding a paper: known ones, in the ranking tag completion uses (features/tagRanking.ts). */
import type { WeeklyConfig } from '../config/weeklyConfig';
import type { IssueModel } from '../model/types';
import { collectTagUses, compareTags, type TagUse } from '../features/tagRanking';

export interface TagChoice {
  tag: string;
  /** Papers using it (the workspace's and this document's); 0: vocabulary or built-in only. */
  count: number;
}

/**
 * The workspace's tags (`uses`, from the index, or else `workspace`: how many other issues use each, each
 * counted as one paper), this document's own tags, the configured vocabulary and the built-in list, in the
 * shared ranking: papers using the tag, issues of the same language, recency, name.
 */
export function tagChoices(
  model: IssueModel,
  config: WeeklyConfig,
  workspace: ReadonlyMap<string, number> | undefined,
  builtin: readonly string[] = [],
  uses?: ReadonlyMap<string, TagUse>,
): TagChoice[] {
  let ranked = uses;
  if (!ranked) {
    const own = collectTagUses([], '', model.language, model.papers.map((p) => ({ name: p.name, tags: p.tags.map((t) => t.name) })));
    for (const [tag, n] of workspace ?? []) {
      const use = own.get(tag) ?? { papers: 0, sameLanguageIssues: 0, latest: '', examples: [] };
      if (n > 0) own.set(tag, { ...use, papers: use.papers + n, sameLanguageIssues: use.sameLanguageIssues + n });
    }
    ranked = own;
  }
  const names = new Set([...ranked.keys(), ...config.tagVocabulary.map((t) => t.replace(/^#/, '')).filter(Boolean), ...builtin]);
  for (const [tag] of workspace ?? []) names.add(tag);
  return [...names].sort(compareTags(ranked)).map((tag) => ({ tag, count: ranked.get(tag)?.papers ?? 0 }));
}
