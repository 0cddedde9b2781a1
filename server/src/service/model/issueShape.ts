/**
 * Whether a document has the shape of a weekly issue. A TOC heading and a reference-list heading are not
 * enough: notes have 目录 and 参考资料 too (CS-Notes' Linux.md got 44 paper findings). What notes lack is
 * the papers' fields, so the sections between the two headings must mostly look like papers.
 */
import type { IssueShape, Paper } from './types';

/**
 * A line of two or more tags and nothing else (`#视频生成 #扩散模型`), the form some issues use instead
 * of a labelled tags field. Two, not one: a lone `#endif` or `#comment` in a code block is no tag line.
 */
const TAG_LINE = /^[ \t]*#[\p{L}\p{N}\p{M}_+.-]+(?:[ \t]+#[\p{L}\p{N}\p{M}_+.-]+)+[ \t]*$/mu;

export function issueShapeOf(text: string, toc: boolean, references: boolean, papers: readonly Paper[], frontMatter: string | undefined): IssueShape {
  let withFields = 0;
  // Only asked when the two headings are there: other files' sections are never looked at.
  if (toc && references) {
    for (const p of papers) if (p.summary || p.tagsField || TAG_LINE.test(text.slice(p.heading.end, p.end))) withFields++;
  }
  return { toc, references, paperSections: papers.length, withFields, frontMatter: frontMatter === undefined ? undefined : frontMatter === 'true' };
}

/**
 * TOC, references, and fields in at least half of the candidate paper sections. Half, not all: a paper
 * being written has no fields yet (an issue of N finished papers and a new heading keeps N/(N+1) ≥ 1/2),
 * and a stray `**Summary**:` in one section of a note stays below. No candidate sections at all is an
 * issue just begun (New Weekly Issue's template: TOC and reference headings, no papers yet).
 */
export function hasIssueShape(shape: IssueShape): boolean {
  if (!shape.toc || !shape.references) return false;
  return shape.paperSections === 0 || shape.withFields * 2 >= shape.paperSections;
}
