/**
 * Fuzz and property tests of the language service: on any text, every provider answers without an
 * exception, every range it returns lies inside the document, and the answers are deterministic.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import { createLanguageService, type WeeklyLanguageService } from '../../server/src/service';
import { LineIndex } from '../../server/src/service/util/lineIndex';
import { mutatedIssueArb, randomMarkdownArb } from '../support/mutations';

const uri = 'file:///work/issue.md';

function assertInside(range: Range, lines: LineIndex, what: string) {
  const inside = (p: { line: number; character: number }) =>
    p.line >= 0 && p.line < lines.lineCount && p.character >= 0 && p.character <= lines.lineEnd(p.line) - lines.lineStarts[p.line];
  assert.ok(inside(range.start) && inside(range.end), `${what} range ${JSON.stringify(range)} lies outside the document`);
  assert.ok(lines.offsetAt(range.start) <= lines.offsetAt(range.end), `${what} range is reversed`);
}

/** Every position-taking provider at a few positions of the document, with each range checked. */
async function atPositions(service: WeeklyLanguageService, text: string, offsets: number[]) {
  const doc = { uri, version: 1, getText: () => text };
  const lines = new LineIndex(text);
  const answers: unknown[] = [];
  for (const raw of offsets) {
    const position = lines.positionAt(raw % (text.length + 1));
    const completions = service.getCompletions(doc, position);
    for (const item of completions.items) {
      const edit = item.textEdit;
      if (edit && 'range' in edit) assertInside(edit.range, lines, 'completion');
    }
    const hover = await service.getHover(doc, position);
    if (hover?.range) assertInside(hover.range, lines, 'hover');
    const definitions = service.getDefinition(doc, position);
    const references = service.getReferences(doc, position, true);
    for (const l of [...definitions, ...references]) if (l.uri === uri) assertInside(l.range, lines, 'location');
    const prepared = service.prepareRename(doc, position);
    const rename = service.getRenameEdits(doc, position, 'Renamed 新名字');
    if (rename && 'changes' in rename) for (const e of rename.changes?.[uri] ?? []) assertInside(e.range, lines, 'rename');
    if (rename && 'documentChanges' in rename) {
      for (const c of rename.documentChanges ?? []) if ('edits' in c && c.textDocument.uri === uri) c.edits.forEach((e) => assertInside(e.range, lines, 'rename'));
    }
    answers.push(completions.items.map((i) => i.label), hover, definitions, references, prepared, rename);
  }
  const symbols = service.getDocumentSymbols(doc);
  const walk = (xs: typeof symbols): void => xs.forEach((x) => (assertInside(x.range, lines, 'symbol'), walk(x.children ?? [])));
  walk(symbols);
  const folding = service.getFoldingRanges(doc);
  for (const f of folding) assert.ok(f.startLine <= f.endLine && f.endLine < lines.lineCount, 'folding range inside');
  const links = service.getDocumentLinks(doc);
  for (const l of links) assertInside(l.range, lines, 'document link');
  const entry = service.newPaperEntry(doc, { name: 'Fuzz', title: 'Fuzz：a paper', tags: ['模糊测试'], urls: ['https://arxiv.org/abs/2501.00001'] });
  answers.push(symbols, folding, links, entry);
  return answers;
}

/** Everything the service answers for a document, with each range checked. */
function exercise(service: WeeklyLanguageService, text: string) {
  const doc = { uri, version: 1, getText: () => text };
  const lines = new LineIndex(text);
  const diagnostics = service.computeDiagnostics(doc);
  for (const d of diagnostics) assertInside(d.range, lines, `diagnostic ${d.code}`);
  const whole = { start: { line: 0, character: 0 }, end: lines.positionAt(text.length) };
  const actions = service.getCodeActions(doc, whole);
  const checkEdits = (edits: TextEdit[], what: string) => edits.forEach((e) => assertInside(e.range, lines, what));
  for (const a of actions) {
    for (const change of a.edit?.documentChanges ?? []) {
      assert.ok('edits' in change && change.textDocument.version === 1, 'edits are bound to the document version');
      checkEdits(change.edits as TextEdit[], `code action "${a.title}"`);
    }
  }
  const fixAll = service.getFixAllEdits(doc);
  checkEdits(fixAll, 'fix-all');
  return { diagnostics, actions: actions.map((a) => a.title), fixAll };
}

for (const [name, arb] of [
  ['mutated issues', mutatedIssueArb],
  ['random Markdown', randomMarkdownArb],
] as const) {
  test(`every provider survives ${name}, with ranges inside the document, deterministically`, () => {
    fc.assert(
      fc.property(arb, (text) => {
        const first = exercise(createLanguageService(), text);
        const second = exercise(createLanguageService(), text);
        assert.deepEqual(second, first);
      }),
      { numRuns: 60 },
    );
  });

  test(`completion, hover, navigation, symbols and authoring survive ${name} at any position, deterministically`, async () => {
    await fc.assert(
      fc.asyncProperty(arb, fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), async (text, offsets) => {
        const first = await atPositions(createLanguageService(), text, offsets);
        const second = await atPositions(createLanguageService(), text, offsets);
        assert.deepEqual(second, first);
      }),
      { numRuns: 40 },
    );
  });
}

test('fix-all edits never overlap, so applying them leaves the text between them as it was', () => {
  fc.assert(
    fc.property(mutatedIssueArb, (text) => {
      const service = createLanguageService();
      const lines = new LineIndex(text);
      const edits = service.getFixAllEdits({ uri, version: 1, getText: () => text });
      const spans = edits.map((e) => [lines.offsetAt(e.range.start), lines.offsetAt(e.range.end)] as const).sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < spans.length; i++) assert.ok(spans[i - 1][1] <= spans[i][0], 'fix-all edits overlap');
    }),
    { numRuns: 60 },
  );
});
