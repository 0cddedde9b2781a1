/**
 * The issue model on in-memory texts: headings and their ranges, links and their UTF-16 ranges, HTML ids,
 * the TOC, paper sections and their fields and tags, the reference list, and what must not count
 * (code, HTML comments). Offsets are asserted exactly, as `text.indexOf(...)` of what they point at.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { buildIssueModel } from '../../server/src/service/model/issueModel';
import { SectionCache } from '../../server/src/service/model/sectionCache';
import { defaultPresets } from '../../server/src/service/config/weeklyConfig';
import { findSlugStyle } from '../../server/src/service/slug';
import type { IssueModel } from '../../server/src/service/model/types';

const model = (text: string): IssueModel =>
  buildIssueModel(text, { slugStyle: findSlugStyle('github')!, presets: defaultPresets, cache: new SectionCache() });
const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '..', 'fixtures', name), 'utf8');
/** Offset of the n-th occurrence (0-based) of `needle`. */
function at(text: string, needle: string, nth = 0): number {
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(needle, i + 1);
    assert.ok(i >= 0, `${JSON.stringify(needle)} #${nth} not in the text`);
  }
  return i;
}
const span = (text: string, needle: string, nth = 0) => ({ start: at(text, needle, nth), end: at(text, needle, nth) + needle.length });

describe('headings', () => {
  it('level, text, range, content range and setext flag', () => {
    const text = '# Title\n\nSetext Two\n----------\n\n### Three ###\n';
    const m = model(text);
    assert.deepEqual(
      m.headings.map((h) => ({ level: h.level, text: h.text, start: h.start, end: h.end, contentStart: h.contentStart, contentEnd: h.contentEnd, setext: h.setext, index: h.index })),
      [
        { level: 1, text: 'Title', ...span(text, '# Title'), contentStart: at(text, 'Title'), contentEnd: at(text, 'Title') + 5, setext: false, index: 0 },
        { level: 2, text: 'Setext Two', start: at(text, 'Setext'), end: at(text, '----------') + 10, contentStart: at(text, 'Setext'), contentEnd: at(text, 'Setext') + 10, setext: true, index: 1 },
        { level: 3, text: 'Three', ...span(text, '### Three ###'), contentStart: at(text, 'Three'), contentEnd: at(text, 'Three') + 5, setext: false, index: 2 },
      ],
    );
    assert.equal(m.title?.text, 'Title');
  });

  // [what, markdown] — none of these holds a heading.
  const notHeadings: Array<[string, string]> = [
    ['backtick fence', '```\n# not a heading\n```'],
    ['tilde fence', '~~~md\n# not a heading\n~~~'],
    ['unclosed fence runs to the end', '```\n# not a heading\n\n## nor this'],
    ['indented code', '    # not a heading'],
    ['HTML comment over lines', '<!--\n# not a heading\n-->'],
    ['HTML comment on one line', '<!-- # not a heading -->'],
    ['no space after the hashes', '#5 is a number'],
    ['seven hashes', '####### too deep'],
    ['escaped hash', '\\# escaped'],
    ['inside a raw <pre> block', '<pre>\n\n# not a heading\n\n</pre>'],
  ];
  for (const [what, markdown] of notHeadings) {
    it(`does not count a heading in: ${what}`, () => assert.deepEqual(model(markdown).headings, []));
  }

  it('headings inside list items and block quotes count (GitHub gives them ids)', () => {
    const m = model('- # In a list\n\n> ## In a quote\n');
    assert.deepEqual(m.headings.map((h) => [h.level, h.text, h.slug]), [
      [1, 'In a list', 'in-a-list'],
      [2, 'In a quote', 'in-a-quote'],
    ]);
  });

  it('CRLF line ends: same headings, ranges on the CRLF text, positions on the right lines', () => {
    const lf = '# One\n\ntext\n\n## Two\n\nSetext\n===\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = model(lf);
    const b = model(crlf);
    assert.deepEqual(b.headings.map((h) => [h.level, h.text, h.slug]), a.headings.map((h) => [h.level, h.text, h.slug]));
    assert.deepEqual(b.headings.map((h) => crlf.slice(h.start, h.end)), ['# One', '## Two', 'Setext\r\n===']);
    assert.deepEqual(b.headings.map((h) => b.lines.positionAt(h.start)), [
      { line: 0, character: 0 },
      { line: 4, character: 0 },
      { line: 6, character: 0 },
    ]);
  });

  it('a byte-order mark: offsets still point into the text as given (the BOM is offset 0)', () => {
    const text = '\ufeff# Title\n\n## 目录\n\n- [Title](#title)\n';
    const m = model(text);
    assert.deepEqual(m.headings.map((h) => [h.text, text.slice(h.start, h.end), h.setext]), [
      ['Title', '# Title', false],
      ['目录', '## 目录', false],
    ]);
    assert.equal(text.slice(m.links[0].start, m.links[0].end), '[Title](#title)');
    assert.deepEqual(m.lines.positionAt(m.headings[0].start), { line: 0, character: 1 });
  });

  it('a byte-order mark before front matter: still front matter', () => {
    const m = model('\ufeff---\nweekly: true\n---\n\n# T\n');
    assert.equal(m.frontMatterWeekly, true);
    assert.deepEqual(m.headings.map((h) => h.text), ['T']);
  });

  it('tabs: after the hashes, as indentation of code, inside list items', () => {
    const text = '#\tTabbed\n\n\t# code, not a heading\n\n-\t[x](#tabbed)\n';
    const m = model(text);
    assert.deepEqual(m.headings.map((h) => [h.text, h.slug]), [['Tabbed', 'tabbed']]);
    assert.deepEqual(m.links.map((l) => [l.fragment, text.slice(l.start, l.end)]), [['tabbed', '[x](#tabbed)']]);
  });
});

