/**
 * What makes a keystroke in a long issue cheap, held without timing: the next version's model keeps the
 * previous build's objects for what the edit did not touch (headings, links, papers, reference entries,
 * reference owners), moved to their new offsets; only the edited section's are new. Equality with a
 * from-scratch check is incremental.test.ts's property; this says the work was really skipped.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createLanguageService } from '../../server/src/service';
import { referenceOwners } from '../../server/src/service/edits/referenceBuilder';

const sample = fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'examples', 'ai-weekly-sample.md'), 'utf8');

test('a keystroke in a paper keeps the other sections’ objects, moved by the typed length', () => {
  const service = createLanguageService();
  const uri = 'file:///work/issue.md';
  const before = service.getModel({ uri, version: 1, getText: () => sample });
  const headingsBefore = [...before.headings];
  const startsBefore = before.headings.map((h) => h.start);
  const linksBefore = [...before.links];
  const papersBefore = [...before.papers];
  const entriesBefore = [...(before.references?.entries ?? [])];
  const ownersBefore = referenceOwners(before);
  assert.ok(ownersBefore.filter(Boolean).length > 3, 'the sample’s entries have owners');

  const edited = before.papers[1];
  const at = edited.summary!.end; // typing at the end of the second paper's summary
  const text = sample.slice(0, at) + 'xy' + sample.slice(at);
  const after = service.getModel({ uri, version: 2, getText: () => text });

  assert.equal(after.headings.length, headingsBefore.length);
  after.headings.forEach((h, i) => {
    const moved = h.start > at;
    if (h === edited.heading || headingsBefore[i] === edited.heading) return;
    assert.equal(h, headingsBefore[i], `heading ${i} is the same object`);
    assert.equal(h.start, startsBefore[i] + (moved ? 2 : 0), `heading ${i} moved by the typed length`);
    assert.equal(text.slice(h.contentStart, h.contentEnd).length > 0, true);
  });
  const keptLinks = after.links.filter((l) => linksBefore.includes(l)).length;
  const ownLinks = edited.links.length + edited.images.length;
  assert.equal(keptLinks, after.links.length - ownLinks, 'only the edited paper’s links are new');
  assert.deepEqual(
    after.papers.map((p) => papersBefore.includes(p)),
    papersBefore.map((p) => p !== edited),
    'only the edited paper is a new object',
  );
  assert.ok((after.references?.entries ?? []).every((e, i) => e === entriesBefore[i]), 'reference entries kept');
  // The edited paper is a new object, so the owners are found again (the same answers).
  assert.deepEqual(referenceOwners(after).map((p) => p?.name), ownersBefore.map((p) => p?.name));
  // And the moved offsets still point at the same text.
  for (const h of after.headings) assert.equal(text.slice(h.contentStart, h.contentEnd).includes(h.text.slice(0, 2)) || h.text === '', true, h.text);
});

test('typing outside the papers and the reference list (the summary section) keeps the papers, entries and owners', () => {
  const service = createLanguageService();
  const uri = 'file:///work/issue.md';
  const before = service.getModel({ uri, version: 1, getText: () => sample });
  const ownersBefore = referenceOwners(before);
  const at = before.summaryHeading!.end + 3;
  const text = sample.slice(0, at) + 'q' + sample.slice(at);
  const after = service.getModel({ uri, version: 2, getText: () => text });
  assert.deepEqual(after.papers.map((p, i) => p === before.papers[i]), before.papers.map(() => true));
  assert.equal(referenceOwners(after), ownersBefore, 'the same owners array');
});

test('an edit of the reference list itself makes its entries and owners again', () => {
  const service = createLanguageService();
  const uri = 'file:///work/issue.md';
  const before = service.getModel({ uri, version: 1, getText: () => sample });
  const ownersBefore = referenceOwners(before);
  const entry = before.references!.entries[0];
  const text = sample.slice(0, entry.link!.textEnd!) + 'z' + sample.slice(entry.link!.textEnd!);
  const after = service.getModel({ uri, version: 2, getText: () => text });
  assert.notEqual(after.references!.entries[0], entry);
  assert.notEqual(referenceOwners(after), ownersBefore);
  assert.equal(after.references!.entries[0].text, entry.text + 'z');
});
