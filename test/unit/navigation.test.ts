/** Definition, references and rename over an in-memory workspace (sample issue, notes linking into it). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { LineIndex } from '../../server/src/service/util/lineIndex';
import { docAt, positionOf, SAMPLE, uriOf, workspaceService } from './navigationWorkspace';

const FRAMEPACK = 'framepack提升视频生成效率的上下文压缩框架';
const NOTES = `# Notes\n\nSee [FramePack](sample.md#${FRAMEPACK}) and [DreamO](./sample.md#dreamo多条件图像定制统一框架).\n\n**Tags**: #视频生成 #notes\n`;
const DUP = '# D\n\n## Contents\n\n1. [Intro](#intro)\n2. [Intro](#intro-1)\n\n## Intro\n\nA\n\n## Intro\n\nB see [again][ref].\n\n[ref]: #intro-1\n';
const FILES = { 'sample.md': SAMPLE, 'notes.md': NOTES, 'dup.md': DUP };

function apply(text: string, edits: TextEdit[]): string {
  const lines = new LineIndex(text);
  const offsets = edits.map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), text: e.newText }));
  offsets.sort((a, b) => b.start - a.start);
  for (const e of offsets) text = text.slice(0, e.start) + e.text + text.slice(e.end);
  return text;
}

describe('definition', () => {
  it('goes from a TOC link to its heading, from a reference link to its definition, across files', async () => {
    const { service } = await workspaceService(FILES);
    const sample = docAt('sample.md', SAMPLE);
    const [toHeading] = service.getDefinition(sample.doc, positionOf(SAMPLE, `(#${FRAMEPACK}`, 3));
    assert.equal(toHeading.uri, uriOf('sample.md'));
    assert.equal(toHeading.range.start.line, positionOf(SAMPLE, '## FramePack：').line);

    const dup = docAt('dup.md', DUP);
    const [toDefinition] = service.getDefinition(dup.doc, positionOf(DUP, '[again]', 2));
    assert.deepEqual(toDefinition.range.start, positionOf(DUP, '[ref]: #intro-1'));

    const notes = docAt('notes.md', NOTES);
    const [crossFile] = service.getDefinition(notes.doc, positionOf(NOTES, '[DreamO]', 2));
    assert.equal(crossFile.uri, uriOf('sample.md'));
    assert.equal(crossFile.range.start.line, positionOf(SAMPLE, '## DreamO：').line);
    assert.deepEqual(service.getDefinition(notes.doc, positionOf(NOTES, 'Notes')), [], 'nothing from a heading');
  });
});

describe('references', () => {
  it("of a heading: every link to it, other files' file.md#slug links included", async () => {
    const { service } = await workspaceService(FILES);
    const sample = docAt('sample.md', SAMPLE);
    const refs = service.getReferences(sample.doc, positionOf(SAMPLE, '## FramePack：', 4), true);
    assert.deepEqual(
      refs.map((r) => [r.uri.split('/').pop(), r.range.start.line]),
      [
        ['sample.md', positionOf(SAMPLE, '## FramePack：').line],
        ['sample.md', positionOf(SAMPLE, `(#${FRAMEPACK}`).line],
        ['notes.md', 2],
      ],
    );
    assert.equal(service.getReferences(sample.doc, positionOf(SAMPLE, '## FramePack：', 4), false).length, 2);
  });

  it('of a tag: every use in the workspace', async () => {
    const { service } = await workspaceService(FILES);
    const notes = docAt('notes.md', NOTES);
    const refs = service.getReferences(notes.doc, positionOf(NOTES, '#视频生成', 2), false);
    assert.deepEqual(refs.map((r) => [r.uri.split('/').pop(), r.range.start]), [
      ['notes.md', positionOf(NOTES, '#视频生成')],
      ['sample.md', positionOf(SAMPLE, '#视频生成')],
    ]);
  });
});

describe('rename', () => {
  it('renames a heading and every link to it in the workspace, TOC text included', async () => {
    const { service } = await workspaceService(FILES);
    const sample = docAt('sample.md', SAMPLE);
    const at = positionOf(SAMPLE, '## FramePack：', 5);
    const prepared = service.prepareRename(sample.doc, at);
    const title = 'FramePack：提升视频生成效率的上下文压缩框架';
    assert.deepEqual(prepared, { range: { start: positionOf(SAMPLE, `## ${title}`, 3), end: positionOf(SAMPLE, `## ${title}`, 3 + title.length) }, placeholder: title });
    const edit = service.getRenameEdits(sample.doc, at, 'FramePack：更快的视频生成') as WorkspaceEdit;
    const newSample = apply(SAMPLE, edit.changes![uriOf('sample.md')]);
    assert.match(newSample, /^## FramePack：更快的视频生成$/m);
    assert.match(newSample, /^1\. \[FramePack：更快的视频生成\]\(#framepack更快的视频生成\)$/m);
    assert.doesNotMatch(newSample, new RegExp(FRAMEPACK));
    const newNotes = apply(NOTES, edit.changes![uriOf('notes.md')]);
    assert.match(newNotes, /\(sample\.md#framepack更快的视频生成\)/);
    assert.match(newNotes, /\(\.\/sample\.md#dreamo多条件图像定制统一框架\)/, 'other links stay');
  });

  it('moves duplicate suffixes: renaming the first of two equal headings retargets links to the second', async () => {
    const { service } = await workspaceService(FILES);
    const dup = docAt('dup.md', DUP);
    const edit = service.getRenameEdits(dup.doc, positionOf(DUP, '## Intro', 4), 'Overview') as WorkspaceEdit;
    assert.equal(
      apply(DUP, edit.changes![uriOf('dup.md')]),
      '# D\n\n## Contents\n\n1. [Overview](#overview)\n2. [Intro](#intro)\n\n## Overview\n\nA\n\n## Intro\n\nB see [again][ref].\n\n[ref]: #intro\n',
    );
  });

  it('renames a tag across the workspace, and refuses a name that is no tag', async () => {
    const { service } = await workspaceService(FILES);
    const notes = docAt('notes.md', NOTES);
    const at = positionOf(NOTES, '#视频生成', 1);
    assert.deepEqual(service.prepareRename(notes.doc, at), { range: { start: at, end: positionOf(NOTES, '#视频生成', 5) }, placeholder: '视频生成' });
    const edit = service.getRenameEdits(notes.doc, at, '#视频创作') as WorkspaceEdit;
    assert.match(apply(NOTES, edit.changes![uriOf('notes.md')]), /\*\*Tags\*\*: #视频创作 #notes/);
    assert.match(apply(SAMPLE, edit.changes![uriOf('sample.md')]), /\*\*标签\*\*：#视频创作 #上下文压缩/);
    assert.match((service.getRenameEdits(notes.doc, at, 'two words') as { error: string }).error, /not a tag name/);
  });

  it('refuses clearly where nothing can be renamed', async () => {
    const { service } = await workspaceService(FILES);
    const sample = docAt('sample.md', SAMPLE);
    const prose = service.prepareRename(sample.doc, positionOf(SAMPLE, '本周亮点'));
    assert.match((prose as { error: string }).error, /Only a heading or a #tag can be renamed/);
    const link = service.prepareRename(sample.doc, positionOf(SAMPLE, `(#${FRAMEPACK}`, 3));
    assert.match((link as { error: string }).error, /rename its heading/);
  });
});