describe('links', () => {
  it('UTF-16 offsets and LSP positions with astral characters (emoji) before a link', () => {
    const text = '# T\n\n😀👍🏽 中文 [see](#t) and 𝒳 [two](#t "title")\n';
    const m = model(text);
    const [a, b] = m.links;
    assert.deepEqual(
      { start: a.start, end: a.end, textStart: a.textStart, textEnd: a.textEnd, destStart: a.destStart, destEnd: a.destEnd },
      { ...span(text, '[see](#t)'), textStart: at(text, 'see'), textEnd: at(text, 'see') + 3, destStart: at(text, '#t)'), destEnd: at(text, '#t)') + 2 },
    );
    // 😀 and 👍 and 🏽 are two UTF-16 units each: the link starts at character 2+4+1+2+1 = 10.
    assert.deepEqual(m.lines.range(a.start, a.end), { start: { line: 2, character: 10 }, end: { line: 2, character: 19 } });
    assert.deepEqual(m.lines.positionAt(b.destStart!), { line: 2, character: at(text, '#t "') - at(text, '😀') });
    assert.deepEqual([b.url, b.text, b.fragment], ['#t', 'two', 't']);
  });

  it('kinds: inline, reference (resolved through its definition), autolink, image', () => {
    const text = 'A [inline](https://a.example) and [ref][r] and [Short] and <https://b.example> and ![img](i.png)\n\n[r]: https://r.example\n[short]: #frag\n';
    const m = model(text);
    assert.deepEqual(
      m.links.map((l) => ({ kind: l.kind, url: l.url, text: l.text, fragment: l.fragment, source: text.slice(l.start, l.end) })),
      [
        { kind: 'inline', url: 'https://a.example', text: 'inline', fragment: undefined, source: '[inline](https://a.example)' },
        { kind: 'reference', url: 'https://r.example', text: 'ref', fragment: undefined, source: '[ref][r]' },
        { kind: 'reference', url: '#frag', text: 'Short', fragment: 'frag', source: '[Short]' },
        { kind: 'autolink', url: 'https://b.example', text: 'https://b.example', fragment: undefined, source: '<https://b.example>' },
        { kind: 'image', url: 'i.png', text: 'img', fragment: undefined, source: '![img](i.png)' },
      ],
    );
    assert.deepEqual(m.definitions.map((d) => [d.label, d.identifier, d.url, text.slice(d.destStart!, d.destEnd!)]), [
      ['r', 'r', 'https://r.example', 'https://r.example'],
      ['short', 'short', '#frag', '#frag'],
    ]);
  });

  it('image references resolve through their definitions, in any section', () => {
    const text = '# A\n\n[![Forks][forks-shield]][forks-url] ![logo] ![Logo][]\n\n# B\n\n[forks-shield]: https://img.example/forks.svg\n[forks-url]: https://example.org/forks\n[logo]: /logo.png\n';
    const m = model(text);
    assert.deepEqual(m.links.map((l) => [l.kind, l.url, text.slice(l.start, l.end)]), [
      ['reference', 'https://example.org/forks', '[![Forks][forks-shield]][forks-url]'],
      ['image', 'https://img.example/forks.svg', '![Forks][forks-shield]'],
      ['image', '/logo.png', '![logo]'],
      ['image', '/logo.png', '![Logo][]'],
    ]);
  });

  it('a reference defined in another section resolves', () => {
    const text = '# A\n\nSee [the end][end].\n\n# B\n\n[end]: #b\n';
    const m = model(text);
    assert.deepEqual(m.links.map((l) => [l.kind, l.url, l.fragment, text.slice(l.start, l.end)]), [['reference', '#b', 'b', '[the end][end]']]);
  });

  it('fragments are percent-decoded; the destination range is the source as written', () => {
    const text = '[a](#%E4%BD%A0%E5%A5%BD) [b](<#with space>) [c](#50%25) [d](#bad%zz) [e](./#dot-slash)';
    const m = model(text);
    assert.deepEqual(m.links.map((l) => l.fragment), ['你好', 'with space', '50%', 'bad%zz', 'dot-slash']);
    assert.deepEqual(m.links.map((l) => text.slice(l.destStart!, l.destEnd!)), ['#%E4%BD%A0%E5%A5%BD', '#with space', '#50%25', '#bad%zz', './#dot-slash']);
  });

  it('links in code, in HTML comments and in code spans do not count', () => {
    const text = '```\n[a](#x)\n```\n\n    [b](#x)\n\n<!-- [c](#x) -->\n\n<!--\n[d](#x)\n-->\n\n`[e](#x)` and [f](#real)\n';
    assert.deepEqual(model(text).links.map((l) => l.text), ['f']);
  });
});

