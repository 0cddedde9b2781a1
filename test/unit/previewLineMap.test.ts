/**
 * Scroll sync's arithmetic (client/src/preview/webview/lineMap.ts): source line ↔ page position, both ways,
 * interpolated between marked blocks; the two directions agree, so syncing back and forth does not drift.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lineAtPosition, positionOfLine, type LineMark } from '../../client/src/preview/webview/lineMap';

const marks: LineMark[] = [
  { line: 0, top: 0, height: 40 },
  { line: 2, top: 60, height: 20 },
  { line: 10, top: 100, height: 300 },
  { line: 40, top: 500, height: 50 },
];

describe('preview line map', () => {
  it('positions of lines: exact at marks, interpolated between, clamped at the ends', () => {
    assert.equal(positionOfLine(marks, 0), 0);
    assert.equal(positionOfLine(marks, 2), 60);
    assert.equal(positionOfLine(marks, 6), 80);
    assert.equal(positionOfLine(marks, 25), 300);
    assert.equal(positionOfLine(marks, 40), 500);
    assert.equal(positionOfLine(marks, 41), 550);
    assert.equal(positionOfLine(marks, 99), 550);
    assert.equal(positionOfLine([], 3), undefined);
  });

  it('lines at positions: the inverse', () => {
    assert.equal(lineAtPosition(marks, 0), 0);
    assert.equal(lineAtPosition(marks, 80), 6);
    assert.equal(lineAtPosition(marks, 300), 25);
    assert.equal(lineAtPosition(marks, 525), 40.5);
    assert.equal(lineAtPosition(marks, 9999), 41);
    assert.equal(lineAtPosition([], 10), undefined);
  });

  it('round trips: line → position → line is the identity inside the document', () => {
    for (let line = 0; line <= 40; line += 0.5) {
      assert.ok(Math.abs(lineAtPosition(marks, positionOfLine(marks, line)!)! - line) < 1e-9, `line ${line}`);
    }
  });
});
