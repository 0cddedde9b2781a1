import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { classifyLink, newIssuePath, placeLinks } from '../../server/src/service';

test('classifyLink: paper sites, GitHub repositories, project pages, non-links', () => {
  assert.equal(classifyLink('https://arxiv.org/abs/2504.12626'), 'paper');
  assert.equal(classifyLink('https://arxiv.org/pdf/2504.16072'), 'paper');
  assert.equal(classifyLink('https://www.arxiv.org/html/2504.14509v2'), 'paper');
  assert.equal(classifyLink('https://openreview.net/forum?id=abc'), 'paper');
  assert.equal(classifyLink('https://huggingface.co/papers/2504.00001'), 'paper');
  assert.equal(classifyLink('https://example.org/files/paper.PDF'), 'paper');
  assert.equal(classifyLink('https://github.com/lllyasviel/FramePack'), 'github');
  assert.equal(classifyLink('https://github.com/stepfun-ai/Step1X-Edit/tree/main'), 'github');
  // A user page is no repository, but the reader lands on GitHub: the GitHub slot, as the preview's chip says.
  assert.equal(classifyLink('https://github.com/lllyasviel'), 'github');
  assert.equal(classifyLink('https://lllyasviel.github.io/frame_pack_gitpage/'), 'project');
  assert.equal(classifyLink('https://huggingface.co/spaces/x/y'), 'project');
  assert.equal(classifyLink('ftp://example.org/x'), undefined);
  assert.equal(classifyLink('not a url'), undefined);
});

test('placeLinks: explicit slots first, loose URLs by kind, then into a free slot; the rest rejected', () => {
  assert.deepEqual(placeLinks({}, ['https://arxiv.org/abs/1', 'https://github.com/a/b', 'https://a.github.io/']), {
    links: { paper: 'https://arxiv.org/abs/1', github: 'https://github.com/a/b', project: 'https://a.github.io/' },
    rejected: [],
  });
  assert.deepEqual(placeLinks({ project: 'https://p.org/' }, ['https://q.org/']), {
    links: { project: 'https://p.org/', github: 'https://q.org/' },
    rejected: [],
  });
  assert.deepEqual(placeLinks({}, ['https://a.org/', 'https://b.org/', 'https://c.org/', 'https://d.org/', 'mailto:x@y']), {
    links: { project: 'https://a.org/', github: 'https://b.org/', paper: 'https://c.org/' },
    rejected: ['https://d.org/', 'mailto:x@y'],
  });
});

test('newIssuePath fills {yyyy} {mm} {dd} {ww} (ISO week)', () => {
  assert.equal(newIssuePath('issues/{yyyy}-{mm}-{dd}.md', new Date(2026, 0, 5)), 'issues/2026-01-05.md');
  assert.equal(newIssuePath('{yyyy}/week-{ww}.md', new Date(2026, 0, 1)), '2026/week-01.md');
  assert.equal(newIssuePath('{yyyy}/week-{ww}.md', new Date(2027, 0, 1)), '2027/week-53.md'); // {ww}: the ISO week (53 of 2026); {yyyy} stays the calendar year
  assert.equal(newIssuePath('fixed.md', new Date(2026, 10, 26)), 'fixed.md');
});