describe('explicit HTML ids', () => {
  it('<a id>, <a name>, id on any element; name only on <a>; ranges are the values', () => {
    const text = '<a id="one"></a>\n\nText <a name=\'two\'>x</a> and <span id=three>y</span> <div name="nope"></div>\n\n<h2 id="four">Four</h2>\n';
    const m = model(text);
    assert.deepEqual(
      m.htmlIds.map((h) => [h.id, text.slice(h.start, h.end)]),
      [
        ['one', 'one'],
        ['two', 'two'],
        ['three', 'three'],
        ['four', 'four'],
      ],
    );
    for (const id of ['one', 'two', 'three', 'four']) assert.ok(m.anchors.has(id), id);
    assert.equal(m.anchors.has('nope'), false);
  });

  it('inside block quotes and list items (the parser strips line prefixes): ranges still on the values', () => {
    const text = '> <div id="d">\n> </div>\n\n- <div id="i" name="x">\n  <a name="a" href="#i">x</a>\n  </div>\n\n> text <a\n> id="inline">y</a>\n';
    const m = model(text);
    assert.deepEqual(m.htmlIds.map((h) => [h.id, h.start, text.slice(h.start - 4, h.end + 1)]), [
      ['d', at(text, '"d"') + 1, 'id="d"'],
      ['i', at(text, '"i"') + 1, 'id="i"'],
      ['a', at(text, '"a"') + 1, 'me="a"'],
      ['inline', at(text, '"inline"') + 1, 'id="inline"'],
    ]);
    assert.deepEqual(m.links.map((l) => [l.url, text.slice(l.destStart!, l.destEnd!)]), [['#i', '#i']]);
  });

  it('ids in code or comments do not count', () => {
    const m = model('```html\n<a id="code"></a>\n```\n\n<!-- <a id="comment"></a> -->\n\n`<a id="span"></a>`\n');
    assert.deepEqual(m.htmlIds, []);
  });

  it('a heading slug wins over an HTML id with the same name (first one wins)', () => {
    const m = model('# Same\n\n<a id="same"></a>\n');
    assert.equal((m.anchors.get('same') as { slug?: string }).slug, 'same');
  });
});

