/**
 * The anchor rules through the language service, on in-memory documents: exact codes, severities and
 * ranges; messages that name the likely target; quick fixes whose edits, once applied, leave a clean text.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import { createLanguageService, defaultConfig, type WeeklyConfig } from '../../server/src/service';
import { editsOf } from '../support/codeActions';

const ANCHOR_CODES = new Set(['toc-broken-anchor', 'broken-anchor', 'anchor-case', 'toc-text-mismatch']);
const ERROR = 1;
const WARNING = 2;

let version = 0;
function check(text: string, config: Partial<WeeklyConfig> = {}, uri = 'file:///work/issue.md') {
  const service = createLanguageService({ getConfig: () => ({ ...defaultConfig, ...config }) });
  const doc = { uri, version: ++version, getText: () => text };
  // Other rules (TOC order, references…) have their own tests: only the anchor rules are asserted here.
  const diagnostics = service.computeDiagnostics(doc).filter((d) => ANCHOR_CODES.has(String(d.code)));
  return { service, doc, diagnostics };
}
const brief = (d: Diagnostic) => ({ code: d.code, severity: d.severity, range: d.range });

/** The LSP range of the n-th occurrence of `needle`, counted independently of the service's LineIndex. */
function rangeOf(text: string, needle: string, nth = 0): Range {
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(needle, i + 1);
    assert.ok(i >= 0, `${JSON.stringify(needle)} #${nth} not in the text`);
  }
  const pos = (offset: number) => {
    const before = text.slice(0, offset).split(/\r\n|\r|\n/);
    return { line: before.length - 1, character: before[before.length - 1].length };
  };
  return { start: pos(i), end: pos(i + needle.length) };
}

const apply = (text: string, edits: TextEdit[]) => TextDocument.applyEdits(TextDocument.create('file:///x.md', 'markdown', 1, text), edits);

// A weekly issue (目录 + 参考链接) to break in different ways.
const ISSUE = `# 周报

## 目录

1. [FlowPack：压缩上下文](#flowpack压缩上下文)
2. [Edit-X：开源图像编辑](#edit-x开源图像编辑)

## FlowPack：压缩上下文

见 [Edit-X](#edit-x开源图像编辑)。

**标签**：#视频

## Edit-X：开源图像编辑

**标签**：#图像编辑

## 参考链接

1. [FlowPack 项目主页](https://example.org/flowpack)
`;

describe('a clean issue', () => {
  it('has no anchor diagnostics', () => {
    assert.deepEqual(check(ISSUE).diagnostics, []);
  });
});

