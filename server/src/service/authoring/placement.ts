/** Where a new paper goes among the existing ones, and which paper a reference entry belongs to. */
import { ownerOf } from '../edits/referenceBuilder';
import type { IssueModel, Paper, ReferenceEntry } from '../model/types';

const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/** The end of a paper's last line that is neither blank nor a `---` separator. */
function contentEnd(text: string, paper: Paper): number {
  let end = paper.start;
  let at = paper.start;
  for (const line of text.slice(paper.start, paper.end).split('\n')) {
    const clean = line.replace(/\r$/, '');
    if (clean.trim() !== '' && !THEMATIC_BREAK.test(clean)) end = at + clean.length;
    at += line.length + 1;
  }
  return end;
}

/**
 * The index the new paper gets: where the cursor is, when it sits between two papers (from the end of
 * one paper's text, through its `---`, to the start of the next heading line); otherwise after the last.
 */
export function insertionIndex(model: IssueModel, cursor: number | undefined): number {
  const { papers, text } = model;
  if (cursor === undefined) return papers.length;
  for (let i = 1; i < papers.length; i++) {
    if (cursor >= contentEnd(text, papers[i - 1]) && cursor <= papers[i].start) return i;
  }
  return papers.length;
}

/** Whether the last non-blank line before `offset` is a thematic break: the issue separates sections so. */
export function endsWithSeparator(text: string, offset: number): boolean {
  const before = text.slice(0, offset).replace(/\s+$/, '');
  const lastLine = before.slice(before.lastIndexOf('\n') + 1);
  return THEMATIC_BREAK.test(lastLine);
}

/** The index of the paper a reference entry belongs to, by the structure rules' own test (ownerOf). */
export function ownerOfReference(entry: ReferenceEntry, papers: readonly Paper[]): number | undefined {
  const owner = ownerOf(entry, papers);
  return owner ? papers.indexOf(owner) : undefined;
}
