/**
 * The workspace index reads files on disk with a quick markdown-it extraction (quickExtract.ts) and open
 * documents through the full issue model (entryFromModel). Both must give the same entry for any text;
 * where the quick path cannot be exact it must say so (undefined), never answer differently.
 */
import { describe, it } from 'node:test';
import fc from 'fast-check';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { defaultPresets } from '../../server/src/service/config/weeklyConfig';
import { entryFromModel, headingSlugs } from '../../server/src/service/indexing/indexEntry';
import { quickExtract } from '../../server/src/service/indexing/quickExtract';
import { buildIssueModel } from '../../server/src/service/model/issueModel';
import { SectionCache } from '../../server/src/service/model/sectionCache';
import { githubSlugStyle } from '../../server/src/service/slug/github';

const ROOT = path.join(__dirname, '..', '..');
const read = (p: string) => fs.readFileSync(path.join(ROOT, p), 'utf8');
const options = { slugStyle: githubSlugStyle, presets: defaultPresets };

function viaModel(text: string) {
  return entryFromModel('file:///x.md', buildIssueModel(text, { ...options, cache: new SectionCache() }), defaultPresets);
}

function agree(text: string, name: string, mustBeQuick = true) {
  const quick = quickExtract('file:///x.md', text, options);
  if (!quick) {
    assert.ok(!mustBeQuick, `${name}: the quick path gave up`);
    return;
  }
  const model = viaModel(text);
  assert.deepEqual(quick, model, name);
  assert.deepEqual(headingSlugs(quick, githubSlugStyle), headingSlugs(model, githubSlugStyle), `${name}: slugs`);
}

const sample = read('examples/ai-weekly-sample.md');

describe('index entries: quick extraction agrees with the model', () => {
  it('on the sample issue, with papers, tags and a title', () => {
    agree(sample, 'sample');
    const entry = quickExtract('file:///x.md', sample, options)!;
    assert.equal(entry.papers.length, 6);
    assert.equal(entry.papers[0].name, 'FramePack');
    assert.deepEqual(entry.papers[0].tags.map((t) => t.name), ['视频生成', '上下文压缩', 'Transformer', '高效计算', '视频扩散']);
    assert.equal(entry.language, 'zh');
    assert.ok(entry.looksLikeIssue);
  });

  for (const f of ['examples', 'test/fixtures']) {
    const dir = path.join(ROOT, f);
    for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.md'))) {
      it(`on ${f}/${name}`, () => agree(read(`${f}/${name}`), name));
    }
  }

  const cases: Record<string, string> = {
    'CRLF line endings': sample.replace(/\n/g, '\r\n'),
    'English fields with the colon inside the bold': '# T\n\n## Contents\n\n1. [A](#a)\n\n## A\n\n**Summary:** x\n\n**Tags:** #a, #b-c #d.e.\n\n## References\n\n1. [A](https://a.org)\n',
    'escaped and entity tags, code in the tags field': '# T\n\n## 目录\n\n## 甲：一\n\n**标签**：#a \\#b &#35;c `#d` #e&amp;f #g\n#h\n\n## 参考链接\n',
    'emphasis in tags and labels with markup': '# T\n\n## 目录\n\n## 甲\n\n**标*签***：#a *#b* #c\n\n**Tags**: #x\n\n## 参考链接\n',
    'tags field with a link falls back or agrees': '# T\n\n## 目录\n\n## 甲\n\n**标签**：#a [#b](x.md) #c\n\n## 参考链接\n',
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
    it(`on ${name}`, () => agree(text, name, name !== 'tags field with a link falls back or agrees'));
  }
});

describe('index entries: agreement on generated Markdown', () => {
  it('holds for random mixes of issue-like lines (fast-check)', () => {
    let quickRuns = 0;
    // Lines an issue is made of, and the odd ones that trip parsers; shuffled and joined at random.
    const pieces = [
      '# 标题', '## 目录', '## Contents', '## 参考链接', '### **参考链接**', '## References', '## 摘要', '## P：x', '## Q: y', '## R - z', '## R - z',
      '1. [P：x](#px)', '2. [Q](#q-y)', '- [a](other.md#frag)', '**标签**：#a #b', '**Tags**: #x, #y.', '**Tags:** #z', '**概要**：text',
      '**标签**：`#code` #ok \\#esc', '> **Tags**: #quoted', '- **Tags**: #listed', '```', '## fenced', '<div>', '</div>', '---', 'A\n---',
      'text with #tag and [link](x.md)', '[def]: ./d.md#h', '![img](p.png)', '', '', '\t**Tags**: #tab', '**Tags**：#a&amp;b #c',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), fc.constantFrom('\n', '\n\n', '\r\n'), (lines, sep) => {
        const text = lines.join(sep);
        const quick = quickExtract('file:///x.md', text, options);
        if (!quick) return true;
        quickRuns++;
        const model = viaModel(text);
        assert.deepEqual(quick, model);
        assert.deepEqual(headingSlugs(quick, githubSlugStyle), headingSlugs(model, githubSlugStyle));
        return true;
      }),
      { numRuns: 300 },
    );
    assert.ok(quickRuns > 150, `the quick path answered ${quickRuns} of 300 texts: the property would prove little otherwise`);
  });
});
