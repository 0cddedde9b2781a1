/**
 * Hover previews against servers that misbehave on purpose (test/support/hostileSites.ts, 127.0.0.1 only):
 * each hover comes back with a one-line reason, the server's memory stays bounded, and a completion sent
 * while the bad request is in flight is answered first. Figures are printed, not asserted against a clock.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { LspClient } from './lspClient';
import { startHostileSites, type HostileSites } from '../support/hostileSites';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-hostile-'));
let sites: HostileSites;
let client: LspClient;

const CASES: Array<[string, RegExp]> = [
  ['/gzip-bomb', /answer larger than 1 MB/],
  ['/endless', /answer larger than 1 MB/],
  ['/drip', /no answer within 3 s/],
  ['/silent', /no answer within 3 s/],
  ['/loop-a', /the redirects go round in a loop/],
  ['/to-file', /only http and https links are followed, not file:/],
  ['/to-metadata', /link-local or cloud metadata address/],
  ['/to-loopback', /127\.0\.0\.2 is a private or local address/],
  ['/huge-headers', /headers larger than allowed/],
  ['/reset', /cut off before the answer ended/],
  ['/bad-gzip', /compressed in a way that cannot be read/],
];

before(async () => {
  sites = await startHostileSites();
  client = await LspClient.start({
    workspaceFolders: [dir],
    settings: { weekly: { network: { allowPrivateHosts: ['127.0.0.1'] } } },
    initializationOptions: { workspaceTrusted: true, previewCacheDir: path.join(dir, '.cache') },
    nodeArgs: ['--expose-gc'],
  });
});
after(async () => {
  await client.stop();
  await sites.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('LSP: hover previews against hostile servers', () => {
  for (const [route, reason] of CASES) {
    it(`${route}: a one-line reason, memory bounded, a completion answered meanwhile`, async () => {
      const uri = client.uri(`h${route.replace(/\W/g, '')}.md`);
      const text = `# T\n\n## P\n\n**Tags**: #a\n\n[page](${sites.origin}${route})\n`;
      client.open(uri, text, 1);
      await client.waitForDiagnostics(uri, { version: 1 });
      const before = await client.request<{ rss: number }>('weekly/debug/memory', {});
      const order: string[] = [];
      const t0 = performance.now();
      const hover = client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 6, character: 2 } }).then((h) => (order.push('hover'), h));
      await new Promise((r) => setTimeout(r, 30));
      const c0 = performance.now();
      const completion = client.request('textDocument/completion', { textDocument: { uri }, position: { line: 4, character: 11 } }).then((c) => (order.push('completion'), performance.now() - c0, c));
      const [h] = await Promise.all([hover, completion]);
      const after = await client.request<{ rss: number }>('weekly/debug/memory', {});
      const value = (h.contents as MarkupContent).value;
      const growth = (after.rss - before.rss) / 2 ** 20;
      console.log(`  ${route}: ${(performance.now() - t0).toFixed(0)} ms; RSS ${growth >= 0 ? '+' : ''}${growth.toFixed(1)} MB; order ${order.join(' < ')}`);
      assert.match(value, reason);
      assert.equal(value.split('\n').filter((l) => /No preview/.test(l)).length, 1, value);
      assert.ok(growth < 50, `RSS grew ${growth.toFixed(1)} MB`);
      // The slow ones (fast failures may come back first, rightly).
      if (['/drip', '/silent'].includes(route)) assert.deepEqual(order, ['completion', 'hover']);
    });
  }
});
