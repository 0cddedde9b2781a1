import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readNavigationSettings } from '../../server/src/lsp/navigationSettings';

describe('index and hover settings', () => {
  it('read files.exclude (entries set to true), weekly.exclude, previews and their sites', () => {
    const s = readNavigationSettings(
      { exclude: ['drafts/**'], hover: { fetchPreviews: false, arxivApiUrl: 'http://127.0.0.1:9/api/query', githubApiUrl: 'https://gh.example/api', cacheHours: 2 } },
      { '**/.svn': true, 'out': false, 'docs': { when: '$(basename).ts' } },
    );
    assert.deepEqual(s.exclude, ['**/node_modules', '**/.git', '**/.svn', 'drafts/**']);
    assert.equal(s.fetchPreviews, false);
    assert.deepEqual(s.previews, { arxivApiUrl: 'http://127.0.0.1:9/api/query', githubApiUrl: 'https://gh.example/api', ttlMs: 7_200_000 });
    assert.deepEqual(s.problems, []);
  });

  it('report wrong types and fall back to the defaults', () => {
    const s = readNavigationSettings({ exclude: 'drafts', hover: { fetchPreviews: 'yes', arxivApiUrl: 'ftp://x', cacheHours: -1 } }, null);
    assert.deepEqual(s.exclude, ['**/node_modules', '**/.git']);
    assert.equal(s.fetchPreviews, null, 'unset: decided by workspace trust');
    assert.deepEqual(s.previews, {});
    assert.deepEqual(s.problems, [
      'exclude must be a list of globs',
      'hover.fetchPreviews must be true, false or null',
      'hover.arxivApiUrl must be an http(s) URL',
      'hover.cacheHours must be a number of hours',
    ]);
  });
});
