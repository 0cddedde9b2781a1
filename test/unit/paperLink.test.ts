/** The one link parser: a table of URL shapes as people paste them, and what each is. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linkIdentity, parsePaperLink, referenceSlotOf } from '../../server/src/service/links/paperLink';

// [input, kind, identity, form or version]
const arxivShapes: Array<[string, string, string?]> = [
  ['https://arxiv.org/abs/2504.12626', 'arxiv:2504.12626', 'abs'],
  ['https://arxiv.org/abs/2504.12626v2', 'arxiv:2504.12626', 'abs'],
  ['http://arxiv.org/abs/2504.12626/', 'arxiv:2504.12626', 'abs'],
  ['https://www.arxiv.org/abs/2504.12626?context=cs.CV', 'arxiv:2504.12626', 'abs'],
  ['https://arxiv.org/abs/2504.12626#S3', 'arxiv:2504.12626', 'abs'],
  ['https://arxiv.org/pdf/2504.12626', 'arxiv:2504.12626', 'pdf'],
  ['https://arxiv.org/pdf/2504.12626v2', 'arxiv:2504.12626', 'pdf'],
  ['https://arxiv.org/pdf/2504.12626v2.pdf', 'arxiv:2504.12626', 'pdf'],
  ['https://arxiv.org/pdf/2504.12626.pdf', 'arxiv:2504.12626', 'pdf'],
  ['https://arxiv.org/html/2504.12626v1', 'arxiv:2504.12626', 'html'],
  ['https://arxiv.org/html/2504.12626v1/', 'arxiv:2504.12626', 'html'],
  ['https://export.arxiv.org/abs/2504.12626', 'arxiv:2504.12626', 'abs'],
  ['arxiv.org/abs/2504.12626', 'arxiv:2504.12626', 'abs'],
  ['2504.12626', 'arxiv:2504.12626', 'bare'],
  ['2504.12626v3', 'arxiv:2504.12626', 'bare'],
  ['arXiv:2504.12626', 'arxiv:2504.12626', 'bare'],
  ['arXiv: 2504.12626v1', 'arxiv:2504.12626', 'bare'],
  ['0704.0001', 'arxiv:0704.0001', 'bare'],
  ['cs/0301001', 'arxiv:cs/0301001', 'bare'],
  ['https://arxiv.org/abs/cs/0301001v1', 'arxiv:cs/0301001', 'abs'],
  ['https://arxiv.org/abs/math.GT/0309136', 'arxiv:math.GT/0309136', 'abs'],
  ['https://arxiv.org/abs/hep-th/9901001', 'arxiv:hep-th/9901001', 'abs'],
  ['10.48550/arXiv.2504.12626', 'arxiv:2504.12626', 'doi'],
  ['https://doi.org/10.48550/arXiv.2504.12626', 'arxiv:2504.12626', 'doi'],
  ['https://doi.org/10.48550/ARXIV.2504.12626', 'arxiv:2504.12626', 'doi'],
  ['https://www.alphaxiv.org/abs/2504.12626', 'arxiv:2504.12626', 'alphaxiv'],
  ['https://alphaxiv.org/overview/2504.12626v2', 'arxiv:2504.12626', 'alphaxiv'],
  ['https://huggingface.co/papers/2504.12626', 'arxiv:2504.12626', 'huggingface'],
  ['https://hf.co/papers/2504.12626', 'arxiv:2504.12626', 'huggingface'],
  ['<https://arxiv.org/abs/2504.12626>', 'arxiv:2504.12626', 'abs'],
  ['  https://arxiv.org/abs/2504.12626  ', 'arxiv:2504.12626', 'abs'],
];

test('arXiv in every form people paste is one paper, without version', () => {
  for (const [input, identity, form] of arxivShapes) {
    const link = parsePaperLink(input);
    assert.equal(link?.kind, 'arxiv', input);
    assert.equal(linkIdentity(input), identity, input);
    if (link?.kind === 'arxiv') assert.equal(link.form, form, input);
    assert.equal(referenceSlotOf(input), 'paper', input);
  }
  const v = parsePaperLink('https://arxiv.org/pdf/2504.12626v2.pdf');
  assert.ok(v?.kind === 'arxiv' && v.version === 'v2');
});

test('GitHub repositories: owner/repo in any case, any trailing path; other GitHub pages are not repositories', () => {
  const same = [
    'https://github.com/lllyasviel/FramePack',
    'https://github.com/lllyasviel/FramePack/',
    'https://github.com/lllyasviel/FramePack.git',
    'https://www.github.com/LLLYASVIEL/framepack',
    'https://github.com/lllyasviel/FramePack/tree/main/diffusers_helper',
    'https://github.com/lllyasviel/FramePack/blob/main/README.md#installation',
    'https://github.com/lllyasviel/FramePack?tab=readme-ov-file',
    'github.com/lllyasviel/FramePack',
  ];
  for (const url of same) {
    assert.equal(linkIdentity(url), 'github:lllyasviel/framepack', url);
    assert.equal(referenceSlotOf(url), 'github', url);
  }
  for (const url of ['https://github.com/lllyasviel', 'https://github.com/topics/diffusion', 'https://github.com/orgs/x/repositories', 'https://lllyasviel.github.io/frame_pack_gitpage/']) {
    assert.notEqual(parsePaperLink(url)?.kind, 'github', url);
  }
  assert.equal(referenceSlotOf('https://lllyasviel.github.io/frame_pack_gitpage/'), 'project');
});

test('project pages: scheme, www., trailing slash, utm_* and fragment do not change the identity', () => {
  const id = linkIdentity('https://lllyasviel.github.io/frame_pack_gitpage/');
  assert.equal(id, 'page:lllyasviel.github.io/frame_pack_gitpage');
  for (const url of [
    'http://lllyasviel.github.io/frame_pack_gitpage',
    'https://www.lllyasviel.github.io/frame_pack_gitpage//',
    'https://lllyasviel.github.io/frame_pack_gitpage/?utm_source=twitter&utm_medium=social',
    'https://lllyasviel.github.io/frame_pack_gitpage/#demo',
    'https://LLLYASVIEL.github.io/frame_pack_gitpage/',
  ]) assert.equal(linkIdentity(url), id, url);
  // A different path or a meaningful query is another page.
  assert.notEqual(linkIdentity('https://lllyasviel.github.io/other/'), id);
  assert.notEqual(linkIdentity('https://example.com/p?id=1'), linkIdentity('https://example.com/p?id=2'));
  assert.equal(linkIdentity('https://example.com/p?b=2&a=1'), linkIdentity('https://example.com/p?a=1&b=2'));
});

test('other paper hosts and PDFs fill the paper slot; Hugging Face pages that are not papers are project pages', () => {
  for (const url of ['https://openreview.net/forum?id=abc', 'https://aclanthology.org/2024.acl-long.1/', 'https://example.com/paper.pdf', 'https://doi.org/10.1145/3592433']) {
    assert.equal(referenceSlotOf(url), 'paper', url);
    assert.equal(parsePaperLink(url)?.kind, 'paper', url);
  }
  assert.equal(referenceSlotOf('https://huggingface.co/spaces/lllyasviel/FramePack'), 'project');
  // The daily-papers listing is no paper.
  assert.equal(referenceSlotOf('https://huggingface.co/papers'), 'project');
});

test('what is not a web link or an arXiv id is nothing', () => {
  for (const text of ['', '   ', 'FramePack', 'README.md', 'images/cover.png', '#framepack', 'mailto:a@b.c', 'javascript:alert(1)', 'ftp://x.org/a', 'https://', 'two words', '2504.1262', '12345.67890', '1413.12345', '2504.123456', '0612.0001']) {
    assert.equal(parsePaperLink(text), undefined, JSON.stringify(text));
    assert.equal(linkIdentity(text), undefined, JSON.stringify(text));
  }
});
