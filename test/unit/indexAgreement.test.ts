/**
 * The workspace index reads files on disk through shallow issue models (the block parse everywhere, inline
 * content only where the index reads it: model/shallowRuns.ts) and open documents through full ones
 * (entryFromModel on both). The two must give the same entry, slugs and anchors for any text.
 */
import { describe, it } from 'node:test';
import fc from 'fast-check';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { defaultPresets } from '../../server/src/service/config/weeklyConfig';
import { entryFromModel, headingSlugs } from '../../server/src/service/indexing/indexEntry';
import { buildIssueModel } from '../../server/src/service/model/issueModel';
import type { FactDepth } from '../../server/src/service/model/parseFacts';
import { SectionCache } from '../../server/src/service/model/sectionCache';
import { githubSlugStyle } from '../../server/src/service/slug/github';
import { jekyllSlugStyle } from '../../server/src/service/slug/jekyll';

const ROOT = path.join(__dirname, '..', '..');
const read = (p: string) => fs.readFileSync(path.join(ROOT, p), 'utf8');
const options = { slugStyle: githubSlugStyle, presets: defaultPresets };
const caches = { full: new SectionCache(), shallow: new SectionCache(50_000, 'shallow') };

function build(text: string, depth: FactDepth) {
  const model = buildIssueModel(text, { ...options, cache: caches[depth] });
  assert.equal(model.depth, depth);
  const entry = entryFromModel('file:///x.md', model, defaultPresets);
  const slugs = headingSlugs(entry, githubSlugStyle);
  // The entry slugs on demand (a shallow model, when first read): as the model does.
  assert.deepEqual(slugs, model.headings.map((h) => h.slug));
  // Styles that slug the heading as written (markup and all) read the entry's heading sources.
  const jekyll = buildIssueModel(text, { ...options, slugStyle: jekyllSlugStyle, cache: caches[depth] });
  assert.deepEqual(headingSlugs(entryFromModel('file:///x.md', jekyll, defaultPresets), jekyllSlugStyle), jekyll.headings.map((h) => h.slug));
  return { entry, slugs, anchors: [...model.anchors.keys()] };
}

function agree(text: string, name: string) {
  const shallow = build(text, 'shallow');
  const full = build(text, 'full');
  assert.deepEqual(shallow.entry, full.entry, name);
  assert.deepEqual(shallow.slugs, full.slugs, `${name}: slugs`);
  assert.deepEqual(shallow.anchors, full.anchors, `${name}: anchors`);
  return shallow.entry;
}

const sample = read('examples/ai-weekly-sample.md');

describe('index entries: the shallow model agrees with the full model', () => {
  it('on the sample issue, with papers, tags and a title', () => {
    const entry = agree(sample, 'sample');
    assert.equal(entry.papers.length, 6);
    assert.equal(entry.papers[0].name, 'FramePack');
    assert.deepEqual(entry.papers[0].tags.map((t) => t.name), ['视频生成', '上下文压缩', 'Transformer', '高效计算', '视频扩散']);
    assert.equal(entry.language, 'zh');
    assert.ok(entry.looksLikeIssue);
    // paper-repeat's identities: the section's links and the paper's reference entries, any link form.
    assert.deepEqual(entry.papers[0].identities, ['page:lllyasviel.github.io/frame_pack_gitpage', 'github:lllyasviel/framepack', 'arxiv:2504.12626']);
  });

  for (const f of ['examples', 'test/fixtures']) {
    const dir = path.join(ROOT, f);
    for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.md'))) {
      it(`on ${f}/${name}`, () => {
        agree(read(`${f}/${name}`), name);
      });
    }
  }

  const cases: Record<string, string> = {
    'CRLF line endings': sample.replace(/\n/g, '\r\n'),
    'English fields with the colon inside the bold': '# T\n\n## Contents\n\n1. [A](#a)\n\n## A\n\n**Summary:** x\n\n**Tags:** #a, #b-c #d.e.\n\n## References\n\n1. [A](https://a.org)\n',
    'escaped and entity tags, code in the tags field': '# T\n\n## 目录\n\n## 甲：一\n\n**标签**：#a \\#b &#35;c `#d` #e&amp;f #g\n#h\n\n## 参考链接\n',
    'emphasis in tags and labels with markup': '# T\n\n## 目录\n\n## 甲\n\n**标*签***：#a *#b* #c\n\n**Tags**: #x\n\n## 参考链接\n',
    'tags field with a link': '# T\n\n## 目录\n\n## 甲\n\n**标签**：#a [#b](x.md) #c\n\n## 参考链接\n',
    'summaries with markup, escaped and entity file links, HTML ids': '# T\n\n## A\n\n**概要**：*x* `y` [z](a\\.md) [w](b&#46;md#h) <a id="here"></a>\n\n**Summary:** plain [r][d] text\n\n[d]: ./d.md\n',
    'labels that look simple but are not fields': '# T\n\n**a** *：* b\n\n**b** `:` c\n\n**c**\n：d\n\n__e__: f\n\n**g:**\n',
    'a TOC without heading through reference links': '# T\n\n1. [A][a]\n2. [B][b]\n\n[a]: #a\n[b]: #b\n\n## A\n\n**Tags**: #x\n\n## B\n',
    'front matter': '---\nweekly: true\ntitle: x\n---\n\n# T\n\n## A: b\n\n**Tags**: #one\n',
    'no TOC heading but a list of anchors': '# T\n\n1. [A](#a)\n2. [B](#b)\n\n## A\n\n**Tags**: #x\n\n## B\n\n**Tags**: #y\n',
    'duplicate and setext headings, headings in code and HTML': '# T\n\nA\n---\n\n## A\n\n```\n## not\n```\n\n<div>\n\n## inside html\n\n</div>\n\n## A ![img](i.png) `code` [link](other.md#frag)\n',
    'cross-file links, reference definitions and percent-encoding': '# T\n\nSee [x](other.md#%E7%AC%AC%E4%BA%8C) and [y][def] and ![i](pic.md) and [w](https://x.org/a.md).\n\n[def]: ./dir/third.md#head\n',
    'tags fields in lists and quotes, papers without a TOC': '# T\n\n## P1 - x\n\n- **Tags**: #l1 #l2\n\n> **标签**：#q\n\n## P2——y\n\n**Tags**: #p\n',
    'a paragraph starting with bold that is no field': '# T\n\n**not a field** text #a\n\n**Tags** #b\n\n**Tags**: #c\n',
    'empty text': '',
    'only front matter': '---\na: 1\n---\n',
  };
  for (const [name, text] of Object.entries(cases)) {
    it(`on ${name}`, () => {
      agree(text, name);
    });
  }
});

