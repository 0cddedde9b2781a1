/**
 * The request layer against servers that misbehave on purpose (test/support/hostileSites.ts, 127.0.0.1
 * only): every case ends with its own reason, within the cap, with memory bounded, and a well-behaved
 * request sent meanwhile is answered first. Figures (time to give up, RSS growth) are printed, not asserted
 * against a clock.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHttpClient } from '../../server/src/node/http/httpClient';
import { RequestFailure, describeRequestFailure } from '../../server/src/service/network/request';
import { createTranslator } from '../../server/src/service/util/l10n';
import { startHostileSites, type HostileSites } from '../support/hostileSites';

const en = createTranslator('en');
const zh = createTranslator('zh-cn');
let sites: HostileSites;
before(async () => {
  sites = await startHostileSites();
});
after(() => sites.close());

const client = (over: Parameters<typeof createHttpClient>[0] = {}) =>
  createHttpClient({ allowPrivateHosts: ['127.0.0.1'], timeoutMs: 2000, maxBytes: 1024 * 1024, ...over });

async function failureOf(promise: Promise<unknown>): Promise<RequestFailure> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof RequestFailure, `a RequestFailure, not ${String(err)}`);
    return err;
  }
  assert.fail('the request should have failed');
}

/** Runs a hostile request beside a good one; the good one must come back first. Reports the figures. */
async function hostile(path: string, code: string, over: Parameters<typeof createHttpClient>[0] = {}, slow = false): Promise<RequestFailure> {
  const c = client({ concurrency: { total: 8, perHost: 4 }, ...over });
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const order: string[] = [];
  const started = process.hrtime.bigint();
  const bad = failureOf(c.request({ url: sites.origin + path })).then((f) => {
    order.push('hostile');
    return f;
  });
  // Let the hostile request start before the good one.
  await new Promise((r) => setTimeout(r, 20));
  const goodStart = process.hrtime.bigint();
  const good = c.request({ url: `${sites.origin}/ok` }).then((r) => {
    order.push('good');
    return { r, ms: Number(process.hrtime.bigint() - goodStart) / 1e6 };
  });
  const [failure, ok] = await Promise.all([bad, good]);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const growth = (process.memoryUsage().rss - rssBefore) / 1024 / 1024;
  console.log(`  ${path}: gave up after ${ms.toFixed(0)} ms (${failure.code}); concurrent request ${ok.ms.toFixed(1)} ms; RSS +${growth.toFixed(1)} MB`);
  assert.equal(failure.code, code, `${path}: ${failure.message}`);
  assert.equal(ok.r.status, 200);
  assert.ok(growth < 50, `${path}: RSS grew ${growth.toFixed(1)} MB`);
  // A slow case must not hold up others: the good request, sent after it, comes back first.
  if (slow) assert.deepEqual(order, ['good', 'hostile']);
  return failure;
}

describe('request layer: hostile servers', () => {
  it('a gzip bomb stops at the size cap of the decoded body', async () => {
    // Not a slow case: the cap is reached within milliseconds, often before the good request is sent.
    const f = await hostile('/gzip-bomb', 'too-large');
    assert.equal(describeRequestFailure(f, en), 'answer larger than 1 MB');
    assert.equal(describeRequestFailure(f, zh), '应答超过 1 MB');
  });
  it('an endless body stops at the cap', async () => {
    await hostile('/endless', 'too-large');
  });
  it('a declared body over the cap is not read', async () => {
    await hostile('/big', 'too-large');
  });
  it('a body dripped a byte a second ends at the deadline', async () => {
    const f = await hostile('/drip', 'timeout', { timeoutMs: 1500 }, true);
    assert.equal(describeRequestFailure(f, en), 'no answer within 1.5 s');
  });
  it('a server that accepts and never answers ends at the deadline', async () => {
    await hostile('/silent', 'timeout', { timeoutMs: 1000 }, true);
  });
  it('a redirect loop is named as one', async () => {
    await hostile('/loop-a', 'redirect-loop');
  });
  it('redirects to file: and data: are not followed', async () => {
    const f = await hostile('/to-file', 'scheme');
    assert.match(describeRequestFailure(f, en), /only http and https links are followed, not file:/);
    await hostile('/to-data', 'scheme');
  });
  it('a redirect to a loopback address that is not allowed, or to a metadata address, is refused', async () => {
    const f = await hostile('/to-loopback', 'address-refused');
    assert.match(describeRequestFailure(f, en), /127\.0\.0\.2 is a private or local address/);
    const m = await hostile('/to-metadata', 'address-refused');
    assert.match(describeRequestFailure(m, en), /link-local or cloud metadata address; requests never go there/);
  });
  it('a redirect without Location is reported', async () => {
    await hostile('/no-location', 'redirect-without-location');
  });
  it('a megabyte of headers is refused', async () => {
    await hostile('/huge-headers', 'headers-too-large');
  });
  it('a connection reset mid-body is reported as cut off', async () => {
    await hostile('/reset', 'reset');
  });
  it('a body that claims gzip but is not is unreadable, not a crash', async () => {
    await hostile('/bad-gzip', 'bad-encoding');
  });

  it('wrong, missing content types and invalid UTF-8 are answers (the caller judges them); bad bytes become U+FFFD', async () => {
    const c = client();
    const wrong = await c.request({ url: `${sites.origin}/wrong-type` });
    assert.equal(wrong.contentType, 'image/png');
    const none = await c.request({ url: `${sites.origin}/no-type` });
    assert.equal(none.contentType, '');
    assert.equal(none.body, 'hello');
    const bad = await c.request({ url: `${sites.origin}/bad-utf8` });
    assert.ok(bad.body.startsWith('<p>') && bad.body.endsWith('</p>') && bad.body.includes('\uFFFD'));
  });
});