describe('table of contents', () => {
  // [heading as written]
  const tocHeadings = ['## 目录', '## Contents', '## Table of Contents', '## TOC', '### **目录**', '## table of contents', '## 目录：'];
  for (const heading of tocHeadings) {
    it(`is the list under "${heading}"`, () => {
      const text = `# T\n\n${heading}\n\n1. [A](#a)\n2. [B](#b)\n   - [B1](#b1)\n\n## A\n\n## B\n\n### B1\n`;
      const m = model(text);
      assert.ok(m.toc, 'a TOC');
      assert.equal(m.toc!.heading?.start, at(text, heading));
      assert.deepEqual(m.toc!.entries.map((e) => [e.link.text, e.link.fragment]), [
        ['A', 'a'],
        ['B', 'b'],
        ['B1', 'b1'],
      ]);
      assert.equal(m.toc!.start, at(text, '1. [A]'));
      assert.equal(m.toc!.end, at(text, '[B1](#b1)') + '[B1](#b1)'.length);
      assert.deepEqual(m.links.map((l) => l.inToc), [true, true, true]);
    });
  }

  it('without a TOC heading: a list made mostly of # links', () => {
    const text = '# T\n\n- [A](#a)\n- [B](#b)\n- plain words\n\n## A\n\nbody [x](#a)\n\n## B\n\n- [elsewhere](https://x.example)\n- [also](https://y.example)\n';
    const m = model(text);
    assert.equal(m.toc?.heading, undefined);
    assert.deepEqual(m.toc!.entries.map((e) => e.link.fragment), ['a', 'b']);
    assert.deepEqual(m.links.map((l) => [l.text, l.inToc]), [
      ['A', true],
      ['B', true],
      ['x', false],
      ['elsewhere', false],
      ['also', false],
    ]);
  });

  it('a list of mostly external links is not a TOC', () => {
    const m = model('- [a](#a)\n- [b](https://b.example)\n- [c](https://c.example)\n\n# A\n');
    assert.equal(m.toc, undefined);
  });

  it('a TOC list inside a code block does not count', () => {
    const m = model('## 目录\n\n```\n- [A](#a)\n- [B](#b)\n```\n\n## A\n');
    assert.deepEqual(m.toc?.entries ?? [], []);
  });
});

