/** ref-kind-mismatch: a reference whose label names one kind and whose URL is another, where kinds are required. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, findingsOf, range, replaceOnce, span } from '../support/structure';
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

  it('says nothing where labels and URLs agree, or where no kind is required', () => {
    assert.deepEqual(findingsOf('ref-kind-mismatch', ISSUE, required), []);
    assert.deepEqual(findingsOf('ref-kind-mismatch', mislabelled), []);
  });

  it('a paper link labelled as a project page is relabelled 论文链接', () => {
    const paper = replaceOnce(ISSUE, '[Alpha 项目主页](https://alpha.example/)', '[Alpha 项目主页](https://arxiv.org/abs/2504.00001)');
    const [f] = findingsOf('ref-kind-mismatch', paper, required);
    assert.equal(f.fixes![0].edits[0].newText, 'Alpha 论文链接');
  });
});
