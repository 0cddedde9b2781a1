/** The tags to offer when adding a paper: known ones, most used first. */
import type { WeeklyConfig } from '../config/weeklyConfig';
import type { IssueModel } from '../model/types';

export interface TagChoice {
  tag: string;
  /** Issues using it (workspace index, this one included), else papers of this document using it; 0: vocabulary only. */
  count: number;
}

/**
 * Ranks the workspace's tags (how many other issues use each, from the workspace index) with this
 * document's own tags (counted as one more issue, or by papers when no index knows them), the configured vocabulary and the built-in list: by count, then tags this
 * issue already uses, then alphabetically.
 */
export function tagChoices(
  model: IssueModel,
  config: WeeklyConfig,
  workspace: ReadonlyMap<string, number> | undefined,
  builtin: readonly string[] = [],
): TagChoice[] {
  const inDocument = new Map<string, number>();
  for (const paper of model.papers) for (const t of new Set(paper.tags.map((x) => x.name))) inDocument.set(t, (inDocument.get(t) ?? 0) + 1);
  const counts = new Map<string, number>();
  for (const tag of [...builtin, ...config.tagVocabulary]) counts.set(tag, 0);
  for (const [tag, n] of inDocument) counts.set(tag, n);
  // The index counts the other issues using each tag (env.knownTags leaves this document out): add this one.
  for (const [tag, n] of workspace ?? []) counts.set(tag, n + (inDocument.has(tag) ? 1 : 0));
  return [...counts]
    .map(([tag, count]) => ({ tag, count }))
    .sort((a, b) => b.count - a.count || Number(inDocument.has(b.tag)) - Number(inDocument.has(a.tag)) || a.tag.localeCompare(b.tag));
}
