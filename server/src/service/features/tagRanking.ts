/**
 * The one ranking of tags, shared by tag completion and New Paper Entry's tag picker: by the papers using
 * a tag, then by the issues of the same language using it, then by how recently it was used, then by name.
 */
import type { IssueLanguage } from '../config/weeklyConfig';
import type { IndexEntry } from '../indexing/indexEntry';

export interface TagUse {
  /** Papers using the tag (every issue counted, the current one included). */
  papers: number;
  /** Issues in the same language as the current one using it. */
  sameLanguageIssues: number;
  /** Sort key of the latest issue using it: its date (from the file name), '~' for the current one. */
  latest: string;
  /** The first few papers using it, with their issue's name. */
  examples: Array<{ paper: string; issue: string }>;
}

/** Papers named per tag in a completion item's documentation and the tag hover. */
export const TAG_EXAMPLES = 5;

/** A paper and its tags, as the index or a model has them. */
export interface TaggedPaper {
  name: string;
  tags: readonly string[];
}

/** The issue's date as written in its file name (`2026-11-20-en.md`), as a sort key; '' when none. */
export function issueDateKey(uri: string): string {
  const name = uri.slice(uri.lastIndexOf('/') + 1);
  const m = name.match(/(\d{4})[-_.]?(\d{2})[-_.]?(\d{2})/);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : '';
}

/** An issue's short name for lists: its file name without the extension. */
export function issueName(uri: string): string {
  const name = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
  return name.replace(/\.(md|markdown)$/i, '');
}

/**
 * The uses of every tag: the index's other entries and the current document's papers (`current`, read
 * from the document itself so the tag being typed can be left out).
 */
export function collectTagUses(
  entries: Iterable<IndexEntry>,
  currentUri: string,
  language: IssueLanguage,
  current: readonly TaggedPaper[],
): Map<string, TagUse> {
  const uses = new Map<string, TagUse>();
  const add = (papers: readonly TaggedPaper[], issue: string, sameLanguage: boolean, latest: string) => {
    const inIssue = new Set<string>();
    for (const paper of papers) {
      for (const tag of new Set(paper.tags)) {
        let use = uses.get(tag);
        if (!use) uses.set(tag, (use = { papers: 0, sameLanguageIssues: 0, latest: '', examples: [] }));
        use.papers++;
        if (use.examples.length < TAG_EXAMPLES) use.examples.push({ paper: paper.name, issue });
        if (latest > use.latest) use.latest = latest;
        if (sameLanguage && !inIssue.has(tag)) use.sameLanguageIssues++;
        inIssue.add(tag);
      }
    }
  };
  add(current, issueName(currentUri), true, '~');
  for (const entry of entries) {
    if (entry.uri === currentUri) continue;
    const papers = entry.papers.map((p) => ({ name: p.name, tags: p.tags.map((t) => t.name) }));
    add(papers, issueName(entry.uri), entry.language === language, issueDateKey(entry.uri));
  }
  return uses;
}

const NO_USE: TagUse = { papers: 0, sameLanguageIssues: 0, latest: '', examples: [] };

/** Orders tag names by the shared ranking; names without uses (vocabulary, built-in) come last, by name. */
export function compareTags(uses: ReadonlyMap<string, TagUse>): (a: string, b: string) => number {
  return (a, b) => {
    const x = uses.get(a) ?? NO_USE;
    const y = uses.get(b) ?? NO_USE;
    return y.papers - x.papers || y.sameLanguageIssues - x.sameLanguageIssues || (x.latest < y.latest ? 1 : x.latest > y.latest ? -1 : 0) || (a < b ? -1 : a > b ? 1 : 0);
  };
}
