/**
 * Ways to break a well-formed weekly issue, one per structure rule, for the fix-all property test and
 * the CLI test. Each breaker works on lines by pattern (so breakers compose in any order) and says
 * what fix-all should give back: the same text (`expected` unchanged), a text with its addition
 * corrected, or nothing exact (`expected` undefined) when the fix cannot know the original (stubs for
 * dropped references, a search link for an emptied one, an empty tags line).
 */

import { builtinTags } from '../../server/src/service/model/knownTags';

export interface Broken {
  text: string;
  /** What fix-all must return, when it can be told exactly. */
  expected?: string;
  /** The codes this breaking should trip. */
  codes: string[];
}

export type Breaker = (state: Broken, pick: number) => Broken;

const TOC_LINE = /^(\d+)\. \[[^\]]+\]\(#[^)]+\)$/;
const REF_LINE = /^(\d+)\. \[([^\]]+)\]\(([^)]*)\)$/;
const TAGS_LINE = /^\*\*(标签|Tags)\*\*[：:] ?(.*)$/;
const KIND = /\[.+? (项目主页|GitHub 仓库|论文链接|Project Page|GitHub|Paper)\]/;
const SUMMARY_START = /^\*\*(概要|Summary)\*\*[：:] ?/;

function lines(text: string): string[] {
  return text.split('\n');
}

/** Indexes of lines matching `re`, only inside [from, to). */
function matching(ls: string[], re: RegExp, from = 0, to = ls.length): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) if (re.test(ls[i])) out.push(i);
  return out;
}

