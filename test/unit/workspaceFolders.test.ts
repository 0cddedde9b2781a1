/**
 * WorkspaceIndex.addFolders / removeFolders: the index side of workspace folders added or removed after
 * start-up (the LSP side is test/lsp/workspaceFolders.test.ts).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { URI } from 'vscode-uri';
import { WorkspaceIndex, type Workspace } from '../../server/src/service/indexing/workspaceIndex';
import { defaultPresets } from '../../server/src/service/config/weeklyConfig';
import { githubSlugStyle } from '../../server/src/service/slug/github';
import { buildIssueModel } from '../../server/src/service/model/issueModel';
import { SectionCache } from '../../server/src/service/model/sectionCache';

const tagged = (tags: string) => `# T\n\n## P: x\n\n**Tags**: ${tags}\n`;
const uri = (p: string) => URI.file(p).toString();

/** Files by path; lists only those under the roots asked for, as the real file system does. */
function folders(files: Record<string, string>, roots: string[], exclude: string[] = []) {
  const listed: string[][] = [];
  const workspace: Workspace = {
    async listFiles(asked) {
      listed.push([...asked]);
      return Object.keys(files).filter((f) => asked.some((r) => f.startsWith(r + '/'))).map(uri);
    },
    async readFile(u) {
      const text = files[URI.parse(u).fsPath];
      if (text === undefined) throw new Error(`no file ${u}`);
      return text;
    },
  };
  const index = new WorkspaceIndex({ workspace, roots: () => roots, exclude: () => exclude, slugStyle: () => githubSlugStyle, presets: () => defaultPresets });
  return { index, listed };
}

const files = {
  '/ws/a/one.md': tagged('#x #a'),
  '/ws/b/two.md': tagged('#x #b'),
  '/ws/b/drafts/three.md': tagged('#draft'),
  '/ws/b/inner/four.md': tagged('#inner'),
};

describe('workspace index: folders added and removed', () => {
  it('an added folder is read alone, with the exclusions; the other entries stay', async () => {
    const roots = ['/ws/a'];
    const { index, listed } = folders(files, roots, ['drafts']);
    await index.build();
    assert.deepEqual([...index.tagCounts()].sort(), [['a', 1], ['x', 1]]);
    roots.push('/ws/b');
    const steps: string[] = [];
    const report = await index.addFolders(['/ws/b'], (done, total) => steps.push(`${done}/${total}`));
    assert.deepEqual(listed[listed.length - 1], ['/ws/b'], 'only the new folder is listed');
    assert.equal(report.files, 2);
    assert.deepEqual(steps, ['2/2']);
    assert.deepEqual([...index.tagCounts()].sort(), [['a', 1], ['b', 1], ['inner', 1], ['x', 2]]);
  });

  it("a removed folder's files go, each one told to listeners; a folder nested in one that stays keeps its files", async () => {
    const roots = ['/ws/a', '/ws/b', '/ws/b/inner'];
    const { index } = folders(files, roots);
    await index.build();
    const told: string[] = [];
    index.onDidChangeFile((u) => told.push(u));
    const generation = index.generation;
    roots.splice(0, roots.length, '/ws/b');
    assert.equal(index.removeFolders(['/ws/a', '/ws/b/inner']), 1);
    assert.deepEqual(told, [uri('/ws/a/one.md')]);
    assert.ok(index.generation > generation, 'callers caching on the generation see the change');
    assert.deepEqual([...index.all()].map((e) => e.uri).sort(), [uri('/ws/b/drafts/three.md'), uri('/ws/b/inner/four.md'), uri('/ws/b/two.md')]);
  });

  it('an open document in a removed folder leaves too, unless no folder is left (then every open file counts)', async () => {
    const roots = ['/ws/a', '/ws/b'];
    const { index } = folders(files, roots);
    await index.build();
    const model = buildIssueModel(tagged('#open'), { slugStyle: githubSlugStyle, presets: defaultPresets, cache: new SectionCache(8) });
    index.setOpenDocument(uri('/ws/a/open.md'), model);
    index.setOpenDocument(uri('/ws/b/open.md'), model);
    roots.splice(0, roots.length, '/ws/b');
    index.removeFolders(['/ws/a']);
    assert.equal(index.get(uri('/ws/a/open.md')), undefined);
    assert.equal(index.tagCounts().get('open'), 1);
    roots.splice(0, roots.length);
    index.removeFolders(['/ws/b']);
    assert.deepEqual([...index.all()].map((e) => e.uri), [uri('/ws/b/open.md')]);
  });
});
