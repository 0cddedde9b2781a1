/**
 * The documents every tool is measured on: the sample issue, and ×50 / ×200 concatenations of it in which
 * every copy's title and paper names are made unique (so every heading has its own anchor) and the copy's
 * TOC links and reference entries are rewritten to match. Every `#` link resolves, so a correct checker
 * reports nothing on any of them: the tools do the same work, and a non-empty result shows up in the table.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { slug } from 'github-slugger';

export interface Workload {
  id: string;
  label: string;
  text: string;
  /** Size as UTF-16 code units (what editors count) and as UTF-8 bytes (what the disk holds). */
  chars: number;
  bytes: number;
  /** How many copies of the sample it holds (1: the sample itself). */
  copies: number;
}

export const SAMPLE_PATH = path.join(import.meta.dirname, '..', 'examples', 'ai-weekly-sample.md');

export function loadSample(): string {
  return fs.readFileSync(SAMPLE_PATH, 'utf8');
}

/** Paper names of the sample: its `##` headings up to the full-width colon. */
function paperNames(sample: string): string[] {
  const names: string[] = [];
  for (const m of sample.matchAll(/^## (.+?)：/gm)) names.push(m[1]);
  return names;
}

/** Copy number `k` of the sample with its own title, paper names, TOC anchors and reference texts. */
export function uniqueCopy(sample: string, k: number): string {
  const names = paperNames(sample);
  const rename = (line: string) => {
    for (const name of names) line = line.replace(name, `${name} ${k}`);
    return line;
  };
  return sample
    .split('\n')
    .map((line) => distinctLinks(line, k))
    .map((line) => {
      if (line.startsWith('# ')) return `${line.trimEnd()} 第${k}期`;
      if (line.startsWith('## ') && names.some((n) => line.startsWith(`## ${n}：`))) return rename(line);
      const toc = line.match(/^(\d+)\. \[([^\]]+)\]\(#[^)]*\)$/);
      if (toc) {
        const text = rename(toc[2]);
        return `${toc[1]}. [${text}](#${slug(text)})`;
      }
      if (/^\d+\. \[/.test(line)) return rename(line); // a reference entry: `1. [FramePack 项目主页](…)`
      return line;
    })
    .join('\n');
}

/**
 * Copy `k`'s links name other papers than every other copy's: the checker reads a repository, an arXiv id
 * and a project page as the same paper whatever the query or version (`?copy=2` would not do), so each copy
 * gets its own repository name, arXiv id (a month of its own, k < 1,080) and project-page path. Without
 * this the copies would be one paper covered k times, which paper-repeat and ref-duplicate rightly report.
 */
function distinctLinks(line: string, k: number): string {
  const month = `${10 + (Math.floor(k / 12) % 90)}${String((k % 12) + 1).padStart(2, '0')}`;
  return line
    .replace(/(https:\/\/github\.com\/[\w.-]+\/[\w.-]+?)(?=\/|\)|$)/g, `$1-${k}`)
    .replace(/(arxiv\.org\/(?:abs|pdf|html)\/)\d{4}\.(\d{4,5})/g, `$1${month}.$2`)
    .replace(/(https:\/\/[\w.-]+\.github\.io\/[^)\s]*?)\/?(?=\))/g, `$1/copy-${k}/`);
}

/**
 * One issue holding `times` copies' papers: the sample's title and summary, one TOC listing every paper,
 * every copy's paper sections, and one reference list with every copy's entries, renumbered. It is what a
 * checker meets on a long issue or a yearly archive, and a correct checker finds nothing wrong in it.
 * `first`: the number of the first copy (another `first` gives a text with other headings, never seen).
 */
export function concatenated(sample: string, times: number, first = 1): string {
  const lines = sample.split('\n');
  const tocAt = lines.findIndex((l) => /^## (目录|Contents)/.test(l));
  const firstPaper = lines.findIndex((l, i) => i > tocAt && l.startsWith('## '));
  const refsAt = lines.findIndex((l) => /^#{2,3} .*(参考链接|References)/.test(l));
  const toc: string[] = [];
  const papers: string[] = [];
  const refs: string[] = [];
  for (let k = first; k < first + times; k++) {
    const copy = uniqueCopy(sample, k).split('\n');
    const entries = (from: number, to: number) => copy.slice(from, to).filter((l) => /^\d+\. \[/.test(l)).map((l) => l.replace(/^\d+\. /, ''));
    toc.push(...entries(tocAt, firstPaper));
    papers.push(copy.slice(firstPaper, refsAt).join('\n').trimEnd());
    // Each copy's references point at their own URLs (a query per copy): the same URL twice is a problem.
    refs.push(...entries(refsAt, copy.length).map((e) => e.replace(/\]\((\S+?)\)$/, (_m, url: string) => `](${url}${url.includes('?') ? '&' : '?'}copy=${k})`)));
  }
  const numbered = (items: string[]) => items.map((item, i) => `${i + 1}. ${item}`).join('\n');
  return [
    lines.slice(0, tocAt + 1).join('\n').trimEnd(),
    numbered(toc),
    '---',
    papers.join('\n\n'),
    lines[refsAt],
    numbered(refs),
  ].join('\n\n') + '\n';
}

function workload(id: string, label: string, text: string, copies: number): Workload {
  return { id, label, text, chars: text.length, bytes: Buffer.byteLength(text, 'utf8'), copies };
}

/**
 * A text of the same size and shape as `w` that no server has seen: other copy numbers, so every title,
 * paper heading, TOC entry and reference differs (a section cache has none of it). `seed` picks the copies.
 */
export function unseenText(w: Workload, seed: number): string {
  const sample = loadSample();
  return w.copies === 1 ? uniqueCopy(sample, seed) : concatenated(sample, w.copies, seed);
}

export function buildWorkloads(): Workload[] {
  const sample = loadSample();
  return [
    workload('sample', 'the sample issue', sample, 1),
    workload('x50', 'sample ×50, unique headings', concatenated(sample, 50), 50),
    workload('x200', 'sample ×200, unique headings', concatenated(sample, 200), 200),
  ];
}

export function formatSize(w: Workload): string {
  return `${Math.round(w.chars / 1000)}K chars / ${Math.round(w.bytes / 1024)} KB`;
}