function refsStart(ls: string[]): number {
  const i = ls.findIndex((l) => /^#{2,3} \**(参考链接|References)\**\s*$/.test(l));
  return i < 0 ? ls.length : i;
}

function tocRange(ls: string[]): [number, number] {
  const start = ls.findIndex((l) => /^## (目录|Contents)\s*$/.test(l));
  let end = start + 1;
  while (end < ls.length && !/^(---|## )/.test(ls[end])) end++;
  return [start, end];
}

const pickOf = <T>(items: T[], pick: number): T | undefined => (items.length ? items[pick % items.length] : undefined);

function edit(state: Broken, code: string, change: (ls: string[]) => boolean, exact: boolean): Broken {
  const ls = lines(state.text);
  if (!change(ls)) return state;
  return { text: ls.join('\n'), expected: exact ? state.expected : undefined, codes: [...state.codes, code] };
}

export const breakers: Record<string, Breaker> = {
  'tag-near-duplicate': (s, pick) =>
    edit(s, 'tag-near-duplicate', (ls) => {
      const i = pickOf(matching(ls, TAGS_LINE, 0, refsStart(ls)), pick);
      if (i === undefined) return false;
      // `扩散模型` → `扩散_模型`: an underscore is one of the differences the rule ignores. Only a tag the rule
      // knows another spelling of: a built-in tag, or one another paper also uses. A tag used once and in no
      // list is the only spelling there is (two breakings of #Distillation made that happen in a property
      // run), and no rule can call its typo a near-duplicate.
      const known = (tag: string) =>
        builtinTags.includes(tag.slice(1)) || ls.some((l, j) => j !== i && TAGS_LINE.test(l) && l.split(/\s+/).includes(tag));
      const m = [...ls[i].matchAll(/#([\p{L}\p{N}]{2})([\p{L}\p{N}]+)(?=\s|$)/gu)].find((t) => known(t[0]));
      if (!m) return false;
      ls[i] = ls[i].replace(new RegExp(`${m[0]}(?=\\s|$)`, 'u'), `#${m[1]}_${m[2]}`);
      return true;
    }, true),
  'tag-duplicate': (s, pick) =>
    edit(s, 'tag-duplicate', (ls) => {
      const i = pickOf(matching(ls, TAGS_LINE, 0, refsStart(ls)), pick);
      const tag = i === undefined ? undefined : /#[^\s#]+/.exec(ls[i])?.[0];
      if (i === undefined || !tag) return false;
      ls[i] = ls[i].replace(/\s*$/, '') + ' ' + tag + ls[i].slice(ls[i].replace(/\s*$/, '').length);
      return true;
    }, true),
  'paper-missing-field:summary': (s, pick) =>
    edit(s, 'paper-missing-field', (ls) => {
      const i = pickOf(matching(ls, SUMMARY_START, 0, refsStart(ls)), pick);
      if (i === undefined) return false;
      ls[i] = ls[i].replace(SUMMARY_START, '');
      return true;
    }, true),
  'paper-missing-field:tags': (s, pick) =>
    edit(s, 'paper-missing-field', (ls) => {
      const i = pickOf(matching(ls, TAGS_LINE, 0, refsStart(ls)), pick);
      if (i === undefined) return false;
      ls.splice(i, 2);
      return true;
    }, false),
  'image-missing': (s) =>
    edit(s, 'image-missing', (ls) => {
      const i = ls.findIndex((l) => l.includes('/assets/images/ai-weekly/ui.png'));
      if (i < 0) return false;
      ls[i] = ls[i].replace('ui.png', 'ui.jpg');
      return true;
    }, true),
  'ref-undefined': (s) => {
    const defLine = '[frame-paper]: https://arxiv.org/abs/2504.12626';
    const add = (text: string, label: string) => {
      const ls = lines(text);
      // In the summary section (the first paragraph after 摘要 / Summary), which no other breaker touches.
      const heading = ls.findIndex((l) => /^## (摘要|Summary)\s*$/.test(l));
      const i = heading < 0 ? -1 : ls.findIndex((l, k) => k > heading && l.trim() !== '');
      if (i < 0) return text;
      ls[i] = ls[i] + ` 另见[原文][${label}]。`;
      return ls.join('\n').replace(/\n*$/, `\n\n${defLine}\n`);
    };
    return { text: add(s.text, 'frame-papr'), expected: s.expected === undefined ? undefined : add(s.expected, 'frame-paper'), codes: [...s.codes, 'ref-undefined'] };
  },
  'toc-missing-entry': (s, pick) =>
    edit(s, 'toc-missing-entry', (ls) => {
      const [a, b] = tocRange(ls);
      const i = pickOf(matching(ls, TOC_LINE, a, b), pick);
      if (i === undefined) return false;
      ls.splice(i, 1);
      return true;
    }, true),
  'toc-order': (s, pick) =>
    edit(s, 'toc-order', (ls) => {
      const [a, b] = tocRange(ls);
      const items = matching(ls, TOC_LINE, a, b);
      if (items.length < 2) return false;
      const k = pick % (items.length - 1);
      const [x, y] = [items[k], items[k + 1]];
      const body = (l: string) => l.replace(/^\d+\. /, '');
      const num = (l: string) => /^\d+\. /.exec(l)![0];
      [ls[x], ls[y]] = [num(ls[x]) + body(ls[y]), num(ls[y]) + body(ls[x])];
      return true;
    }, true),
  'ref-missing': (s, pick) =>
    edit(s, 'ref-missing', (ls) => {
      const start = refsStart(ls);
      const refs = matching(ls, REF_LINE, start);
      const names = [...new Set(refs.map((i) => REF_LINE.exec(ls[i])![2].split(' ')[0]))];
      const name = pickOf(names, pick);
      if (!name) return false;
      const mine = refs.filter((i) => REF_LINE.exec(ls[i])![2].split(' ')[0] === name);
      for (const i of mine.reverse()) ls.splice(i, 1);
      return true;
    }, false),
  'ref-orphan': (s, pick) =>
    edit(s, 'ref-orphan', (ls) => {
      const refs = matching(ls, REF_LINE, refsStart(ls)).filter((i) => KIND.test(ls[i]));
      const i = pickOf(refs, pick);
      if (i === undefined) return false;
      // `[FramePack 项目主页]` → `[项目主页]`: the entry keeps its kind but loses its paper's name.
      ls[i] = ls[i].replace(KIND, '[$1]');
      return true;
    }, false),
  'ref-bad-url': (s, pick) =>
    edit(s, 'ref-bad-url', (ls) => {
      const i = pickOf(matching(ls, /\]\(https:\/\//, refsStart(ls)), pick);
      if (i === undefined) return false;
      ls[i] = ls[i].replace('](https://', '](');
      return true;
    }, true),
  'ref-bad-url:empty': (s, pick) =>
    edit(s, 'ref-bad-url', (ls) => {
      const i = pickOf(matching(ls, REF_LINE, refsStart(ls)), pick);
      if (i === undefined) return false;
      ls[i] = ls[i].replace(/\]\([^)]*\)$/, ']()');
      return true;
    }, false),
  'ref-numbering': (s, pick) =>
    edit(s, 'ref-numbering', (ls) => {
      const i = pickOf(matching(ls, REF_LINE, refsStart(ls)), pick);
      if (i === undefined) return false;
      ls[i] = ls[i].replace(/^\d+/, (n) => String(Number(n) + 7));
      return true;
    }, true),
  'ref-duplicate': (s, pick) =>
    edit(s, 'ref-duplicate', (ls) => {
      const refs = matching(ls, REF_LINE, refsStart(ls)).filter((i) => /\]\(https?:\/\//.test(ls[i]));
      const i = pickOf(refs, pick);
      if (i === undefined) return false;
      const [, , text, url] = REF_LINE.exec(ls[i])!;
      const last = refs[refs.length - 1];
      ls.splice(last + 1, 0, `${refs.length + 1}. [${text} 镜像](${url})`);
      return true;
    }, true),
};

/** Breaks one thing for every rule, in an order that keeps each breaker's patterns findable. */
export function breakEverything(text: string): Broken {
  let state: Broken = { text, expected: text, codes: [] };
  const order = [
    'tag-near-duplicate', 'tag-duplicate', 'paper-missing-field:summary', 'paper-missing-field:tags', 'image-missing',
    'ref-undefined', 'toc-missing-entry', 'toc-order', 'ref-missing', 'ref-orphan', 'ref-bad-url', 'ref-bad-url:empty',
    'ref-numbering', 'ref-duplicate',
  ];
  // Picks chosen so that no breaker undoes another: the tag typo, the duplicate tag and the dropped
  // tags line land on different papers; the reference breakers on different entries.
  const picks = [0, 1, 2, 2, 0, 0, 1, 0, 1, 3, 4, 7, 9, 2];
  order.forEach((name, i) => (state = breakers[name](state, picks[i])));
  return state;
}
