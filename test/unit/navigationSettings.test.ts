import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readNavigationSettings } from '../../server/src/lsp/navigationSettings';

describe('index and hover settings', () => {
  it('read files.exclude (entries set to true), weekly.exclude, previews and links.check (the sites are weekly.services.*)', () => {
    const s = readNavigationSettings(
      { exclude: ['drafts/**'], hover: { fetchPreviews: false, cacheHours: 2 }, links: { check: 'onSave' } },
      { '**/.svn': true, 'out': false, 'docs': { when: '$(basename).ts' } },
    );
    assert.deepEqual(s.exclude, ['**/node_modules', '**/.git', '**/.svn', 'drafts/**']);
    assert.equal(s.fetchPreviews, false);
    assert.deepEqual(s.previews, { ttlMs: 7_200_000 });
    assert.equal(s.linksCheck, 'onSave');
    assert.deepEqual(s.problems, []);
  });

  it('report wrong types and fall back to the defaults', () => {
    const s = readNavigationSettings({ exclude: 'drafts', hover: { fetchPreviews: 'yes', cacheHours: -1 }, links: { check: 'always' } }, null);
    assert.deepEqual(s.exclude, ['**/node_modules', '**/.git']);
    assert.equal(s.fetchPreviews, null, 'unset: decided by workspace trust');
    assert.deepEqual(s.previews, {});
    assert.deepEqual(s.problems, [
      'exclude must be a list of globs',
      'hover.fetchPreviews must be true, false or null',
      'hover.cacheHours must be a number of hours',
      'links.check must be "off" or "onSave"',
    ]);
    assert.equal(s.linksCheck, 'off');
  });
});
