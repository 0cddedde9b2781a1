/** emphasis-unrendered: emphasis pairs CommonMark leaves as literal markers next to CJK text and punctuation. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, findingsOf, fixAll } from '../support/structure';
import { buildIssueModel } from '../../server/src/service/model/issueModel';
import { SectionCache } from '../../server/src/service/model/sectionCache';
import { defaultPresets } from '../../server/src/service/config/weeklyConfig';
import { githubSlugStyle } from '../../server/src/service/slug/github';
import { renderIssue } from '../../server/src/service/render';

const NOTE = (body: string) => `# 笔记\n\n${body}\n`;
const at = (text: string, needle: string) => ({ start: text.indexOf(needle), end: text.indexOf(needle) + needle.length });

describe('emphasis-unrendered', () => {
  for (const [written, pair, fixed] of [
    ['**概要：**内容', '**概要：**', '**概要**：内容'],
    ['**「名字」**是', '**「名字」**', '「**名字**」是'],
    ['说*（注）*吧', '*（注）*', '说（*注*）吧'],
  ]) {
    it(`reports ${written} on the pair, and the fix gives ${fixed}`, () => {
      const text = NOTE(`前文 ${written} 后文`);
      const [f, ...rest] = findingsOf('emphasis-unrendered', text);
      assert.equal(rest.length, 0);
      assert.deepEqual({ start: f.start, end: f.end }, at(text, pair));
      assert.equal(applyFix(text, f), NOTE(`前文 ${fixed} 后文`));
      assert.deepEqual(findingsOf('emphasis-unrendered', applyFix(text, f)), [], 'the fixed text renders');
    });
  }

  it('reports 中文__bold__中文 without a fix (no punctuation to move)', () => {
    const text = NOTE('中文__bold__中文');
    const [f] = findingsOf('emphasis-unrendered', text);
    assert.deepEqual({ start: f.start, end: f.end }, at(text, '__bold__'));
    assert.deepEqual(f.fixes, []);
  });

  it('leaves rendered emphasis, lone markers and ASCII words alone', () => {
    for (const body of ['**概要**：内容', '5 * 3 = 15', 'a * b * c', 'snake_case_name and other_name', '***x**', '**a** b', '`**概要：**内容`', '```\n**概要：**内容\n```']) {
      assert.deepEqual(findingsOf('emphasis-unrendered', NOTE(body)), [], body);
    }
  });

  it('fix-all (and so --fix) fixes every pair of an issue at once', () => {
    const text = NOTE('**概要：**一\n\n**标签：**二 和 **「名字」**是');
    assert.equal(findingsOf('emphasis-unrendered', text).length, 3);
    assert.equal(fixAll(text).text, NOTE('**概要**：一\n\n**标签**：二 和 「**名字**」是'));
  });

  it('follows the text on a keystroke (incremental build) without a stale span', () => {
    const cache = new SectionCache();
    const options = { slugStyle: githubSlugStyle, presets: defaultPresets, cache };
    const first = NOTE('## A\n\n**概要：**内容\n\n## B\n\n**甲：**乙');
    const m1 = buildIssueModel(first, options);
    assert.equal(m1.unrenderedEmphasis.length, 2);
    const second = first.replace('## A', '## AAA');
    const m2 = buildIssueModel(second, { ...options, previous: m1 });
    assert.deepEqual(m2.unrenderedEmphasis.map((e) => second.slice(e.start, e.end)), ['**概要：**', '**甲：**']);
  });

  it('the preview shows the literal asterisks, as GitHub does; the fixed text is bold', () => {
    const model = (text: string) => buildIssueModel(text, { slugStyle: githubSlugStyle, presets: defaultPresets, cache: new SectionCache() });
    const broken = renderIssue(model(NOTE('**概要：**内容'))).html;
    assert.match(broken, /\*\*概要：\*\*内容/);
    assert.doesNotMatch(broken, /<strong>/);
    assert.match(renderIssue(model(NOTE('**概要**：内容'))).html, /<strong>概要<\/strong>：内容/);
  });
});
