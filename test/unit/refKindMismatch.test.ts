/**
 * ref-kind-mismatch: a reference whose label names one kind and whose URL is another, where the preset's
 * labels (or requiredReferenceKinds) make the kind matter.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { applyFix, findingsOf, range, REPO, replaceOnce, sample, span } from '../support/structure';
import { relabelSample, SAMPLE_MISLABEL_FIX, SAMPLE_MISLABEL_MESSAGE, SAMPLE_MISLABEL_TEXT } from '../support/sampleMislabel';
import { ISSUE } from '../support/issueText';

const required = { config: { requiredReferenceKinds: ['project', 'github', 'paper'] as Array<'project' | 'github' | 'paper'> } };
const mislabelled = replaceOnce(ISSUE, '[Alpha 项目主页](https://alpha.example/)', '[Alpha 项目主页](https://github.com/x/alpha)');

describe('ref-kind-mismatch', () => {
  it('reports a 项目主页 linking to GitHub on its link text, as information, with a relabelling fix', () => {
    const found = findingsOf('ref-kind-mismatch', mislabelled, required);
    assert.deepEqual(found.map(range), [span(mislabelled, 'Alpha 项目主页')]);
    assert.equal(found[0].message, 'The text says "项目主页" but the link is a "GitHub 仓库": relabel it "Alpha GitHub 仓库".');
    assert.equal(found[0].fixes![0].title, 'Relabel it "Alpha GitHub 仓库"');
    assert.ok(applyFix(mislabelled, found[0]).includes('1. [Alpha GitHub 仓库](https://github.com/x/alpha)'));
  });

  it('says nothing where labels and URLs agree', () => {
    assert.deepEqual(findingsOf('ref-kind-mismatch', ISSUE, required), []);
    assert.deepEqual(findingsOf('ref-kind-mismatch', ISSUE), []);
  });

  it('reports with the default configuration too: the preset\'s labels name the kind', () => {
    const found = findingsOf('ref-kind-mismatch', mislabelled);
    assert.deepEqual(found.map(range), [span(mislabelled, 'Alpha 项目主页')]);
    assert.deepEqual(found[0].fixes!.map((f) => [f.title, f.isPreferred]), [['Relabel it "Alpha GitHub 仓库"', true]]);
  });

  it('the sample\'s "Step1X-Edit 项目主页" (a GitHub repository): one finding, and its fix relabels it', () => {
    const text = sample();
    const found = findingsOf('ref-kind-mismatch', text);
    assert.deepEqual(found.map(range), [span(text, SAMPLE_MISLABEL_TEXT)]);
    assert.equal(found[0].message, SAMPLE_MISLABEL_MESSAGE.en);
    assert.equal(found[0].fixes![0].title, SAMPLE_MISLABEL_FIX.en);
    const fixed = applyFix(text, found[0]);
    assert.equal(fixed, relabelSample(text));
    assert.deepEqual(findingsOf('ref-kind-mismatch', fixed), []);
  });

  it('an English issue: "Project Page" on github.com is relabelled "GitHub"', () => {
    const en = fs.readFileSync(path.join(REPO, 'examples', '2026-11-20-en.md'), 'utf8');
    const text = replaceOnce(en, '[SparseScale Project Page](https://sparsescale.example.org/)', '[SparseScale Project Page](https://github.com/example/sparsescale-site)');
    assert.deepEqual(findingsOf('ref-kind-mismatch', en), []);
    const found = findingsOf('ref-kind-mismatch', text);
    assert.deepEqual(found.map(range), [span(text, 'SparseScale Project Page')]);
    assert.ok(applyFix(text, found[0]).includes('[SparseScale GitHub](https://github.com/example/sparsescale-site)'));
  });

  it('a word that names no kind by a preset label ("代码", "slides") is not reported', () => {
    const code = replaceOnce(ISSUE, '[Alpha 项目主页](https://alpha.example/)', '[Alpha 代码](https://github.com/x/alpha)');
    assert.deepEqual(findingsOf('ref-kind-mismatch', code), []);
  });

  it('a paper link labelled as a project page is relabelled 论文链接', () => {
    const paper = replaceOnce(ISSUE, '[Alpha 项目主页](https://alpha.example/)', '[Alpha 项目主页](https://arxiv.org/abs/2504.00001)');
    const [f] = findingsOf('ref-kind-mismatch', paper, required);
    assert.equal(f.fixes![0].edits[0].newText, 'Alpha 论文链接');
  });
});
