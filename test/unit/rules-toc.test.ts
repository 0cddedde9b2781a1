/** toc-missing-entry and toc-order: exact ranges, messages, and what each quick fix writes. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, findings, findingsOf, fixAll, range, replaceOnce, span } from '../support/structure';
import { EN_ISSUE, ISSUE } from '../support/issueText';

const BETA_LINE = '2. [Beta - 第二篇](#beta---第二篇)\n';

describe('toc-missing-entry', () => {
  it('reports a paper no entry links to, on its heading text', () => {
    const text = replaceOnce(ISSUE, BETA_LINE, '');
    const [f, ...rest] = findingsOf('toc-missing-entry', text);
    assert.equal(rest.length, 0);
    assert.deepEqual(range(f), span(text, 'Beta - 第二篇'));
    assert.match(f.message, /no entry for "Beta - 第二篇"/);
  });

  it('adds the entry at its place and renumbers the entries after it', () => {
    const text = replaceOnce(ISSUE, BETA_LINE, '');
    const [f] = findingsOf('toc-missing-entry', text);
    assert.equal(f.fixes![0].isPreferred, true);
    assert.equal(applyFix(text, f, 0), ISSUE);
  });

  it('adds an entry before the first one when the first paper is missing', () => {
    const text = replaceOnce(replaceOnce(replaceOnce(ISSUE, '1. [Alpha：第一篇](#alpha第一篇)\n', ''), '2. [Beta', '1. [Beta'), '3. [Gamma', '2. [Gamma');
    const [f] = findingsOf('toc-missing-entry', text);
    assert.equal(applyFix(text, f, 0), ISSUE);
  });

  it('adds several missing entries in one preferred edit set, so fix-all needs one pass', () => {
    const text = replaceOnce(replaceOnce(ISSUE, BETA_LINE, ''), '3. [Gamma: Third](#gamma-third)\n', '');
    const found = findingsOf('toc-missing-entry', text);
    assert.equal(found.length, 2);
    const preferred = found.map((f) => f.fixes!.find((x) => x.isPreferred)!);
    assert.match(preferred[0].title, /Add the 2 missing/);
    assert.deepEqual(preferred[0].edits, preferred[1].edits);
    const fixed = fixAll(text);
    assert.equal(fixed.text, ISSUE);
    assert.equal(fixed.passes, 1);
  });

  it('counts an entry whose broken link the anchor rules repair (no second entry)', () => {
    const text = replaceOnce(ISSUE, '(#beta---第二篇)', '(#beta-第二篇)');
    assert.equal(findingsOf('toc-missing-entry', text).length, 0);
    assert.equal(findingsOf('toc-broken-anchor', text).length, 1);
    assert.equal(fixAll(text).text, ISSUE);
  });

  it('keeps a bullet list a bullet list', () => {
    const text = replaceOnce(EN_ISSUE, '- [Beta: Second](#beta-second)\n', '');
    const [f] = findingsOf('toc-missing-entry', text);
    assert.deepEqual(range(f), span(text, 'Beta: Second'));
    assert.equal(applyFix(text, f, 0), EN_ISSUE);
  });

  it('builds the list under a TOC heading that has none', () => {
    const text = replaceOnce(ISSUE, '## 目录\n\n1. [Alpha：第一篇](#alpha第一篇)\n' + BETA_LINE + '3. [Gamma: Third](#gamma-third)\n', '## 目录\n');
    const found = findingsOf('toc-missing-entry', text);
    assert.equal(found.length, 3);
    assert.equal(fixAll(text).text, ISSUE);
  });

  it('says nothing when the issue has no TOC at all, or outside issues', () => {
    const noToc = replaceOnce(ISSUE, '## 目录\n\n1. [Alpha：第一篇](#alpha第一篇)\n' + BETA_LINE + '3. [Gamma: Third](#gamma-third)\n', '');
    assert.equal(findingsOf('toc-missing-entry', noToc).length, 0);
    assert.equal(findingsOf('toc-missing-entry', '# Notes\n\n## A\n\ntext\n').length, 0);
  });

  it('"Update table of contents" rebuilds the list from the sections, keeping its marker and numbering', () => {
    const text = replaceOnce(ISSUE, BETA_LINE, '');
    const [f] = findingsOf('toc-missing-entry', text);
    assert.equal(applyFix(text, f, /Update table of contents/), ISSUE);
    const bullets = replaceOnce(EN_ISSUE, '- [Beta: Second](#beta-second)\n', '');
    const [g] = findingsOf('toc-missing-entry', bullets);
    assert.equal(applyFix(bullets, g, /Update table of contents/), EN_ISSUE);
  });

  it('keeps other headings the TOC already lists when it rebuilds', () => {
    const withSummary = replaceOnce(ISSUE, '1. [Alpha', '0. [摘要](#摘要)\n1. [Alpha');
    const text = replaceOnce(withSummary, BETA_LINE, '');
    const [f] = findingsOf('toc-missing-entry', text);
    assert.equal(applyFix(text, f, /Update table of contents/), withSummary);
  });
});

describe('toc-order', () => {
  const swapped = replaceOnce(
    ISSUE,
    '1. [Alpha：第一篇](#alpha第一篇)\n2. [Beta - 第二篇](#beta---第二篇)\n',
    '1. [Beta - 第二篇](#beta---第二篇)\n2. [Alpha：第一篇](#alpha第一篇)\n',
  );

  it('reports the first entry that comes before its predecessor in the document, once', () => {
    const found = findingsOf('toc-order', swapped);
    assert.equal(found.length, 1);
    assert.deepEqual(range(found[0]), span(swapped, '[Alpha：第一篇](#alpha第一篇)'));
    assert.match(found[0].message, /"Alpha：第一篇" comes before "Beta - 第二篇"/);
  });

  it('reorders the entries like the sections, keeping the numbers in place', () => {
    const [f] = findingsOf('toc-order', swapped);
    assert.equal(applyFix(swapped, f, 0), ISSUE);
    assert.equal(applyFix(swapped, f, /Update table of contents/), ISSUE);
  });

  it('reverses a whole list', () => {
    const lines = ['1. [Alpha：第一篇](#alpha第一篇)', '2. [Beta - 第二篇](#beta---第二篇)', '3. [Gamma: Third](#gamma-third)'];
    const reversed = replaceOnce(ISSUE, lines.join('\n'), ['1. [Gamma: Third](#gamma-third)', '2. [Beta - 第二篇](#beta---第二篇)', '3. [Alpha：第一篇](#alpha第一篇)'].join('\n'));
    assert.equal(fixAll(reversed).text, ISSUE);
  });

  it('is quiet on an ordered TOC and with entries to non-headings', () => {
    assert.equal(findingsOf('toc-order', ISSUE).length, 0);
    const withTop = replaceOnce(ISSUE, '3. [Gamma', '3. [回到顶部](#top)\n4. [Gamma');
    assert.equal(findingsOf('toc-order', withTop).length, 0);
  });

  it('the sample and the English example have no TOC finding', () => {
    assert.deepEqual(findings(ISSUE).map((f) => f.code), []);
    assert.deepEqual(findings(EN_ISSUE).map((f) => f.code), []);
  });
});
