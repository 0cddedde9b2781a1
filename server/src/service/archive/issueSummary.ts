/**
 * One index entry as the archive shows it (an issue, its papers and their tags), and a key of what the views
 * show, so that a keystroke which changes nothing they show (most do) sends no update.
 */
import * as path from 'path';
import { entryLines, type IndexEntry } from '../indexing/indexEntry';
import type { ArchiveIssue, TagOccurrence } from './archiveTypes';

export interface IssueSummary {
  issue: ArchiveIssue;
  /** What the views show of it: equal keys, nothing to send. */
  key: string;
  /** Where each tag is first written in the file (offsets; a position is made only when asked). */
  tagOffsets: Map<string, number>;
  entry: IndexEntry;
}

const summaries = new WeakMap<IndexEntry, IssueSummary | null>();

/** The entry's summary, or undefined when the file is not an issue (remembered per entry object). */
export function summarizeEntry(entry: IndexEntry): IssueSummary | undefined {
  const known = summaries.get(entry);
  if (known !== undefined) return known ?? undefined;
  const summary = entry.looksLikeIssue ? build(entry) : undefined;
  summaries.set(entry, summary ?? null);
  return summary;
}

function build(entry: IndexEntry): IssueSummary {
  const tagOffsets = new Map<string, number>();
  const papers = entry.papers.map((p) => {
    const tags: string[] = [];
    for (const t of p.tags) {
      if (tags.includes(t.name)) continue;
      tags.push(t.name);
      if (!tagOffsets.has(t.name)) tagOffsets.set(t.name, t.start);
    }
    return { name: p.name, line: entry.headings[p.heading]?.line ?? 0, tags };
  });
  const titleHeading = entry.headings.find((h) => h.level === 1);
  const issue: ArchiveIssue = {
    uri: entry.uri,
    title: entry.title ?? titleHeading?.text ?? fileName(entry.uri),
    date: entry.date,
    line: titleHeading?.line ?? 0,
    papers,
  };
  return { issue, key: JSON.stringify(issue), tagOffsets, entry };
}

/** The position of a tag's first use in the summary's file. */
export function tagOccurrence(summary: IssueSummary, tag: string): TagOccurrence | undefined {
  const offset = summary.tagOffsets.get(tag);
  if (offset === undefined) return undefined;
  const { line, character } = entryLines(summary.entry).positionAt(offset);
  return { uri: summary.issue.uri, line, character };
}

function fileName(uri: string): string {
  const base = path.posix.basename(uri);
  try {
    return decodeURIComponent(base);
  } catch {
    return base; // a malformed escape: the name as written
  }
}
