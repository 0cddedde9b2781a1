/** A lookup's facts as New Paper Entry's input: name, title, draft, tags, links; and the summary-draft rule. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { dominantPaperLinkForm, entryFromLookup, splitTitle, suggestTags } from '../../server/src/service/lookups/entryFromLookup';
import type { PaperFacts } from '../../server/src/service/lookups/paperLookup';
import { parsePaperLink } from '../../server/src/service/links/paperLink';
import { builtinTagWords } from '../../server/src/service/model/knownTags';
import { draftHash, findDraftMarker, withDraftMarker } from '../../server/src/service/model/summaryDraft';
import { applyFix, findingsOf, range, span } from '../support/structure';
import { ISSUE } from '../support/issueText';

const facts = (over: Partial<PaperFacts>): PaperFacts => ({ input: 'x', authors: [], links: {}, keywords: [], problems: [], ...over });
const options = { knownTags: [{ tag: '视频生成', count: 5 }, { tag: '扩散模型', count: 9 }, { tag: 'LLM', count: 2 }, { tag: 'LLMs', count: 1 }, { tag: '3D', count: 4 }, { tag: 'VideoGeneration', count: 1 }], tagAliases: { LLMs: 'LLM', 'video-diffusion': '扩散模型' }, tagWords: builtinTagWords, maxTags: 3, paperLinkForm: 'abs' as const };

describe('entry from a lookup', () => {
  it('the name is the title before the colon, else the repository, else the id', () => {
    assert.deepEqual(splitTitle('SAM 2: Segment Anything in Images and Videos'), { name: 'SAM 2', rest: 'Segment Anything in Images and Videos' });
    assert.deepEqual(splitTitle('DreamO：统一框架'), { name: 'DreamO', rest: '统一框架' });
    assert.deepEqual(splitTitle('Packing Input Frame Context in Next-Frame Prediction Models'), { rest: 'Packing Input Frame Context in Next-Frame Prediction Models' });
    // A colon late in a long phrase is no short name.
    assert.equal(splitTitle('On the surprising effectiveness of many many things in practice: a study').name, undefined);
    const repo = entryFromLookup(facts({ title: 'Packing Input Frame Context', repository: { owner: 'lllyasviel', repo: 'FramePack', topics: [] }, arxivId: '2504.12626' }), options);
    assert.equal(repo.name, 'FramePack');
    assert.equal(repo.title, 'Packing Input Frame Context');
    assert.equal(entryFromLookup(facts({ title: 'Plain Title', arxivId: '2501.00001' }), options).name, '2501.00001');
  });

  it('the paper link in the configured form; as-pasted keeps what was pasted', () => {
    const pasted = parsePaperLink('https://arxiv.org/pdf/2504.12626v2')!;
    const f = facts({ title: 'X: y', arxivId: '2504.12626', link: pasted, abstract: 'We do.' });
    assert.equal(entryFromLookup(f, options).links.paper, 'https://arxiv.org/abs/2504.12626');
    assert.equal(entryFromLookup(f, { ...options, paperLinkForm: 'html' }).links.paper, 'https://arxiv.org/html/2504.12626');
    assert.equal(entryFromLookup(f, { ...options, paperLinkForm: 'as-pasted' }).links.paper, 'https://arxiv.org/pdf/2504.12626v2');
    const e = entryFromLookup(f, options);
    assert.equal(e.summary, 'We do.');
    assert.equal(e.summaryDraft, true);
    assert.equal(entryFromLookup(facts({ title: 'X: y' }), options).summaryDraft, false);
  });

  it('auto: the form most arXiv links of the archive use', () => {
    assert.equal(dominantPaperLinkForm([]), 'abs');
    assert.equal(dominantPaperLinkForm(['https://arxiv.org/html/2504.14509v2', 'https://arxiv.org/html/2504.12626', 'https://arxiv.org/pdf/2504.16072', 'https://github.com/a/b']), 'html');
    assert.equal(dominantPaperLinkForm(['https://arxiv.org/pdf/2504.12626v1', 'https://arxiv.org/abs/2504.16072']), 'abs');
    assert.equal(dominantPaperLinkForm(['https://arxiv.org/pdf/2504.12626v1', 'https://arxiv.org/pdf/2504.16072.pdf', 'https://arxiv.org/abs/2504.16915']), 'pdf');
  });

  it('tags: words of known tags, their aliases and the built-in English words, ranked by use, never more than maxTags', () => {
    const text = 'A video generation model built on video diffusion, with LLMs planning the shots. Not 3DGS.';
    assert.deepEqual(suggestTags(text, options), ['扩散模型', '视频生成', 'LLM']);
    assert.deepEqual(suggestTags(text, { ...options, maxTags: 1 }), ['扩散模型']);
    assert.deepEqual(suggestTags(text, { ...options, maxTags: 0 }), []);
    // Whole words for Latin tags: 3D is not in 3DGS; an alias is never suggested itself; CamelCase tags match their words.
    assert.ok(!suggestTags('3DGS scenes', options).includes('3D'));
    assert.ok(suggestTags('3D scenes', options).includes('3D'));
    assert.ok(suggestTags('Video Generation at scale', { ...options, maxTags: 9 }).includes('VideoGeneration'));
    assert.ok(!suggestTags('LLMs everywhere', { ...options, maxTags: 9 }).includes('LLMs'));
    // Case and width do not count.
    assert.deepEqual(suggestTags('ＶＩＤＥＯ ＧＥＮＥＲＡＴＩＯＮ', { ...options, maxTags: 1 }), ['视频生成']);
  });
});

describe('summary-draft', () => {
  const abstract = 'We present a neural network structure.';
  const drafted = ISSUE.replace(/(\*\*概要\*\*：)[^\n]*/, `$1${withDraftMarker(abstract)}`);

  it('the marker holds the text hash; a rewritten text makes it stale', () => {
    assert.equal(withDraftMarker(abstract), `${abstract} <!-- weekly:draft ${draftHash(abstract)} -->`);
    assert.equal(findDraftMarker(withDraftMarker(abstract))?.unchanged, true);
    assert.equal(findDraftMarker(withDraftMarker(abstract).replace('neural', 'new'))?.unchanged, false);
    assert.equal(findDraftMarker('no marker'), undefined);
  });

  it('reported on the summary text while unchanged; the fix removes the mark; rewriting silences it', () => {
    const [f, ...rest] = findingsOf('summary-draft', drafted);
    assert.equal(rest.length, 0);
    assert.deepEqual(range(f), span(drafted, abstract));
    assert.match(f.message, /still the paper's abstract/);
    const kept = applyFix(drafted, f, 0);
    assert.equal(kept, ISSUE.replace(/(\*\*概要\*\*：)[^\n]*/, `$1${abstract}`));
    assert.equal(findingsOf('summary-draft', drafted.replace('neural network', 'compact network')).length, 0);
    assert.equal(findingsOf('summary-draft', ISSUE).length, 0);
  });
});
