/**
 * The incremental engine against a from-scratch check: random edit sequences are applied to issues, one
 * service checks every version in turn (versions bumped, its section cache warm from the previous ones),
 * and at every step its model, diagnostics, findings and fix-all edits deep-equal those of a fresh service (empty
 * cache) checking the same text once. Edits favour what moves section boundaries and cross-section facts:
 * headings, blank lines, fences, HTML comments, definitions, footnotes, TOC and reference entries.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { createLanguageService, type WeeklyLanguageService } from '../../server/src/service';

const root = path.join(import.meta.dirname, '..', '..');
const read = (p: string) => fs.readFileSync(path.join(root, p), 'utf8');
const sample = read('examples/ai-weekly-sample.md');
/** The sample with reference-style links, definitions and a footnote spread over its sections. */
const withDefinitions = sample
  .replace('**概要**：**DreamID**', '**概要**：[DreamID][r1] 与 [代码][r2][^n]')
  .replace('**概要**：**DreamO**', '**概要**：[DreamO][r2] **DreamO**')
  .replace('### **参考链接**', '[r1]: https://superhero-7.github.io/DreamID/\n[r2]: https://github.com/bytedance/DreamO\n\n[^n]: 注释\n\n### **参考链接**');
const bases = [
  sample,
  withDefinitions,
  read('test/fixtures/en-issue.md'),
  read('test/fixtures/zh-issue.md'),
  read('test/fixtures/broken-issue.md'),
];

const fragments = [
  'a', '中', ' ', '\n', '\n\n', '\r\n', '#', '## ', '\n\n## 新论文：一个模型\n\n', '\n\n# Title\n\n', '### **参考链接**\n\n',
  '```\n', '\n```\n', '~~~', '<!--', '-->', '<div>\n', '</div>', '<a id="x"></a>', '[', ']', '(', ')',
  '[FramePack](#framepack提升视频生成效率的上下文压缩框架)', '[x](#X)', '[ref][r1]', '[r2]', '\n\n[r1]: https://example.com\n\n', '\n[r3]: /x\n',
  '[^1]', '\n\n[^1]: note\n\n', '**标签**：#视频 #视频', '**概要**：', '1. [a](#b)\n', '- ', '---\n', '\n---\nweekly: true\n---\n',
  '`', '*', '>', '|a|b|\n|-|-|\n',
];

interface Edit {
  at: number; // 0..1: where, as a share of the text
  /** Move to the next occurrence of this character: edits at brackets and line starts change structure. */
  snap: string;
  remove: number;
  insert: string;
}

const editArb: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  snap: fc.constantFrom('', '[', ']', '\n', '#'),
  remove: fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 4, max: 120 })),
  insert: fc.oneof(fc.constantFrom(...fragments), fc.constant(''), fc.string({ maxLength: 4 })),
});

function apply(text: string, e: Edit): string {
  let at = Math.min(text.length, Math.floor(e.at * text.length));
  if (e.snap && text.indexOf(e.snap, at) >= 0) at = text.indexOf(e.snap, at);
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

function everything(service: WeeklyLanguageService, uri: string, version: number, text: string) {
  const doc = { uri, version, getText: () => text };
  const model = service.getModel(doc);
  // Line starts are made lazily, or from the previous version's (LineIndex.afterChange): made on both
  // sides, so that when they were made is not compared, only what they are.
  void model.lines.lineStarts;
  return {
    model,
    diagnostics: service.computeDiagnostics(doc),
    findings: service.getFindings(doc),
    fixAll: service.getFixAllEdits(doc),
  };
}

test('an edited document checked incrementally equals a from-scratch check, at every step', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: bases.length - 1 }), fc.array(editArb, { minLength: 1, maxLength: 6 }), (b, edits) => {
      const uri = 'file:///work/issue.md';
      const warm = createLanguageService();
      let text = bases[b];
      let version = 1;
      everything(warm, uri, version, text);
      for (const e of edits) {
        text = apply(text, e);
        const incremental = everything(warm, uri, ++version, text);
        const fromScratch = everything(createLanguageService(), uri, 1, text);
        assert.deepEqual(incremental, fromScratch);
      }
    }),
    // INCREMENTAL_RUNS=1000 for a long run (a failure prints its seed and the edits).
    { numRuns: Number(process.env.INCREMENTAL_RUNS ?? 50) },
  );
});

test('the warm service really reuses sections: an edit inside one paper re-parses only its section', () => {
  const uri = 'file:///work/issue.md';
  const service = createLanguageService();
  const text = bases[0];
  service.computeDiagnostics({ uri, version: 1, getText: () => text });
  const misses = service.sectionCache.misses;
  const at = text.indexOf('**概要**：**DreamID**');
  const edited = text.slice(0, at) + 'x' + text.slice(at);
  const incremental = service.computeDiagnostics({ uri, version: 2, getText: () => edited });
  assert.equal(service.sectionCache.misses - misses, 1, 'one section parsed again');
  assert.deepEqual(incremental, createLanguageService().computeDiagnostics({ uri, version: 2, getText: () => edited }));
});
