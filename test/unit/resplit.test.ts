/**
 * Splitting again only around an edit (resplitSections) against splitting the whole text (splitSections):
 * random edits to issues, favouring what moves section boundaries (headings, blank lines, fences, HTML
 * comments and raw blocks, front matter, a BOM), must give the same sections, and every section said to
 * be reused must have the same text as the old section it names.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { resplitSections, splitSections } from '../../server/src/service/model/sections';
import { changeBetween } from '../../server/src/service/model/documentFacts';

const root = path.join(import.meta.dirname, '..', '..');
const read = (p: string) => fs.readFileSync(path.join(root, p), 'utf8');
const bases = [read('examples/ai-weekly-sample.md'), read('test/fixtures/en-issue.md'), read('test/fixtures/broken-issue.md'), '---\ntitle: x\n---\n\n# T\n\n## A\n\ntext\n'];
const fragments = [
  '\n', '\n\n', '\r\n', '#', '# ', '## ', '\n\n## H\n\n', '\n\n# T\n', '```\n', '\n```\n', '~~~\n', '<!--', '-->\n', '<pre>\n',
  '</pre>\n', '<?', '?>', '<![CDATA[', ']]>', '<!X', '>', '---\n', '\ufeff', 'a', ' ', '   # ', '- ', '1. ',
];
const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  snap: fc.constantFrom('', '\n', '#', '`', '<'),
  remove: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 4, max: 200 })),
  insert: fc.oneof(fc.constantFrom(...fragments), fc.constant(''), fc.string({ maxLength: 3 })),
});

test('resplitting around an edit equals splitting the whole text, and reused sections have the same text', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: bases.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 8 }), (b, edits) => {
      let text = bases[b];
      let spans = splitSections(text);
      for (const e of edits) {
        let at = Math.min(text.length, Math.floor(e.at * text.length));
        if (e.snap && text.indexOf(e.snap, at) >= 0) at = text.indexOf(e.snap, at);
        const next = text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
        const change = changeBetween(text, next);
        if (!change) continue;
        const { spans: again, reused } = resplitSections(next, spans, change);
        assert.deepEqual(again, splitSections(next));
        assert.equal(reused.length, again.length);
        reused.forEach((old, i) => {
          if (old >= 0) assert.equal(next.slice(again[i].start, again[i].end), text.slice(spans[old].start, spans[old].end), `section ${i} reused from ${old}`);
        });
        text = next;
        spans = again;
      }
    }),
    { numRuns: Number(process.env.RESPLIT_RUNS ?? 300) },
  );
});

test('the change between two versions: common prefix and suffix cut off', () => {
  assert.equal(changeBetween('abc', 'abc'), undefined);
  assert.deepEqual(changeBetween('abcdef', 'abXdef'), { start: 2, oldEnd: 3, newEnd: 3 });
  assert.deepEqual(changeBetween('aaaa', 'aaaaa'), { start: 4, oldEnd: 4, newEnd: 5 });
  assert.deepEqual(changeBetween('abab', 'ab'), { start: 2, oldEnd: 4, newEnd: 2 });
  const long = 'x'.repeat(10_000);
  assert.deepEqual(changeBetween(long + 'a' + long, long + 'bc' + long), { start: 10_000, oldEnd: 10_001, newEnd: 10_002 });
});

test('a keystroke in a long text reads again about one section: the sections before and after it are reused', () => {
  const text = bases[0].repeat(20);
  const spans = splitSections(text);
  const at = text.indexOf('**概要**', Math.floor(text.length / 2));
  const next = text.slice(0, at) + 'x' + text.slice(at);
  const { spans: again, reused } = resplitSections(next, spans, changeBetween(text, next)!);
  assert.deepEqual(again, splitSections(next));
  assert.equal(reused.filter((r) => r < 0).length, 1, 'one section read again');
});
