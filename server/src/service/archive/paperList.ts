/** The Papers view: every paper of every issue by name, so that a paper covered twice shows both times. */
import type { ArchiveIssue, PaperRef } from './archiveTypes';

// One collator for the sort: localeCompare per pair builds one each time.
const collator = new Intl.Collator();

/** By name (case-insensitive), then newest issue first (issues are given newest first). */
export function papersByName(issues: readonly ArchiveIssue[]): PaperRef[] {
  const refs: Array<PaperRef & { key: string }> = [];
  issues.forEach((issue, i) => issue.papers.forEach((paper, j) => refs.push({ issue: i, paper: j, key: paper.name.toLowerCase() })));
  refs.sort((a, b) => collator.compare(a.key, b.key) || a.issue - b.issue || a.paper - b.paper);
  return refs.map(({ issue, paper }) => ({ issue, paper }));
}
