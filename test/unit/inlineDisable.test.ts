/** Inline disable comments (service/inlineDisable.ts) through the language service, and their quick fix. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createLanguageService, applyEdits } from '../../server/src/service';

const service = createLanguageService({ locale: () => 'en' });
let n = 0;
function codesAt(text: string): string[] {
  const doc = { uri: `file:///tmp/disable-${n++}.md`, version: 1, getText: () => text };
  return service.computeDiagnostics(doc).map((d) => `${d.range.start.line}:${d.code}`);
}
const BROKEN = (label: string) => `See [x](#${label}).`;

describe('inline disable comments', () => {
  it('without a comment, both broken links are reported (the baseline)', () => {
    assert.deepEqual(codesAt(`# T\n\n${BROKEN('a')}\n\n${BROKEN('b')}\n`), ['2:broken-anchor', '4:broken-anchor']);
  });
  it('disable-next-line hides the next line only, for all codes or the named ones', () => {
    assert.deepEqual(codesAt(`# T\n\n<!-- weekly-issues-disable-next-line -->\n${BROKEN('a')}\n\n${BROKEN('b')}\n`), ['5:broken-anchor']);
    assert.deepEqual(codesAt(`# T\n\n<!-- weekly-issues-disable-next-line broken-anchor -->\n${BROKEN('a')}\n${BROKEN('b')}\n`), ['4:broken-anchor']);
    assert.deepEqual(codesAt(`# T\n\n<!-- weekly-issues-disable-next-line ref-missing -->\n${BROKEN('a')}\n`), ['3:broken-anchor']);
  });
  it('disable … enable hides a block; codes by space or comma', () => {
    const text = `# T\n\n<!-- weekly-issues-disable -->\n${BROKEN('a')}\n<!-- weekly-issues-enable -->\n\n${BROKEN('b')}\n`;
    assert.deepEqual(codesAt(text), ['6:broken-anchor']);
    assert.deepEqual(codesAt(`# T\n\n<!-- weekly-issues-disable toc-order, broken-anchor -->\n${BROKEN('a')}\n\n${BROKEN('b')}\n`), []);
    assert.deepEqual(codesAt(`# T\n\n<!-- weekly-issues-disable toc-order -->\n${BROKEN('a')}\n`), ['3:broken-anchor']);
  });
  it('enable of one code inside a disable-all turns that code back on', () => {
    const text = `# T\n\n<!-- weekly-issues-disable -->\n<!-- weekly-issues-enable broken-anchor -->\n${BROKEN('a')}\n`;
    assert.deepEqual(codesAt(text), ['4:broken-anchor']);
  });
  it('a look-alike comment does nothing', () => {
    assert.deepEqual(codesAt(`# T\n\n<!-- weekly-issues-disabled -->\n${BROKEN('a')}\n`), ['3:broken-anchor']);
  });
});

describe('quick fix "Disable {code} for this line"', () => {
  const fixed = (text: string, locale = 'en') => {
    const svc = createLanguageService({ locale: () => locale });
    const doc = { uri: `file:///tmp/fix-${n++}.md`, version: 1, getText: () => text };
    const [d] = svc.computeDiagnostics(doc);
    const actions = svc.getCodeActions(doc, d.range);
    const action = actions.find((a) => a.title.includes(String(d.code)) && /Disable|禁用/.test(a.title))!;
    assert.ok(action, `no disable action among ${actions.map((a) => a.title).join(' | ')}`);
    const edits = action.edit!.documentChanges![0] as { edits: Array<{ range: { start: { line: number } }; newText: string }> };
    const offset = text.split('\n').slice(0, edits.edits[0].range.start.line).join('\n').length + (edits.edits[0].range.start.line ? 1 : 0);
    return { title: action.title, after: applyEdits(text, [{ start: offset, end: offset, newText: edits.edits[0].newText }]), svc };
  };
  it('inserts a disable-next-line comment above, and the problem goes', () => {
    const { title, after } = fixed(`# T\n\n${BROKEN('a')}\n`);
    assert.equal(title, 'Disable broken-anchor for this line');
    assert.equal(after, `# T\n\n<!-- weekly-issues-disable-next-line broken-anchor -->\n${BROKEN('a')}\n`);
    assert.deepEqual(codesAt(after), []);
  });
  it('in a list, indents the comment into the item above so the list stays one', () => {
    const toc = '# Guide\n\n- [Install](#install)\n- [Usage](#usag)\n\n## Install\n\n## Usage\n';
    const { after } = fixed(toc);
    assert.match(after, /- \[Install\]\(#install\)\n {2}<!-- weekly-issues-disable-next-line toc-broken-anchor -->\n- \[Usage\]/);
    assert.deepEqual(codesAt(after), []);
  });
  it('is in Chinese for a Chinese client', () => {
    assert.equal(fixed(`# T\n\n${BROKEN('a')}\n`, 'zh-cn').title, '在此行禁用 broken-anchor');
  });
});
