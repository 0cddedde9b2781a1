import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memoize, perItem } from '../../server/src/service/util/memo';

test('memoize answers as the function does, computing each string once while it is in use', () => {
  const seen: string[] = [];
  const upper = memoize((s: string) => (seen.push(s), s.toUpperCase()), 10);
  assert.equal(upper('a'), 'A');
  assert.equal(upper('a'), 'A');
  assert.equal(upper('b'), 'B');
  assert.deepEqual(seen, ['a', 'b']);
});

test('an answer asked for in every generation is kept; one left for a whole generation is dropped', () => {
  const seen: string[] = [];
  const f = memoize((s: string) => (seen.push(s), s.length), 5);
  f('hot');
  f('cold');
  for (let i = 0; i < 40; i++) {
    f('hot');
    f(`typed-over-${i}`); // a stream of texts, each asked once: the soak's typing
  }
  assert.equal(seen.filter((s) => s === 'hot').length, 1, 'the string in use is computed once');
  seen.length = 0;
  f('cold');
  assert.deepEqual(seen, ['cold'], 'a string not asked for in two generations is computed again');
});

test('undefined answers are remembered too', () => {
  let calls = 0;
  const f = memoize((): undefined => void calls++, 100);
  f('x');
  f('x');
  assert.equal(calls, 1);
});

test('perItem answers unchanged items from the last list by object identity', () => {
  let calls = 0;
  const f = perItem((o: { n: number }) => (calls++, o.n * 2));
  const a = { n: 1 };
  const b = { n: 2 };
  assert.deepEqual(f([a, b]), [2, 4]);
  assert.deepEqual(f([a, { n: 3 }]), [2, 6]);
  assert.equal(calls, 3);
});
