/** The archive views' data (service/archive/): order, counts, and updates when a file changes or goes. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { docAt, uriOf, workspaceService } from './navigationWorkspace';
import { ArchiveIndex } from '../../server/src/service/archive/archiveIndex';
import { filterTags, sortTags } from '../../server/src/service/archive/tagList';
import type { ArchiveData } from '../../server/src/service/archive/archiveTypes';
import { FILES, issue } from './archiveWorkspace';

async function archiveOf(files: Record<string, string>) {
  const ws = await workspaceService(files);
  const archive = new ArchiveIndex(() => ws.index.all(), () => ws.index.generation);
  return { ...ws, archive };
}

const names = (data: ArchiveData) => ({
  issues: data.issues.map((i) => `${i.title} ${i.date ?? '-'} ${i.papers.length}`),
  tags: data.tags.map((t) => `${t.name} ${t.count}/${t.issues}`),
  papers: data.papers.map((r) => `${data.issues[r.issue].papers[r.paper].name} (${data.issues[r.issue].title})`),
});

describe('archive data', () => {
  it('lists issues newest first by the date paper-repeat reads (front matter, else the file name), skipping non-issues', async () => {
    const { archive } = await archiveOf(FILES);
    const data = archive.data();
    assert.deepEqual(names(data).issues, ['Week C 2026-02-16 1', 'Week B 2026-02-02 2', 'Week A 2026-01-05 2']);
    assert.equal(data.issues[0].uri, uriOf('2026-02-16.md'));
    assert.equal(data.issues[0].line, 3);
    assert.deepEqual(data.issues[1].papers.map((p) => [p.name, p.line, p.tags]), [['Gamma', 6, ['video', 'agents']], ['Alpha', 12, ['diffusion']]]);
  });

  it('counts each tag once per paper, with its issues and papers; sorts by count or by name; filters', async () => {
    const { archive } = await archiveOf(FILES);
    const data = archive.data();
    assert.deepEqual(names(data).tags, ['diffusion 3/2', 'agents 2/2', 'video 2/2']);
    const diffusion = data.tags[0];
    assert.deepEqual(diffusion.uses.map((u) => `${data.issues[u.issue].title}:${data.issues[u.issue].papers[u.paper].name}`), ['Week B:Alpha', 'Week A:Alpha', 'Week A:Beta']);
    // The newest issue's first #diffusion: "**Tags**: #diffusion" (Alpha's, line 16 of b.md), after "**Tags**: ".
    assert.deepEqual(diffusion.at, { uri: uriOf('b.md'), line: 16, character: 10 });
    assert.deepEqual(sortTags(data.tags, 'name').map((t) => t.name), ['agents', 'diffusion', 'video']);
    assert.deepEqual(filterTags(data.tags, '#VID').map((t) => t.name), ['video']);
    assert.equal(filterTags(data.tags, ' ').length, 3);
  });

  it('lists every paper by name, a paper covered twice under both issues', async () => {
    const { archive } = await archiveOf(FILES);
    assert.deepEqual(names(archive.data()).papers, ['Alpha (Week B)', 'Alpha (Week A)', 'Beta (Week A)', 'Delta (Week C)', 'Gamma (Week B)']);
  });

  it('follows a changed, a new and a deleted file, and says which files changed what the views show', async () => {
    const { archive, index, workspace } = await archiveOf(FILES);
    const v0 = archive.data().version;
    workspace.files.set(uriOf('a.md'), issue('Week A', { Alpha: '#diffusion #video', Beta: '#robots' }, '2026-01-05'));
    await index.refreshFile(uriOf('a.md'));
    workspace.files.set(uriOf('d.md'), issue('Week D', { Epsilon: '#robots' }, '2026-03-02'));
    await index.refreshFile(uriOf('d.md'));
    workspace.files.delete(uriOf('2026-02-16.md'));
    index.removeFile(uriOf('2026-02-16.md'));
    assert.deepEqual(archive.refresh().sort(), [uriOf('2026-02-16.md'), uriOf('a.md'), uriOf('d.md')].sort());
    const data = archive.data();
    assert.ok(data.version > v0);
    assert.deepEqual(names(data).issues, ['Week D 2026-03-02 1', 'Week B 2026-02-02 2', 'Week A 2026-01-05 2']);
    assert.deepEqual(names(data).tags, ['diffusion 2/2', 'robots 2/2', 'video 2/2', 'agents 1/1']);
  });

  it('sends nothing for an edit the views do not show (a summary word), and the change for one they do', async () => {
    const { archive, index, service } = await archiveOf(FILES);
    const before = archive.data();
    const edited = docAt('b.md', FILES['b.md'].replace('text.', 'longer text.'));
    index.setOpenDocument(edited.doc.uri, service.getModel(edited.doc));
    assert.deepEqual(archive.refresh(), []);
    assert.equal(archive.data(), before, 'the same data object: nothing was rebuilt');
    const renamed = docAt('b.md', FILES['b.md'].replace('## Gamma', '## Gamma2'), 2);
    index.setOpenDocument(renamed.doc.uri, service.getModel(renamed.doc));
    assert.deepEqual(archive.refresh(), [uriOf('b.md')]);
    assert.ok(names(archive.data()).papers.includes('Gamma2 (Week B)'));
  });

  it('is empty for a workspace without issues', async () => {
    const { archive } = await archiveOf({ 'notes.md': FILES['notes.md'] });
    assert.deepEqual(names(archive.data()), { issues: [], tags: [], papers: [] });
  });
});
