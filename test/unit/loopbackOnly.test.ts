/**
 * The guard preloaded into every server the LSP tests start (test/support/loopbackOnly.cjs): names other than
 * localhost and addresses outside 127.0.0.0/8 fail at once, before any packet; loopback works as before.
 * (This file's own process loads it: node --test runs each test file in a process of its own.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import dns from 'node:dns';
import net from 'node:net';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

createRequire(import.meta.url)('../support/loopbackOnly.cjs');

test('a public name is not looked up: ENOTFOUND at once', async () => {
  const err = await new Promise<NodeJS.ErrnoException | null>((resolve) => dns.lookup('github.io', (e) => resolve(e)));
  assert.equal(err?.code, 'ENOTFOUND');
  assert.match(String(err?.message), /127\.0\.0\.0\/8 only/);
  await assert.rejects(dns.promises.lookup('arxiv.org'), { code: 'ENOTFOUND' });
});

test('an address outside loopback is refused before connecting', async () => {
  for (const host of ['10.0.0.1', '169.254.169.254', '8.8.8.8', '::ffff:10.0.0.1']) {
    const err = await new Promise<NodeJS.ErrnoException>((resolve) => net.connect({ host, port: 80 }).on('error', resolve));
    assert.equal(err.code, 'ECONNREFUSED', host);
  }
});

test('loopback by name and by address still works', async () => {
  const server = http.createServer((_req, res) => res.end('ok'));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  try {
    for (const host of ['127.0.0.1', 'localhost']) {
      const body = await new Promise<string>((resolve, reject) => {
        http.get({ host, port, family: 4 }, (res) => {
          let s = '';
          res.on('data', (c) => (s += c)).on('end', () => resolve(s));
        }).on('error', reject);
      });
      assert.equal(body, 'ok', host);
    }
  } finally {
    server.close();
  }
});
