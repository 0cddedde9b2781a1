/**
 * Tag trends: the most used tags, and how many papers used each per month or per issue (oldest first), with
 * the papers' names for the chart's hover. The same numbers for the webview, `weekly-issues stats` and tests.
 */
import type { ArchiveData, TagTrends, TrendGroup, TrendOptions } from './archiveTypes';

export const DEFAULT_TOP_TAGS = 10;
const UNDATED = 'undated';

export function tagTrends(data: ArchiveData, options: TrendOptions = {}): TagTrends {
  const by = options.by ?? 'month';
  const top = Math.max(0, Math.floor(options.top ?? DEFAULT_TOP_TAGS));
  // Groups oldest first: the issues come newest first.
  const groups: TrendGroup[] = [];
  const groupOfIssue: number[] = [];
  const groupIndex = new Map<string, number>();
  for (let i = data.issues.length - 1; i >= 0; i--) {
    const issue = data.issues[i];
    const month = issue.date?.slice(0, 7);
    const key = by === 'issue' ? issue.uri : (month ?? UNDATED);
    let g = groupIndex.get(key);
    if (g === undefined) {
      g = groups.length;
      groupIndex.set(key, g);
      const label = by === 'issue' ? (issue.date ?? issue.title) : (month ?? options.undatedLabel ?? UNDATED);
      groups.push({ key, label });
    }
    groupOfIssue[i] = g;
  }
  // Month mode: issues without a date sort after the dated months (compareIssues puts them by path).
  const order = by === 'month' ? groups.map((_, i) => i).sort((a, b) => monthRank(groups[a].key).localeCompare(monthRank(groups[b].key))) : groups.map((_, i) => i);
  const place = new Map(order.map((g, at) => [g, at]));
  const series = data.tags.slice(0, top).map((tag) => {
    const counts = new Array<number>(groups.length).fill(0);
    const papers = groups.map((): string[] => []);
    for (const use of tag.uses) {
      const at = place.get(groupOfIssue[use.issue])!;
      counts[at]++;
      papers[at].push(data.issues[use.issue].papers[use.paper].name);
    }
    return { tag: tag.name, total: tag.count, counts, papers };
  });
  return { by, groups: order.map((g) => groups[g]), series };
}

function monthRank(key: string): string {
  return key === UNDATED ? '\uffff' : key;
}