describe('request layer: addresses, redirects, limits', () => {
  it('loopback is refused unless allowed; the address of a name is checked too (localhost)', async () => {
    const closed = createHttpClient({ timeoutMs: 1000 });
    assert.equal((await failureOf(closed.request({ url: `${sites.origin}/ok` }))).code, 'address-refused');
    assert.equal((await failureOf(closed.request({ url: `http://localhost:${sites.port}/ok` }))).code, 'address-refused');
    const byName = createHttpClient({ allowPrivateHosts: ['localhost'], timeoutMs: 1000 });
    assert.equal((await byName.request({ url: `http://localhost:${sites.port}/ok` })).status, 200);
    const byRange = createHttpClient({ allowPrivateHosts: ['127.0.0.0/8'], timeoutMs: 1000 });
    assert.equal((await byRange.request({ url: `${sites.origin}/ok` })).status, 200);
  });

  it('link-local and metadata addresses are refused even when listed', async () => {
    const c = createHttpClient({ allowPrivateHosts: ['169.254.169.254', '169.254.0.0/16', 'metadata.google.internal'], timeoutMs: 500 });
    for (const url of ['http://169.254.169.254/latest/meta-data/', 'http://[fe80::1]/', 'http://metadata.google.internal/computeMetadata/v1/']) {
      const f = await failureOf(c.request({ url }));
      assert.equal(f.code, 'address-refused', url);
      assert.equal(f.params.forbidden, 1, url);
    }
  });

  it('only http(s) is requested', async () => {
    for (const url of ['file:///etc/passwd', 'ftp://127.0.0.1/', 'javascript:alert(1)', 'not a url']) {
      assert.equal((await failureOf(client().request({ url }))).code, 'scheme', url);
    }
  });

  it('redirects are followed and recorded; more than maxRedirects is refused', async () => {
    const r = await client().request({ url: `${sites.origin}/loop-b`, maxRedirects: 0 }).catch((e) => e);
    assert.equal((r as RequestFailure).code, 'too-many-redirects');
  });

  it('HEAD reads no body; a 404 is an answer, not a failure', async () => {
    const head = await client().request({ url: `${sites.origin}/ok`, method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.body, '');
    assert.equal((await client().request({ url: `${sites.origin}/nothing-here` })).status, 404);
    assert.equal(sites.counts.get('HEAD /ok'), 1);
  });

  it('per-host concurrency: two at once to one host, the rest queue', async () => {
    const c = client({ concurrency: { total: 8, perHost: 2 }, timeoutMs: 600 });
    const before = sites.counts.get('GET /silent') ?? 0;
    const all = Array.from({ length: 4 }, () => failureOf(c.request({ url: `${sites.origin}/silent` })));
    await new Promise((r) => setTimeout(r, 300));
    // Two are in flight; the other two have not reached the server yet.
    assert.equal((sites.counts.get('GET /silent') ?? 0) - before, 2);
    const codes = (await Promise.all(all)).map((f) => f.code);
    assert.deepEqual(codes, ['timeout', 'timeout', 'timeout', 'timeout']);
    assert.equal((sites.counts.get('GET /silent') ?? 0) - before, 4);
  });

  it('an unknown host and a refused port are named', async () => {
    const c = createHttpClient({ allowPrivateHosts: ['127.0.0.1'], timeoutMs: 1000, lookup: ((_h: string, _o: unknown, cb: (e: Error) => void) => cb(Object.assign(new Error('nope'), { code: 'ENOTFOUND' }))) as never });
    const unknown = await failureOf(c.request({ url: 'http://no-such-host.invalid/' }));
    assert.equal(unknown.code, 'unknown-host');
    assert.equal(describeRequestFailure(unknown, en), 'offline, or the host no-such-host.invalid is unknown');
    const refused = await failureOf(client().request({ url: 'http://127.0.0.1:1/' }));
    assert.equal(refused.code, 'refused');
  });
});
