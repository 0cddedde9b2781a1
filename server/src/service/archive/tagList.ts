/** The Tags view: each tag with the papers using it, by count or by name. */
import type { ArchiveIssue, ArchiveTag, PaperRef, TagSort } from './archiveTypes';

/** Tags of the issues (given newest first), sorted by count; `at` is filled by the caller. */
export function collectTags(issues: readonly ArchiveIssue[]): ArchiveTag[] {
  const byName = new Map<string, { uses: PaperRef[]; issues: Set<number> }>();
  issues.forEach((issue, i) => {
    issue.papers.forEach((paper, j) => {
      for (const tag of paper.tags) {
        let t = byName.get(tag);
        if (!t) byName.set(tag, (t = { uses: [], issues: new Set() }));
        t.uses.push({ issue: i, paper: j });
        t.issues.add(i);
      }
    });
  });
  const tags = [...byName].map(([name, t]) => ({ name, count: t.uses.length, issues: t.issues.size, uses: t.uses }));
  return sortTags(tags, 'count');
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

/** A sorted copy: most used first (ties by name), or by name. */
export function sortTags<T extends { name: string; count: number }>(tags: readonly T[], sort: TagSort): T[] {
  return [...tags].sort(sort === 'name' ? byName : (a, b) => b.count - a.count || byName(a, b));
}

/** Tags whose name contains `filter` (case-insensitive); all when it is empty. */
export function filterTags<T extends { name: string }>(tags: readonly T[], filter: string | undefined): T[] {
  const needle = filter?.trim().replace(/^#/, '').toLowerCase();
  return needle ? tags.filter((t) => t.name.toLowerCase().includes(needle)) : [...tags];
}