describe('toc-broken-anchor', () => {
  it('is an error on the fragment of a TOC entry, naming the closest anchor, with its quick fix', () => {
    const text = ISSUE.replace('(#edit-x开源图像编辑)\n', '(#edit-x开源图象编辑)\n');
    const { service, doc, diagnostics } = check(text);
    assert.deepEqual(diagnostics.map(brief), [{ code: 'toc-broken-anchor', severity: ERROR, range: rangeOf(text, '#edit-x开源图象编辑') }]);
    assert.equal(diagnostics[0].source, 'weekly');
    assert.match(diagnostics[0].message, /#edit-x开源图象编辑/);
    assert.match(diagnostics[0].message, /did you mean #edit-x开源图像编辑\?/i);
    const actions = service.getCodeActions(doc, diagnostics[0].range, ['quickfix']);
    assert.deepEqual(actions.map((a) => [a.title, a.kind, a.isPreferred]), [
      ['Change the link to #edit-x开源图像编辑', 'quickfix', true],
      ['Disable toc-broken-anchor for this line', 'quickfix', undefined],
    ]);
    assert.deepEqual(editsOf(actions[0], doc.uri), [{ range: rangeOf(text, '#edit-x开源图象编辑'), newText: '#edit-x开源图像编辑' }]);
    assert.equal(apply(text, editsOf(actions[0], doc.uri)), ISSUE);
  });

  it('names the heading the entry text names, even when the fragment is far from every anchor', () => {
    const text = ISSUE.replace('(#flowpack压缩上下文)', '(#section-1)');
    const { diagnostics } = check(text);
    assert.equal(diagnostics.length, 1);
    assert.match(diagnostics[0].message, /did you mean #flowpack压缩上下文\?/i);
  });

  it('without any close anchor: no suggestion, no quick fix', () => {
    const text = ISSUE.replace('1. [FlowPack：压缩上下文](#flowpack压缩上下文)', '1. [Something else entirely](#zzzzzzzzzzzzzz)');
    const { service, doc, diagnostics } = check(text);
    assert.deepEqual(diagnostics.map(brief), [{ code: 'toc-broken-anchor', severity: ERROR, range: rangeOf(text, '#zzzzzzzzzzzzzz') }]);
    assert.doesNotMatch(diagnostics[0].message, /did you mean/i);
    // Only the inline-disable action (service/inlineDisable.ts).
    assert.deepEqual(service.getCodeActions(doc, diagnostics[0].range, ['quickfix']).map((a) => a.title), ['Disable toc-broken-anchor for this line']);
  });

  it('applies to a TOC without a heading (a list of # links) in any Markdown file', () => {
    const text = '# Guide\n\n- [Install](#install)\n- [Usage](#usag)\n\n## Install\n\n## Usage\n';
    const { diagnostics } = check(text, {}, 'file:///work/guide.md');
    assert.deepEqual(diagnostics.map(brief), [{ code: 'toc-broken-anchor', severity: ERROR, range: rangeOf(text, '#usag') }]);
  });
});

describe('broken-anchor', () => {
  it('is a warning on a # link outside the TOC', () => {
    const text = ISSUE.replace('见 [Edit-X](#edit-x开源图像编辑)', '见 [Edit-X](#edit-x)');
    const { diagnostics } = check(text);
    assert.deepEqual(diagnostics.map(brief), [{ code: 'broken-anchor', severity: WARNING, range: rangeOf(text, '#edit-x', 1) }]);
  });

  it('covers reference-style links (the whole link), ./# links and links in raw HTML', () => {
    const text = '# Doc\n\nSee [ref][r], [dot](./#nowhere) and <a href="#gone">html</a>.\n\n[r]: #missing\n';
    const { diagnostics } = check(text, {}, 'file:///work/doc.md');
    assert.deepEqual(diagnostics.map(brief), [
      { code: 'broken-anchor', severity: WARNING, range: rangeOf(text, '[ref][r]') },
      { code: 'broken-anchor', severity: WARNING, range: rangeOf(text, './#nowhere') },
      { code: 'broken-anchor', severity: WARNING, range: rangeOf(text, '#gone') },
    ]);
  });

  it('ignores # links in code, code spans and HTML comments', () => {
    const text = '# Doc\n\n```\n[a](#nope)\n```\n\n`[b](#nope)`\n\n<!-- [c](#nope) <a href="#nope">d</a> -->\n\n    [e](#nope)\n';
    assert.deepEqual(check(text).diagnostics, []);
  });

  it('ignores `#` and `#top` in any case (browsers take it to the top of the page)', () => {
    assert.deepEqual(check('# Doc\n\n[back](#) [up](#top) [TOP](#TOP) [Top](#Top)\n').diagnostics, []);
  });

  it('a heading named Top: #top lands on it; #Top is then a case mismatch', () => {
    const text = '# Doc\n\n## Top\n\n[a](#top) [b](#Top)\n';
    assert.deepEqual(check(text).diagnostics.map(brief), [{ code: 'anchor-case', severity: WARNING, range: rangeOf(text, '#Top') }]);
  });

  it('with CRLF line ends: the same ranges, counted on CRLF lines', () => {
    const text = '# Doc\r\n\r\n## Part\r\n\r\nSee [p](#prat).\r\n';
    const { diagnostics } = check(text);
    assert.deepEqual(diagnostics.map(brief), [{ code: 'broken-anchor', severity: WARNING, range: { start: { line: 4, character: 8 }, end: { line: 4, character: 13 } } }]);
  });

  it('UTF-16 ranges after astral characters', () => {
    const text = '# 🚀 Launch\n\n😀😀 [x](#launch) [y](#-launch)\n';
    const { diagnostics } = check(text);
    // GitHub's anchor for "🚀 Launch" is "-launch": "#launch" is broken, and the range counts 😀 as two units.
    assert.deepEqual(diagnostics.map(brief), [{ code: 'broken-anchor', severity: WARNING, range: { start: { line: 2, character: 9 }, end: { line: 2, character: 16 } } }]);
    assert.match(diagnostics[0].message, /did you mean #-launch\?/i);
  });
});

describe('percent-encoded fragments', () => {
  it('are decoded before matching; a broken one is reported decoded, its range as written', () => {
    const text = '# 你好 世界\n\n[a](#%E4%BD%A0%E5%A5%BD-%E4%B8%96%E7%95%8C) [b](#你好-世界) [c](#%E4%BD%A0%E5%A5%BD)\n';
    const { diagnostics } = check(text);
    assert.deepEqual(diagnostics.map(brief), [{ code: 'broken-anchor', severity: WARNING, range: rangeOf(text, '#%E4%BD%A0%E5%A5%BD', 1) }]);
    assert.equal(diagnostics[0].message, 'No heading or HTML id has the anchor #你好.');
  });

  it('a malformed escape does not throw and is matched as written', () => {
    const text = '# 100%zz\n\n[a](#100%zz) [b](#100zz)\n';
    const { diagnostics } = check(text);
    // GitHub's anchor of "100%zz" is "100zz"; "#100%zz" cannot be decoded, so it is compared as written.
    assert.deepEqual(diagnostics.map((d) => d.code), ['broken-anchor']);
    assert.deepEqual(diagnostics[0].range, rangeOf(text, '#100%zz'));
  });

  it('a quick fix writes CJK as is, spaces and parentheses percent-encoded', () => {
    const text = '## 概览 (v2) 说明\n\n<a id="旧 (v1)"></a>\n\n[a](#概览-v2-说明x) [b](#旧%20(v2))\n';
    const { service, doc, diagnostics } = check(text);
    assert.deepEqual(diagnostics.map((d) => d.code), ['broken-anchor', 'broken-anchor']);
    const newTexts = diagnostics.map((d) => editsOf(service.getCodeActions(doc, d.range, ['quickfix'])[0], doc.uri).map((e) => e.newText));
    assert.deepEqual(newTexts, [['#概览-v2-说明'], ['#旧%20%28v1%29']]);
    const fixed = apply(text, service.getFixAllEdits(doc));
    assert.deepEqual(check(fixed).diagnostics, []);
  });
});

describe('explicit HTML ids', () => {
  it('<a id> and <a name> are anchors; their case matters', () => {
    const text = '# Doc\n\n<a id="Custom-Id"></a>\n<a name="legacy"></a>\n\n[a](#Custom-Id) [b](#legacy) [c](#custom-id)\n';
    const { diagnostics } = check(text);
    assert.deepEqual(diagnostics.map(brief), [{ code: 'anchor-case', severity: WARNING, range: rangeOf(text, '#custom-id') }]);
  });

  it('ids inside code or comments are not anchors', () => {
    const text = '# Doc\n\n`<a id="in-code"></a>`\n\n<!-- <a id="in-comment"></a> -->\n\n[a](#in-code) [b](#in-comment)\n';
    assert.deepEqual(check(text).diagnostics.map((d) => d.code), ['broken-anchor', 'broken-anchor']);
  });
});

describe('anchor-case', () => {
  it('a warning, not an error, with a fix to the exact anchor', () => {
    const text = '# Doc\n\n## Getting Started\n\nSee [start](#Getting-Started).\n';
    const { service, doc, diagnostics } = check(text);
    assert.deepEqual(diagnostics.map(brief), [{ code: 'anchor-case', severity: WARNING, range: rangeOf(text, '#Getting-Started') }]);
    assert.match(diagnostics[0].message, /#getting-started/);
    const actions = service.getCodeActions(doc, diagnostics[0].range, ['quickfix']);
    assert.deepEqual(actions.map((a) => a.title), ['Change the link to #getting-started', 'Disable anchor-case for this line']);
    const fixed = apply(text, editsOf(actions[0], doc.uri));
    assert.equal(fixed, text.replace('#Getting-Started', '#getting-started'));
    assert.deepEqual(check(fixed).diagnostics, []);
  });

  it('in the TOC too (not reported as broken)', () => {
    const text = ISSUE.replace('(#flowpack压缩上下文)', '(#FlowPack压缩上下文)');
    assert.deepEqual(check(text).diagnostics.map(brief), [{ code: 'anchor-case', severity: WARNING, range: rangeOf(text, '#FlowPack压缩上下文') }]);
  });
});

describe('toc-text-mismatch', () => {
  it('in a weekly issue: any difference from the heading text', () => {
    const text = ISSUE.replace('1. [FlowPack：压缩上下文]', '1. [FlowPack：压缩]');
    const { service, doc, diagnostics } = check(text);
    assert.deepEqual(diagnostics.map(brief), [{ code: 'toc-text-mismatch', severity: WARNING, range: rangeOf(text, '[FlowPack：压缩](#flowpack压缩上下文)') }]);
    const actions = service.getCodeActions(doc, diagnostics[0].range, ['quickfix']);
    assert.deepEqual(actions.map((a) => [a.title, a.isPreferred]), [
      ['Change the entry\'s text to "FlowPack：压缩上下文"', true],
      ['Disable toc-text-mismatch for this line', undefined],
    ]);
    assert.equal(apply(text, editsOf(actions[0], doc.uri)), ISSUE);
  });

  it('in a weekly issue: a case difference counts; extra spaces do not', () => {
    assert.deepEqual(check(ISSUE.replace('2. [Edit-X：开源图像编辑]', '2. [edit-x：开源图像编辑]')).diagnostics.map((d) => d.code), ['toc-text-mismatch']);
    assert.deepEqual(check(ISSUE.replace('2. [Edit-X：开源图像编辑]', '2. [Edit-X：开源图像编辑  ]')).diagnostics, []);
  });

  it('outside an issue: only texts that share nothing (a line for one week landing on another)', () => {
    const text = '# Papers\n\n- [Week 1](#week-2)\n- [Week 2 notes](#week-2)\n- [Setup](#setup-guide)\n\n## Week 1\n\n## Week 2\n\n## Setup guide\n';
    const { service, doc, diagnostics } = check(text, {}, 'file:///work/papers.md');
    assert.deepEqual(diagnostics.map(brief), [{ code: 'toc-text-mismatch', severity: WARNING, range: rangeOf(text, '[Week 1](#week-2)') }]);
    assert.match(diagnostics[0].message, /"Week 1".*"Week 2"/);
    // The heading the text names exists: changing the fragment is preferred over changing the text.
    const actions = service.getCodeActions(doc, diagnostics[0].range, ['quickfix']);
    assert.deepEqual(actions.map((a) => [a.title, a.isPreferred]), [
      ['Change the link to #week-1', true],
      ['Change the entry\'s text to "Week 2"', false],
      ['Disable toc-text-mismatch for this line', undefined],
    ]);
    const fixed = apply(text, editsOf(actions[0], doc.uri));
    assert.equal(fixed, text.replace('[Week 1](#week-2)', '[Week 1](#week-1)'));
    assert.deepEqual(check(fixed, {}, 'file:///work/papers.md').diagnostics, []);
  });

  it('a TOC link that resolves to an HTML id is not compared with any heading', () => {
    const text = '## Contents\n\n- [Anything](#custom)\n- [Part](#part)\n\n## Part\n\n<a id="custom"></a>\n\n## References\n';
    assert.deepEqual(check(text).diagnostics, []);
  });
});

describe('fix all', () => {
  it('applies every preferred fix at once; what is left has no fix', () => {
    const text = `# 周报

## 目录

1. [FlowPack：压缩上下文](#flowpack压缩上下)
2. [Edit-X：开源图像编辑](#Edit-X开源图像编辑)
3. [LookClose](#edit-x开源图像编辑)

## FlowPack：压缩上下文

见 [Edit-X](#edit-x开源图像编) 和 [无处](#zzzzzzzzzzzzzzzzzz)。

## Edit-X：开源图像编辑

## LookClose

## 参考链接

1. [FlowPack 项目主页](https://example.org/flowpack)
`;
    const { service, doc, diagnostics } = check(text);
    assert.deepEqual(diagnostics.map((d) => d.code), ['toc-broken-anchor', 'anchor-case', 'toc-text-mismatch', 'broken-anchor', 'broken-anchor']);
    const edits = service.getFixAllEdits(doc);
    const fixed = apply(text, edits);
    assert.deepEqual(
      check(fixed).diagnostics.map((d) => [d.code, d.message.slice(0, 40)]),
      [['broken-anchor', 'No heading or HTML id has the anchor #zz']],
    );
    assert.ok(fixed.includes('1. [FlowPack：压缩上下文](#flowpack压缩上下文)'));
    assert.ok(fixed.includes('2. [Edit-X：开源图像编辑](#edit-x开源图像编辑)'));
    assert.ok(fixed.includes('3. [LookClose](#lookclose)'));
    // Other rules' fixes in the same pass must not add a second line for LookClose (its line is relinked).
    assert.equal(fixed.split('[LookClose]').length - 1, 1, fixed);
    assert.ok(fixed.includes('见 [Edit-X](#edit-x开源图像编辑)'));
    // The same edits come as one source.fixAll action.
    const [fixAll] = service.getCodeActions(doc, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, ['source.fixAll']);
    assert.equal(fixAll.kind, 'source.fixAll.weekly');
    assert.equal(apply(text, editsOf(fixAll, doc.uri)), fixed);
  });

  it('no fixable problem: no edits and no fix-all action', () => {
    const { service, doc } = check('# Doc\n\n[x](#zzzzzzzzzzzzzzzzzzzz)\n');
    assert.deepEqual(service.getFixAllEdits(doc), []);
    assert.deepEqual(service.getCodeActions(doc, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, ['source.fixAll']), []);
  });
});

describe('settings', () => {
  it('severity overrides: a code can be raised to error or turned off', () => {
    const text = '# Doc\n\n## Part\n\n[a](#prat) [b](#Part)\n';
    const { diagnostics } = check(text, { severity: { 'broken-anchor': 'error', 'anchor-case': 'off' } });
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['broken-anchor', ERROR]]);
  });
});
