/**
 * No import cycle among the modules of server/src and client/src, type imports included: what
 * `npx madge --circular --extensions ts server/src client/src` checks, through madge's API.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'path';
import madge from 'madge';

const repo = path.join(__dirname, '..', '..');

describe('module graph', () => {
  it('has no circular import among server/src and client/src', async () => {
    const graph = await madge([path.join(repo, 'server/src'), path.join(repo, 'client/src')], {
      baseDir: repo,
      fileExtensions: ['ts'],
      detectiveOptions: { ts: { skipTypeImports: false } },
    });
    const modules = Object.keys(graph.obj());
    assert.ok(modules.length > 100, `madge read the modules (${modules.length})`);
    assert.ok(modules.includes('server/src/service/languageService.ts'), 'paths are relative to the repository');
    assert.deepEqual(graph.circular(), []);
  });
});
