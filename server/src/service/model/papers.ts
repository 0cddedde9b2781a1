/**
 * The papers of an issue: each `##` section between the TOC and the reference list that is not the
 * summary, TOC or references, with its fields, tags, images and links. A build of the next version of a
 * document keeps the Paper objects of sections that did not change (see PaperReuse).
 */
import type { IssueLanguage } from '../config/weeklyConfig';
import { memoize } from '../util/memo';
import type { FieldFact } from './facts';
import type { PresetNames } from './presetNames';
import type { Heading, Link, Paper, ReferenceList, Toc } from './types';

/** A paper's short name: its heading up to the first `：`, `: `, ` - ` or `——`. */
function paperNameOf(headingText: string): string {
  const m = headingText.match(/：|: | - |——/);
  return (m ? headingText.slice(0, m.index) : headingText).trim();
}

/** The same, remembered: asked of every paper heading on each build of an open document. */
export const paperName = memoize(paperNameOf);

/** What one build's papers leave for the next build of the same document. */
export interface PaperReuse {
  names: PresetNames;
  language: IssueLanguage;
  byHeading: Map<Heading, Paper>;
}

export function findPapers(
  text: string,
  headings: Heading[],
  links: Link[],
  fields: FieldFact[],
  toc: Toc | undefined,
  refs: ReferenceList | undefined,
  names: PresetNames,
  language: IssueLanguage,
  previous?: PaperReuse,
  /** Whether to remember paper names (not for files read once: the index's shallow models). */
  remember = true,
): { papers: Paper[]; reuse: PaperReuse } {
  const nameOf = remember ? paperName : paperNameOf;
  const begin = toc ? Math.max(toc.end, toc.heading?.end ?? 0) : 0;
  const stop = refs ? refs.heading.start : text.length;
  const isSummaryField = names.summaryField(language);
  const papers: Paper[] = [];
  const byHeading = new Map<Heading, Paper>();
  const kept = previous && previous.names === names && previous.language === language ? previous.byHeading : undefined;
  const candidates = headings.filter((h) => h.level === 2 && h.start >= begin && h.start < stop && !names.notPaper(h.text));
  const sorted = isSortedByStart(fields) && isSortedByStart(links);
  for (const h of candidates) {
    let next: Heading | undefined;
    for (let j = h.index + 1; j < headings.length && !next; j++) if (headings[j].level <= 2) next = headings[j];
    const end = Math.min(next ? next.start : text.length, stop);
    const fieldRun = sorted ? runWithin(fields, h.start, end) : undefined;
    const linkRun = sorted ? runWithin(links, h.start, end) : undefined;
    const old = kept?.get(h);
    let paper: Paper;
    if (old && fieldRun && linkRun && sameFields(old, fields, fieldRun) && sameLinks(old, links, linkRun)) {
      // The same heading, fields and links (moved in place with their section): the same paper, moved too.
      paper = old;
      paper.start = h.start;
      paper.end = end;
    } else {
      const own = fieldRun ? fields.slice(fieldRun[0], fieldRun[1]) : fields.filter((x) => x.start >= h.start && x.start < end);
      const sectionLinks = linkRun ? links.slice(linkRun[0], linkRun[1]) : links.filter((x) => x.start >= h.start && x.start < end);
      const tagsField = own.find((f) => names.tagsField(f.label));
      paper = {
        heading: h,
        name: nameOf(h.text),
        start: h.start,
        end,
        fields: own,
        summary: own.find((f) => isSummaryField(f.label)),
        tagsField,
        tags: tagsField ? tagsField.tags : [],
        images: sectionLinks.filter((l) => l.kind === 'image'),
        links: sectionLinks.filter((l) => l.kind !== 'image'),
      };
    }
    papers.push(paper);
    byHeading.set(h, paper);
  }
  return { papers, reuse: { names, language, byHeading } };
}

function sameFields(old: Paper, fields: readonly FieldFact[], [lo, hi]: [number, number]): boolean {
  if (old.fields.length !== hi - lo) return false;
  for (let i = lo; i < hi; i++) if (old.fields[i - lo] !== fields[i]) return false;
  return true;
}

/** The paper's images and links are the run's links of each kind, in order. */
function sameLinks(old: Paper, links: readonly Link[], [lo, hi]: [number, number]): boolean {
  if (old.images.length + old.links.length !== hi - lo) return false;
  let image = 0;
  let other = 0;
  for (let i = lo; i < hi; i++) {
    const l = links[i];
    if (l.kind === 'image' ? old.images[image++] !== l : old.links[other++] !== l) return false;
  }
  return true;
}

function isSortedByStart(items: readonly { start: number }[]): boolean {
  for (let i = 1; i < items.length; i++) if (items[i].start < items[i - 1].start) return false;
  return true;
}

/**
 * Where the items that start in [start, end) are, as [from, to). Facts come in document order, so a binary
 * search finds the run; that keeps finding every paper's links linear in a long issue instead of papers × links.
 */
function runWithin(items: readonly { start: number }[], start: number, end: number): [number, number] {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].start < start) lo = mid + 1;
    else hi = mid;
  }
  let to = lo;
  while (to < items.length && items[to].start < end) to++;
  return [lo, to];
}
