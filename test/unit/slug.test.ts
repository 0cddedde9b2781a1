/**
 * Heading text -> anchor, as GitHub renders it: every heading shape goes through the model (so the
 * text is what the parser leaves of the markup) and then the `github` slug style.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildIssueModel } from '../../server/src/service/model/issueModel';
import { SectionCache } from '../../server/src/service/model/sectionCache';
import { defaultPresets } from '../../server/src/service/config/weeklyConfig';
import { findSlugStyle, slugStyles } from '../../server/src/service/slug';

const github = findSlugStyle('github')!;
const slugsOf = (markdown: string) =>
  buildIssueModel(markdown, { slugStyle: github, presets: defaultPresets, cache: new SectionCache() }).headings.map((h) => [h.text, h.slug]);

// [what, markdown, heading text as rendered, anchor]
const shapes: Array<[string, string, string, string]> = [
  ['plain ASCII', '# Hello World', 'Hello World', 'hello-world'],
  ['emphasis and strong', '# *Em* and **strong** and ***both***', 'Em and strong and both', 'em-and-strong-and-both'],
  ['underscore emphasis keeps inner underscores', '## _snake_case_ name', 'snake_case name', 'snake_case-name'],
  ['strikethrough (GFM)', '## ~~old~~ new', 'old new', 'old-new'],
  ['inline code', '# The `fromMarkdown()` API', 'The fromMarkdown() API', 'the-frommarkdown-api'],
  ['code with a hash inside', '# Use `#tags`', 'Use #tags', 'use-tags'],
  ['inline link reduced to its text', '# See [the docs](https://example.org) now', 'See the docs now', 'see-the-docs-now'],
  ['autolink', '# Visit <https://example.org>', 'Visit https://example.org', 'visit-httpsexampleorg'],
  ['image dropped (GitHub trims what is left)', '# ![logo](logo.png) Brand', 'Brand', 'brand'],
  ['raw HTML tags dropped, their text kept', '# <span class="x">Red</span> alert', 'Red alert', 'red-alert'],
  ['HTML entity decoded then dropped as punctuation', '# Tom &amp; Jerry', 'Tom & Jerry', 'tom--jerry'],
  ['emoji removed, its space kept', '# 🚀 Launch', '🚀 Launch', '-launch'],
  ['emoji in the middle', '# Fast 🔥 models', 'Fast 🔥 models', 'fast--models'],
  ['ASCII punctuation', '# Hello, World! (v2.0)?', 'Hello, World! (v2.0)?', 'hello-world-v20'],
  ['hyphens and underscores kept', '# GPT-4o vs o1_mini', 'GPT-4o vs o1_mini', 'gpt-4o-vs-o1_mini'],
  ['C++ / C#', '# C++ / C#', 'C++ / C#', 'c--c'],
  ['Chinese kept', '## 视频生成', '视频生成', '视频生成'],
  ['full-width punctuation dropped', '## 标题：测试，一（二）【三】《四》！', '标题：测试，一（二）【三】《四》！', '标题测试一二三四'],
  ['Chinese and ASCII mixed', '## FramePack：提升 GPT-4o 与 Gemini2 的效率', 'FramePack：提升 GPT-4o 与 Gemini2 的效率', 'framepack提升-gpt-4o-与-gemini2-的效率'],
  ['full-width space is not a space', '## 第一\u3000第二', '第一\u3000第二', '第一第二'],
  ['non-ASCII letters lower-cased', '# Ünïcödé ẞtraße', 'Ünïcödé ẞtraße', 'ünïcödé-ßtraße'],
  ['closing hashes are not text', '## Title ##', 'Title', 'title'],
  ['escaped hash is text', '## Issue \\#42', 'Issue #42', 'issue-42'],
  ['tab inside the heading', '# Tab\there', 'Tab\there', 'tabhere'],
  ['leading and trailing spaces trimmed', '#    Spaced   ', 'Spaced', 'spaced'],
  ['setext level 1', 'Setext One\n==========', 'Setext One', 'setext-one'],
  ['setext level 2 spanning lines', 'Two\nLines\n---', 'Two\nLines', 'twolines'],
  ['hard break in a heading', 'A  \nB\n---', 'A B', 'a-b'],
];

describe('GitHub slugs of every heading shape', () => {
  for (const [what, markdown, text, slug] of shapes) {
    it(what, () => {
      assert.deepEqual(slugsOf(markdown), [[text, slug]]);
    });
  }

  it('duplicates get -1, -2 in document order, whatever the markup', () => {
    assert.deepEqual(slugsOf('# A\n\n## *A*\n\n### `A`\n\n## B'), [
      ['A', 'a'],
      ['A', 'a-1'],
      ['A', 'a-2'],
      ['B', 'b'],
    ]);
  });

  it('a heading whose text is an earlier duplicate suffix gets the next free id', () => {
    // github-slugger: "a-1" is taken by the second "a", so a literal "A-1" heading becomes a-1-1.
    assert.deepEqual(slugsOf('# a\n\n# a\n\n# A-1').map(([, s]) => s), ['a', 'a-1', 'a-1-1']);
  });

  it('each document starts counting afresh', () => {
    assert.deepEqual(slugsOf('# A\n\n# A').map(([, s]) => s), ['a', 'a-1']);
    assert.deepEqual(slugsOf('# A\n\n# A').map(([, s]) => s), ['a', 'a-1']);
  });

  it('an empty heading has an empty slug and does not count as a duplicate', () => {
    assert.deepEqual(slugsOf('#\n\n# A'), [
      ['', ''],
      ['A', 'a'],
    ]);
  });
});

describe('slug styles', () => {
  it('github is the default style and is registered', () => {
    assert.equal(slugStyles[0].id, 'github');
    assert.equal(findSlugStyle('nope'), undefined);
  });

  it('a slugger keeps the duplicate count, a new slugger starts over', () => {
    const s = github.create();
    assert.deepEqual(['x', 'x', 'X'].map((t) => s.slug(t)), ['x', 'x-1', 'x-2']);
    assert.equal(github.create().slug('x'), 'x');
  });
});
