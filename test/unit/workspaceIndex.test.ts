/** The workspace index: exclusions, watched changes, open documents, tag counts. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { docAt, uriOf, workspaceService } from './navigationWorkspace';

const tagged = (tags: string) => `# T\n\n## P: x\n\n**Tags**: ${tags}\n`;

describe('workspace index', () => {
  it('indexes Markdown files of the workspace, leaving out excluded globs and folders', async () => {
    const { index } = await workspaceService(
      { 'a.md': tagged('#x'), 'drafts/b.md': tagged('#y'), 'deep/node_modules/c.md': tagged('#z'), 'd.markdown': tagged('#x #w'), 'e.txt': '#x' },
      {},
      ['drafts', '**/node_modules'],
    );
    assert.deepEqual([...index.all()].map((e) => e.uri).sort(), [uriOf('a.md'), uriOf('d.markdown')]);
    assert.deepEqual([...index.tagCounts()].sort(), [['w', 1], ['x', 2]]);
  });

  it('follows watched changes, and an open document overrides its file until closed', async () => {
    const { index, workspace, service } = await workspaceService({ 'a.md': tagged('#x'), 'b.md': tagged('#x #y') });
    workspace.files.set(uriOf('c.md'), tagged('#y #new'));
    await index.refreshFile(uriOf('c.md'));
    workspace.files.delete(uriOf('b.md'));
    index.removeFile(uriOf('b.md'));
    assert.deepEqual([...index.tagCounts()].sort(), [['new', 1], ['x', 1], ['y', 1]]);

    const open = docAt('a.md', tagged('#edited'));
    index.setOpenDocument(open.doc.uri, service.getModel(open.doc));
    const reads = workspace.reads;
    await index.refreshFile(uriOf('a.md')); // the file on disk changed, but the editor's text wins
    assert.equal(workspace.reads, reads);
    assert.deepEqual(index.get(uriOf('a.md'))!.tags.map((t) => t.name), ['edited']);
    await index.closeDocument(uriOf('a.md'));
    assert.deepEqual(index.get(uriOf('a.md'))!.tags.map((t) => t.name), ['x']);
  });

  it('answers the counts without one file with the same Map until that file or the workspace changes', async () => {
    const { index, workspace } = await workspaceService({ 'a.md': tagged('#x #y'), 'b.md': tagged('#x') });
    const first = index.tagCountsExcept(uriOf('a.md'));
    assert.deepEqual([...first].sort(), [['x', 1]]);
    assert.equal(index.tagCountsExcept(uriOf('a.md')), first, 'asked again with nothing changed');
    workspace.files.set(uriOf('b.md'), tagged('#x #z'));
    await index.refreshFile(uriOf('b.md'));
    const afterOther = index.tagCountsExcept(uriOf('a.md'));
    assert.notEqual(afterOther, first);
    assert.deepEqual([...afterOther].sort(), [['x', 1], ['z', 1]]);
    workspace.files.set(uriOf('a.md'), tagged('#z'));
    await index.refreshFile(uriOf('a.md'));
    assert.deepEqual([...index.tagCountsExcept(uriOf('a.md'))].sort(), [['x', 1], ['z', 1]]);
    assert.deepEqual([...index.tagCountsExcept(uriOf('b.md'))].sort(), [['z', 1]]);
  });

  it("feeds the rules' known tags: the rest of the workspace and the vocabulary", async () => {
    const { service } = await workspaceService({ 'a.md': tagged('#x #y'), 'b.md': tagged('#x') }, {
      getConfig: () => ({ ...(require('../../server/src/service/config/weeklyConfig').defaultConfig), tagVocabulary: ['#planned'] }),
    });
    assert.deepEqual([...service.knownTagsFor(uriOf('a.md'))!].sort(), [['planned', 0], ['x', 1]]);
    assert.deepEqual([...service.knownTagsFor(uriOf('new.md'))!].sort(), [['planned', 0], ['x', 2], ['y', 1]]);
  });
});
