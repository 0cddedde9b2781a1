/**
 * The bundles answer micromark's named character references from `entities` instead of
 * `character-entities` (scripts/bundle/decodeNamedCharacterReference.ts, wired in esbuild.mjs): the
 * stand-in must give the package's answer for every name it knows, and `false` for what it does not.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { characterEntities } from 'character-entities';
import { decodeNamedCharacterReference as original } from 'decode-named-character-reference';
import { decodeNamedCharacterReference as standIn } from '../../scripts/bundle/decodeNamedCharacterReference';

test('every named reference decodes as character-entities says', () => {
  const names = Object.keys(characterEntities);
  assert.ok(names.length > 2000, `the table holds ${names.length} names`);
  const differing = names.filter((name) => standIn(name) !== original(name));
  assert.deepEqual(differing, []);
});

test('unknown names, numeric references and junk are not decoded', () => {
  for (const value of ['', 'notaname', 'amp;', '#123', '#x41', 'amp lt', 'AMPx', 'a-b', '&amp', 'constructor', '__proto__', 'toString']) {
    assert.equal(standIn(value), original(value), value);
    assert.equal(standIn(value), false, value);
  }
});
