/** The one disk cache: where it lives, atomic writes, garbage ignored and replaced, two writing processes. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createDiskCache, defaultCacheDir } from '../../server/src/node/diskCache';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'wi-cache-'));

test('the folder: WEEKLY_ISSUES_CACHE_DIR, else XDG_CACHE_HOME/weekly-issues, else ~/.cache/weekly-issues', () => {
  assert.equal(defaultCacheDir({ WEEKLY_ISSUES_CACHE_DIR: '/tmp/x', XDG_CACHE_HOME: '/y' }), '/tmp/x');
  assert.equal(defaultCacheDir({ XDG_CACHE_HOME: '/y' }), '/y/weekly-issues');
  assert.equal(defaultCacheDir({ XDG_CACHE_HOME: 'relative' }), path.join(os.homedir(), '.cache', 'weekly-issues'));
  assert.equal(defaultCacheDir({}), path.join(os.homedir(), '.cache', 'weekly-issues'));
});

test('reads back what it wrote, per kind; leaves no temp file', async () => {
  const dir = tempDir();
  const cache = createDiskCache(dir);
  assert.equal(await cache.read('link', 'https://a.example/'), undefined);
  await cache.write('link', 'https://a.example/', { status: 200 }, 1234);
  assert.deepEqual(await cache.read('link', 'https://a.example/'), { at: 1234, value: { status: 200 } });
  assert.equal(await cache.read('lookup', 'https://a.example/'), undefined);
  const files = fs.readdirSync(path.join(dir, 'link'));
  assert.equal(files.length, 1);
  assert.ok(files[0].endsWith('.json'));
});

test('a truncated or garbage file is a miss, and the next write replaces it', async () => {
  const dir = tempDir();
  const cache = createDiskCache(dir);
  await cache.write('preview', 'k', { title: 'FramePack' });
  const file = path.join(dir, 'preview', fs.readdirSync(path.join(dir, 'preview'))[0]);
  for (const garbage of [fs.readFileSync(file, 'utf8').slice(0, 10), '\u0000\u0001garbage', '', 'null', '[]', '{"key":"k"}', '{"key":"other","at":1,"value":1}']) {
    fs.writeFileSync(file, garbage);
    assert.equal(await cache.read('preview', 'k'), undefined, JSON.stringify(garbage));
  }
  await cache.write('preview', 'k', { title: 'again' }, 5);
  assert.deepEqual(await cache.read('preview', 'k'), { at: 5, value: { title: 'again' } });
});

test('an unwritable folder is logged, never thrown', async () => {
  const dir = tempDir();
  const blocker = path.join(dir, 'file');
  fs.writeFileSync(blocker, 'not a folder');
  const logs: string[] = [];
  const cache = createDiskCache(blocker, (m) => logs.push(m));
  await cache.write('link', 'k', 1);
  assert.equal(await cache.read('link', 'k'), undefined);
  assert.equal(logs.length, 1);
  assert.match(logs[0], /could not write/);
});

test('two processes writing the same keys: every entry whole, nothing either needs lost', async () => {
  const dir = tempDir();
  const script = (who: string) => `
    const { createDiskCache } = require(${JSON.stringify(path.resolve('server/src/node/diskCache.ts'))});
    const cache = createDiskCache(${JSON.stringify(dir)});
    (async () => {
      for (let i = 0; i < 100; i++) {
        await cache.write('link', 'shared-' + (i % 10), { who: '${who}', i });
        await cache.write('link', '${who}-' + i, { who: '${who}', i });
      }
    })();`;
  const run = (who: string) =>
    new Promise<number>((resolve) => spawn(process.execPath, ['--import', 'tsx', '-e', script(who)], { stdio: 'inherit' }).on('exit', (c) => resolve(c ?? 1)));
  assert.deepEqual(await Promise.all([run('a'), run('b')]), [0, 0]);
  const cache = createDiskCache(dir);
  for (let i = 0; i < 10; i++) {
    const e = await cache.read<{ who: string }>('link', `shared-${i}`);
    assert.ok(e && (e.value.who === 'a' || e.value.who === 'b'), `shared-${i}`);
  }
  for (const who of ['a', 'b']) for (let i = 0; i < 100; i += 13) assert.deepEqual((await cache.read('link', `${who}-${i}`))?.value, { who, i });
  assert.deepEqual(fs.readdirSync(path.join(dir, 'link')).filter((f) => !f.endsWith('.json')), []);
});