describe('index entries: agreement on generated Markdown', () => {
  it('holds for random mixes of issue-like lines (fast-check)', () => {
    // Lines an issue is made of, and the odd ones that trip parsers; shuffled and joined at random.
    const pieces = [
      '# 标题', '## 目录', '## Contents', '## 参考链接', '### **参考链接**', '## References', '## 摘要', '## P：x', '## Q: y', '## R - z', '## R - z',
      '1. [P：x](#px)', '2. [Q](#q-y)', '- [a](other.md#frag)', '**标签**：#a #b', '**Tags**: #x, #y.', '**Tags:** #z', '**概要**：text',
      '**标签**：`#code` #ok \\#esc', '> **Tags**: #quoted', '- **Tags**: #listed', '```', '## fenced', '<div>', '</div>', '---', 'A\n---',
      'text with #tag and [link](x.md)', '[def]: ./d.md#h', '![img](p.png)', '', '', '\t**Tags**: #tab', '**Tags**：#a&amp;b #c',
      '**概要**：*em* and [a link](y.md) and `code`', '**Summary** text', '**a** *：* b', '__x__: y', '[r][def] and [^1]', '[^1]: note [n](n.md)',
      '- [T][def]', '<a id="x"></a> and <span id=y>',
      // Tags fields read without an inline parse (shallowRuns.ts) beside ones that need it.
      '**Tags**: #a https://x.org/#b #c', '**标签**：#a `#b` #c', '**Tags**: #a <span>#b</span> #c', '**标签**：#a **#b** _#c_ #d.',
      // Web links (papers' identities): inline, reference-style, bare, in summaries and reference lists.
      '1. [P 论文链接](https://arxiv.org/pdf/2504.12626v2)', '2. [Q GitHub](https://github.com/A/B/tree/main)', '**概要**：see https://huggingface.co/papers/2501.00001 and [p][web]',
      '[web]: https://www.example.org/p/?utm_source=x', '- [P 项目主页](<https://p.example/>)', 'plain https://doi.org/10.48550/arXiv.2401.00001 text',
      '**Tags:** #a\n#b', '**Tags**: #a ![i](p.png) #b', '> **标签**：#q1\n> #q2', '**Tags**: #a #b\\', '**Tags.**: #a **b**', '| a | [b](c.md) |\n|---|---|\n| [d](#e) | f |', '## Heading [ref][def]', '**bold**：[x](z.MD)',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), fc.constantFrom('\n', '\n\n', '\r\n'), (lines, sep) => {
        agree(lines.join(sep), 'generated');
        return true;
      }),
      { numRuns: 300 },
    );
  });
});
