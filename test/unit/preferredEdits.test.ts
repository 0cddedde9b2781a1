/**
 * Fix-all's choice of edits (`preferredEdits`, languageService.ts): each finding's preferred fix, unless one
 * of its edits overlaps an edit already taken. Held to the plain quadratic definition on random findings,
 * including insertions, touching ranges and several (mutually disjoint) edits per fix.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { preferredEdits } from '../../server/src/service/languageService';
import type { Finding, OffsetEdit } from '../../server/src/service/rules/rule';

function byDefinition(findings: Finding[]): OffsetEdit[] {
  const taken: OffsetEdit[] = [];
  const overlaps = (e: OffsetEdit) => taken.some((t) => (e.start < t.end && t.start < e.end) || (e.start === t.start && e.end === t.end));
  for (const f of findings) {
    const fix = f.fixes?.find((x) => x.isPreferred && x.edits.length);
    if (!fix || fix.edits.some(overlaps)) continue;
    taken.push(...fix.edits);
  }
  return taken.sort((a, b) => a.start - b.start);
}

const edit = fc.record({ start: fc.nat({ max: 40 }), length: fc.nat({ max: 4 }), newText: fc.constantFrom('', 'x', 'yz') }).map(({ start, length, newText }) => ({ start, end: start + length, newText }));
// A fix's own edits never overlap one another (LSP's rule for one edit set; every rule keeps it).
const disjoint = (a: OffsetEdit, b: OffsetEdit) => !((a.start < b.end && b.start < a.end) || (a.start === b.start && a.end === b.end));
const fixEdits = fc.array(edit, { maxLength: 3 }).map((edits) => edits.filter((e, i) => edits.slice(0, i).every((x) => disjoint(x, e))));
const finding = fc.record({
  preferred: fc.boolean(),
  edits: fixEdits,
}).map(({ preferred, edits }): Finding => ({ code: 'c', start: 0, end: 0, message: 'm', fixes: [{ title: 't', edits, isPreferred: preferred }] }));

test('the same edits, in the same order, as the definition', () => {
  fc.assert(
    fc.property(fc.array(finding, { maxLength: 60 }), (findings) => {
      assert.deepEqual(preferredEdits(findings), byDefinition(findings));
    }),
    { numRuns: 2000 },
  );
});

test('two insertions at one place: the first wins; an insertion at a replaced range\'s start is kept', () => {
  const f = (edits: OffsetEdit[]): Finding => ({ code: 'c', start: 0, end: 0, message: 'm', fixes: [{ title: 't', edits, isPreferred: true }] });
  const edits = preferredEdits([f([{ start: 5, end: 8, newText: 'a' }]), f([{ start: 5, end: 5, newText: 'b' }]), f([{ start: 5, end: 5, newText: 'c' }]), f([{ start: 6, end: 7, newText: 'd' }])]);
  assert.deepEqual(edits.map((e) => e.newText), ['a', 'b']);
});