describe('papers, fields and tags', () => {
  it('the ## sections between the TOC and the references, without 摘要, each with its fields, tags and images', () => {
    const text = fixture('zh-issue.md');
    const m = model(text);
    assert.equal(m.looksLikeIssue, true);
    assert.equal(m.language, 'zh');
    assert.equal(m.title?.text, '视频生成提速 | 开源图像编辑 | 多模态描述【AI周报】');
    assert.equal(m.summaryHeading?.text, '摘要');
    assert.deepEqual(m.papers.map((p) => [p.name, p.heading.text]), [
      ['FlowPack', 'FlowPack：压缩上下文的视频生成框架'],
      ['Edit-X', 'Edit-X：开源图像编辑，媲美 GPT-4o 与 Gemini 2'],
      ['LookClose', 'LookClose：局部区域的精细描述模型'],
    ]);
    const [first, second, third] = m.papers;
    assert.equal(first.start, at(text, '## FlowPack'));
    assert.equal(first.end, at(text, '## Edit-X'));
    assert.equal(third.end, at(text, '### **参考链接**'));
    assert.deepEqual(first.images.map((i) => i.url), ['/assets/flowpack.png']);
    assert.deepEqual(third.images, []);
    assert.equal(first.summary?.label, '概要');
    assert.equal(first.summary?.value, 'FlowPack 把输入帧压缩成固定长度的上下文，让长视频生成不再越算越慢。');
    assert.equal(first.tagsField?.label, '标签');
    assert.deepEqual(first.tags.map((t) => [t.name, text.slice(t.start, t.end)]), [
      ['视频生成', '#视频生成'],
      ['上下文压缩', '#上下文压缩'],
      ['Transformer', '#Transformer'],
    ]);
    // The first tag sits right after the full-width colon.
    assert.equal(text[first.tags[0].start - 1], '：');
    assert.equal(first.tags[0].start, at(text, '**标签**：#视频生成') + '**标签**：'.length);
    assert.deepEqual(second.tags.map((t) => t.name), ['图像编辑', '扩散模型']);
  });

  it('English labels: **Summary**: / **Tags**: and **Summary:** / **Tags:**, tags separated by commas', () => {
    const text = fixture('en-issue.md');
    const m = model(text);
    assert.equal(m.language, 'en');
    assert.equal(m.summaryHeading?.text, 'Summary');
    assert.deepEqual(m.papers.map((p) => p.name), ['FlowPack', 'Edit-X (v2)']);
    assert.deepEqual(m.papers.map((p) => [p.summary?.label, p.tagsField?.label, p.tags.map((t) => t.name)]), [
      ['Summary', 'Tags', ['video-generation', 'transformers']],
      ['Summary', 'Tags', ['image-editing', 'diffusion']],
    ]);
    const tag = m.papers[1].tags[1];
    assert.equal(text.slice(tag.start, tag.end), '#diffusion');
    const field = m.papers[1].summary!;
    assert.equal(text.slice(field.labelStart, field.labelEnd), '**Summary:**');
    assert.equal(field.value, 'An open image editor driven by a multimodal model.');
  });

  it('tag edges: a trailing full stop ends the tag; # inside a word or after a letter is not a tag', () => {
    const text = '## 目录\n\n- [P](#p)\n\n## P\n\n**标签**：#一 #two.  #a-b_c+d, #v1.5 mid#word #\n\n## References\n';
    const m = model(text);
    assert.deepEqual(m.papers[0].tags.map((t) => [t.name, text.slice(t.start, t.end)]), [
      ['一', '#一'],
      ['two', '#two'],
      ['a-b_c+d', '#a-b_c+d'],
      ['v1.5', '#v1.5'],
    ]);
  });

  it('comments, code spans and links inside a field or a heading do not count', () => {
    const text = '## 目录\n\n- [P](#p)\n\n## P <!-- draft -->\n\n**标签**：#a <!-- #b --> `#c` [#d](#p) #e\n\n<!--\n**概要**：hidden\n-->\n\n## References\n';
    const m = model(text);
    assert.deepEqual(m.headings.map((h) => [h.text, h.slug]), [['目录', '目录'], ['P', 'p'], ['References', 'references']]);
    assert.deepEqual(m.papers.map((p) => [p.fields.map((f) => f.label), p.tags.map((t) => [t.name, text.slice(t.start, t.end)])]), [
      [['标签'], [['a', '#a'], ['e', '#e']]],
    ]);
  });

  it('fields and tags in code do not count', () => {
    const m = model('## 目录\n\n- [P](#p)\n\n## P\n\n```\n**标签**：#code\n```\n\n`**标签**：#span`\n\n## References\n');
    assert.deepEqual(m.papers[0].fields, []);
    assert.deepEqual(m.papers[0].tags, []);
  });

  it('Summary-like headings (摘要, Summary, Highlights…) are not papers; the TOC and references headings neither', () => {
    const text = '# T\n\n## 目录\n\n- [A](#a)\n\n## 摘要\n\n## Summary\n\n## Highlights\n\n## A\n\n## 参考链接\n\n1. [x](https://x.example)\n\n## After\n';
    assert.deepEqual(model(text).papers.map((p) => p.name), ['A']);
  });

  it('### sub-sections belong to their paper', () => {
    const text = '## Contents\n\n- [A](#a)\n\n## A\n\n### Details\n\n**Tags**: #deep\n\n## References\n';
    const m = model(text);
    assert.deepEqual(m.papers.map((p) => [p.name, p.tags.map((t) => t.name)]), [['A', ['deep']]]);
  });
});

