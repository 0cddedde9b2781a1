import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TagIndex, TagSpellings } from '../../server/src/service/model/knownTags';

// The spellings of the workspace's tags are built once and shared by every document's index, whose known
// tags leave out the document's own: the suggestions must be those of an index of the known tags alone.
const tagArb = fc.constantFrom('扩散模型', '扩散模形', '图像分割', '图象分割', 'Agents', 'Agent', 'agnets', 'LLM', 'LLMs', '3D生成', '4D生成', '视频生成', 'video-gen', 'Video_Gen', 'VideoGen', 'diffusion', 'difusion', 'Diffusion');

test('suggestions with shared spellings equal those of the known tags alone', () => {
  fc.assert(
    fc.property(fc.uniqueArray(fc.tuple(tagArb, fc.nat(5)), { selector: ([t]) => t, maxLength: 10 }), fc.array(tagArb, { maxLength: 6 }), (entries, own) => {
      const known = new Map(entries);
      const shared = new TagSpellings([...known.keys(), ...own]);
      const alone = new TagIndex(known);
      const withShared = new TagIndex(known, shared);
      for (const tag of [...own, ...known.keys(), 'Difusion', '扩散模行']) {
        assert.deepEqual(withShared.suggest(tag), alone.suggest(tag), tag);
      }
    }),
  );
});

test('a tag only the document uses is indexed but never suggested', () => {
  const known = new Map([['扩散模型', 2]]);
  const index = new TagIndex(known, new TagSpellings(['扩散模型', '扩散模形']));
  assert.deepEqual(index.suggest('扩散模形'), { tag: '扩散模型', uses: 2 });
  // "Difusion" is one edit from "Diffusion", which only the document itself uses: no suggestion.
  const own = new TagIndex(new Map([['扩散模型', 2]]), new TagSpellings(['扩散模型', 'Diffusion']));
  assert.equal(own.suggest('Difusion'), undefined);
});

test('ties of use go to the first known tag', () => {
  const known = new Map([['VideoGen', 1], ['video-gen', 1]]);
  assert.equal(new TagIndex(known, new TagSpellings(['video-gen', 'VideoGen'])).suggest('Video_Gen')?.tag, 'VideoGen');
});

test('spellings cover exactly their names', () => {
  const s = new TagSpellings(['a', 'b']);
  assert.equal(s.covers(new Set(['b', 'a'])), true);
  assert.equal(s.covers(new Set(['a'])), false);
  assert.equal(s.covers(new Set(['a', 'c'])), false);
});
