/** Retry-After honoured within bounds, and arXiv's pace, with a fake clock (no real waiting). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPacer, retryAfterMs, withRetryAfter } from '../../server/src/service/network/politeClient';
import { RequestFailure, type HttpResponse } from '../../server/src/service/network/request';

function fakeClock() {
  let t = 1_000_000;
  const waits: number[] = [];
  return { now: () => t, sleep: async (ms: number) => void (waits.push(ms), (t += ms)), waits };
}

const answer = (status: number, headers: Record<string, string> = {}): HttpResponse => ({ status, url: 'https://export.arxiv.org/api/query', redirects: [], headers, contentType: '', body: '' });

test('Retry-After in seconds or as a date', () => {
  assert.equal(retryAfterMs('3'), 3000);
  assert.equal(retryAfterMs('Wed, 02 Dec 2026 12:00:10 GMT', Date.parse('Wed, 02 Dec 2026 12:00:00 GMT')), 10_000);
  assert.equal(retryAfterMs('soon'), undefined);
  assert.equal(retryAfterMs(undefined), undefined);
});

test('a 429 with an affordable Retry-After is waited out and retried; a long one gives up with the host named', async () => {
  const clock = fakeClock();
  const replies = [answer(429, { 'retry-after': '2' }), answer(200)];
  const client = withRetryAfter({ request: async () => replies.shift()! }, { maxWaitMs: 5000, retries: 2, ...clock });
  assert.equal((await client.request({ url: 'https://export.arxiv.org/api/query' })).status, 200);
  assert.deepEqual(clock.waits, [2000]);

  const long = withRetryAfter({ request: async () => answer(429, { 'retry-after': '3600' }) }, { maxWaitMs: 5000, retries: 2, ...clock });
  await assert.rejects(long.request({ url: 'https://export.arxiv.org/api/query' }), (e: RequestFailure) => e.code === 'rate-limited' && e.params.host === 'export.arxiv.org' && e.params.status === 429);

  let calls = 0;
  const always = withRetryAfter({ request: async () => (calls++, answer(503, { 'retry-after': '1' })) }, { maxWaitMs: 5000, retries: 2, ...clock });
  await assert.rejects(always.request({ url: 'https://x.example/' }), (e: RequestFailure) => e.code === 'rate-limited');
  assert.equal(calls, 3);
  // A 503 without Retry-After is an answer for the caller to judge.
  const plain = withRetryAfter({ request: async () => answer(503) }, { maxWaitMs: 5000, retries: 2, ...clock });
  assert.equal((await plain.request({ url: 'https://x.example/' })).status, 503);
});

test('the pacer starts one request per interval, in order', async () => {
  const clock = fakeClock();
  const pace = createPacer(3000, clock);
  const starts: number[] = [];
  await Promise.all([1, 2, 3].map((n) => pace(async () => starts.push(clock.now()) && n)));
  assert.deepEqual(starts.map((s) => s - starts[0]), [0, 3000, 6000]);
  // A failed task does not stop the queue.
  await assert.rejects(pace(async () => { throw new Error('x'); }));
  assert.equal(await pace(async () => 'after'), 'after');
});