describe('reference list', () => {
  const headings = ['### **参考链接**', '## 参考链接', '#### 参考资料', '## References', '## **References**', '# 参考文献'];
  for (const heading of headings) {
    it(`is the list under "${heading}": number, text, URL and range of each entry`, () => {
      const text = `# T\n\n## 目录\n\n- [A](#a)\n\n## A\n\n**标签**：#a\n\n${heading}\n\n1. [A 项目主页](https://a.example/)\n2. [A GitHub 仓库](https://github.com/x/a)\n3. No link here\n`;
      const m = model(text);
      assert.ok(m.references, 'a reference list');
      assert.equal(m.references!.heading.start, at(text, heading));
      assert.deepEqual(
        m.references!.entries.map((e) => ({ number: e.number, text: e.text, url: e.url, source: text.slice(e.item.start, e.item.end) })),
        [
          { number: 1, text: 'A 项目主页', url: 'https://a.example/', source: '1. [A 项目主页](https://a.example/)' },
          { number: 2, text: 'A GitHub 仓库', url: 'https://github.com/x/a', source: '2. [A GitHub 仓库](https://github.com/x/a)' },
          { number: 3, text: 'No link here', url: '', source: '3. No link here' },
        ],
      );
      assert.equal(m.looksLikeIssue, true);
    });
  }

  it('entries numbered as written (not renumbered), links after leading text, bullets without numbers', () => {
    const text = '## References\n\n3. Paper: [Title](https://p.example)\n7. [B](https://b.example)\n\n- [C](https://c.example)\n';
    const m = model(text);
    assert.deepEqual(m.references!.entries.map((e) => [e.number, e.text, e.url]), [
      [3, 'Title', 'https://p.example'],
      [7, 'B', 'https://b.example'],
      [undefined, 'C', 'https://c.example'],
    ]);
  });

  it('a reference list in a code block or comment does not count', () => {
    const m = model('## References\n\n```\n1. [a](https://a.example)\n```\n\n<!--\n1. [b](https://b.example)\n-->\n');
    assert.deepEqual(m.references?.entries ?? [], []);
  });

  it('the last references heading is the list (an earlier one in a paper is not)', () => {
    const text = '## Contents\n\n- [A](#a)\n\n## A\n\n### References\n\n1. [inner](https://i.example)\n\n## References\n\n1. [outer](https://o.example)\n';
    assert.deepEqual(model(text).references!.entries.map((e) => e.text), ['outer']);
  });
});

describe('which texts look like an issue', () => {
  // [what, markdown, looksLikeIssue]
  const cases: Array<[string, string, boolean]> = [
    ['TOC and references headings', '## 目录\n\n## 参考链接\n', true],
    ['English headings', '## Contents\n\n## References\n', true],
    ['only a TOC', '## 目录\n\n- [a](#a)\n', false],
    ['only references', '## References\n\n1. [a](https://a.example)\n', false],
    ['front matter weekly: true', '---\nweekly: true\n---\n\n# Note\n', true],
    ['front matter weekly: false', '---\nweekly: false\n---\n\n## 目录\n', false],
    ['headings in code only', '```\n## 目录\n## 参考链接\n```\n', false],
    ['headings in a comment only', '<!--\n## 目录\n\n## 参考链接\n-->\n', false],
  ];
  for (const [what, markdown, expected] of cases) {
    it(what, () => assert.equal(model(markdown).looksLikeIssue, expected));
  }
});

describe('the sample issue (examples/ai-weekly-sample.md)', () => {
  it('six papers, each with a summary and tags, 17 references, TOC entries that all land', () => {
    const text = fs.readFileSync(path.join(__dirname, '..', '..', 'examples', 'ai-weekly-sample.md'), 'utf8');
    const m = model(text);
    assert.equal(m.looksLikeIssue, true);
    assert.equal(m.papers.length, 6);
    for (const p of m.papers) {
      assert.ok(p.summary, `${p.name} has a summary`);
      assert.ok(p.tags.length >= 4, `${p.name} has tags`);
    }
    assert.equal(m.toc!.entries.length, 6);
    for (const e of m.toc!.entries) assert.ok(m.anchors.has(e.link.fragment!), e.link.fragment);
    assert.deepEqual(m.references!.entries.map((e) => e.number), Array.from({ length: 17 }, (_, i) => i + 1));
  });
});
