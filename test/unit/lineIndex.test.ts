/**
 * LineIndex: UTF-16 offsets <-> LSP positions, with LF, CRLF and lone CR line breaks (as LSP defines
 * them). Checked against vscode-languageserver-textdocument, the implementation VS Code's servers use.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../../server/src/service/util/lineIndex';

describe('LineIndex', () => {
  // [what, text, line starts]
  const cases: Array<[string, string, number[]]> = [
    ['empty text', '', [0]],
    ['no line break', 'abc', [0]],
    ['LF', 'a\nbc\n', [0, 2, 5]],
    ['CRLF', 'a\r\nbc\r\n', [0, 3, 7]],
    ['lone CR', 'a\rb', [0, 2]],
    ['mixed, and CR LF split by nothing else', 'a\r\n\n\rb\n\r', [0, 3, 4, 5, 7, 8]],
  ];
  for (const [what, text, starts] of cases) {
    it(`line starts: ${what}`, () => {
      const index = new LineIndex(text);
      assert.deepEqual(index.lineStarts, starts);
      assert.equal(index.lineCount, starts.length);
    });
  }

  it('positions count UTF-16 code units (an emoji is two)', () => {
    const text = '😀a\n中😀b';
    const index = new LineIndex(text);
    assert.deepEqual(index.positionAt(text.indexOf('a')), { line: 0, character: 2 });
    assert.deepEqual(index.positionAt(text.indexOf('b')), { line: 1, character: 3 });
    assert.equal(index.offsetAt({ line: 1, character: 3 }), text.indexOf('b'));
  });

  it('clamps: offsets outside the text, characters past the line end (never into the line break), lines past the end', () => {
    const text = 'ab\r\ncd';
    const index = new LineIndex(text);
    assert.deepEqual(index.positionAt(-5), { line: 0, character: 0 });
    assert.deepEqual(index.positionAt(999), { line: 1, character: 2 });
    assert.equal(index.offsetAt({ line: 0, character: 99 }), 2);
    assert.equal(index.offsetAt({ line: 9, character: 0 }), text.length);
    assert.equal(index.offsetAt({ line: -1, character: 3 }), 0);
  });

  it('line ends and line texts exclude the line break', () => {
    const index = new LineIndex('one\r\ntwo\nthree\rfour');
    assert.deepEqual([0, 1, 2, 3].map((l) => index.lineText(l)), ['one', 'two', 'three', 'four']);
    assert.deepEqual([0, 1, 2, 3].map((l) => index.lineEnd(l)), [3, 8, 14, 19]);
  });

  it('range() maps both ends', () => {
    const index = new LineIndex('# T\n\n[x](#t)\n');
    assert.deepEqual(index.range(5, 12), { start: { line: 2, character: 0 }, end: { line: 2, character: 7 } });
  });

  it('agrees with vscode-languageserver-textdocument on random texts (property)', () => {
    const piece = fc.constantFrom('a', '中', '😀', '\n', '\r\n', '\r', ' ', '#', '\t');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.nat(), (pieces, seed) => {
        const text = pieces.join('');
        const index = new LineIndex(text);
        const doc = TextDocument.create('file:///x.md', 'markdown', 1, text);
        assert.equal(index.lineCount, doc.lineCount);
        for (let offset = 0; offset <= text.length; offset++) {
          // Inside a CRLF pair both sides disagree by design of the pair; LSP never points there.
          if (text[offset - 1] === '\r' && text[offset] === '\n') continue;
          assert.deepEqual(index.positionAt(offset), doc.positionAt(offset), `offset ${offset} of ${JSON.stringify(text)}`);
        }
        const line = seed % doc.lineCount;
        const position = { line, character: seed % 7 };
        assert.equal(index.offsetAt(position), doc.offsetAt(position), `${JSON.stringify(position)} of ${JSON.stringify(text)}`);
      }),
      { numRuns: 300 },
    );
  });

  it("afterChange: the starts made from the previous text's and one change equal a fresh index's", () => {
    const textArb = fc.array(fc.constantFrom('a', '中', '\n', '\n\n', ' ', '\r\n', '\r'), { maxLength: 60 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(textArb, fc.nat(), fc.nat({ max: 8 }), textArb, fc.boolean(), (before, at, removed, inserted, made) => {
        const start = Math.min(at % (before.length + 1), before.length);
        const after = before.slice(0, start) + inserted + before.slice(Math.min(before.length, start + removed));
        const previous = new LineIndex(before);
        if (made) void previous.lineStarts; // derived only from starts already made
        // The change as changeBetween gives it: common prefix and suffix left out.
        let s = 0;
        while (s < Math.min(before.length, after.length) && before[s] === after[s]) s++;
        let same = 0;
        while (same < Math.min(before.length, after.length) - s && before[before.length - 1 - same] === after[after.length - 1 - same]) same++;
        const index = LineIndex.afterChange(previous, after, { start: s, oldEnd: before.length - same, newEnd: after.length - same });
        assert.deepEqual(index.lineStarts, new LineIndex(after).lineStarts);
      }),
      { numRuns: 2000, seed: 13 },
    );
  });
});
