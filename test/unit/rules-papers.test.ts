/** The rules on a paper's own parts: paper-missing-field, tag-near-duplicate, tag-duplicate, image-missing. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'path';
import { applyFix, findingsOf, fixAll, range, replaceOnce, span } from '../support/structure';
import { EN_ISSUE, ISSUE } from '../support/issueText';
import { isNearTag, suggestTag, tagKey } from '../../server/src/service/model/knownTags';

describe('paper-missing-field', () => {
  it('reports each missing required field on the paper heading', () => {
    const text = replaceOnce(ISSUE, '**概要**：Gamma 是第三篇。\n\n**标签**：#换脸\n', 'Gamma 是第三篇。\n');
    const found = findingsOf('paper-missing-field', text);
    assert.deepEqual(found.map(range), [span(text, 'Gamma: Third', 1), span(text, 'Gamma: Third', 1)]);
    assert.deepEqual(found.map((f) => f.message.match(/has no (\S+) field/)![1]), ['概要', '标签']);
  });

  it('an unlabelled paragraph under the heading becomes the summary; tags go after it', () => {
    const text = replaceOnce(ISSUE, '**概要**：Gamma 是第三篇。\n\n**标签**：#换脸\n', 'Gamma 是第三篇。\n');
    const [summary, tags] = findingsOf('paper-missing-field', text);
    assert.match(applyFix(text, summary, 0), /## Gamma: Third\n\n\*\*概要\*\*：Gamma 是第三篇。\n/);
    assert.match(applyFix(text, tags, 0), /Gamma 是第三篇。\n\n\*\*标签\*\*：\n\n---/);
    assert.equal(fixAll(text).text, replaceOnce(ISSUE, '**标签**：#换脸', '**标签**：'));
  });

  it('a missing summary goes after the image, before the tags', () => {
    const text = replaceOnce(ISSUE, '**概要**：Alpha 是第一篇。\n\n', '');
    const [f] = findingsOf('paper-missing-field', text);
    assert.match(applyFix(text, f, 0), /!\[Alpha 图\]\(https:\/\/alpha\.example\/a\.png\)\n\n\*\*概要\*\*：\n\n\*\*标签\*\*：#扩散模型/);
  });

  it('missing tags go at the end of the section, before its closing rule; English labels in an English issue', () => {
    const text = replaceOnce(EN_ISSUE, '**Tags**: #LLM\n', '');
    const [f] = findingsOf('paper-missing-field', text);
    assert.match(f.message, /no Tags field/);
    assert.match(applyFix(text, f, 0), /\*\*Summary\*\*: Beta\.\n\n\*\*Tags\*\*:\n/);
  });

  it('follows the configured required fields', () => {
    const text = replaceOnce(ISSUE, '**标签**：#换脸\n', '');
    assert.equal(findingsOf('paper-missing-field', text).length, 1);
    assert.equal(findingsOf('paper-missing-field', text, { config: { requiredFields: ['summary'] } }).length, 0);
  });
});

describe('tag-duplicate', () => {
  it('reports the second copy in a paper and removes it with its space', () => {
    const text = replaceOnce(ISSUE, '#扩散模型 #视频生成', '#扩散模型 #视频生成 #扩散模型');
    const [f, ...rest] = findingsOf('tag-duplicate', text);
    assert.equal(rest.length, 0);
    assert.deepEqual(range(f), span(text, '#扩散模型', 1));
    assert.equal(applyFix(text, f, 0), ISSUE);
  });

  it('the same tag in two papers is fine', () => {
    assert.equal(findingsOf('tag-duplicate', replaceOnce(ISSUE, '#换脸', '#扩散模型')).length, 0);
  });
});

describe('tag-near-duplicate', () => {
  it('near spellings: case, width, hyphens, one edit; not short words, digits or plurals', () => {
    assert.equal(tagKey('Ｔｒａｎｓ_for-mer'), 'transformer');
    assert.ok(isNearTag('transformer', 'Transformer'));
    assert.ok(isNearTag('ＬＬＭ', 'LLM'));
    assert.ok(isNearTag('Diffusion-Transformer', 'DiffusionTransformer'));
    assert.ok(isNearTag('扩散模形', '扩散模型'));
    assert.ok(!isNearTag('VLM', 'LLM'));
    assert.ok(!isNearTag('4D生成', '3D生成'));
    assert.ok(!isNearTag('Agents', 'Agent'));
    assert.ok(!isNearTag('图像生成', '视频生成'));
  });

  it('reports an unknown near spelling with the tag it meant and how many issues use that', () => {
    const text = replaceOnce(ISSUE, '#扩散模型', '#扩散模形');
    const counts = new Map([['扩散模型', 12]]);
    const [f] = findingsOf('tag-near-duplicate', text, { host: { knownTags: () => counts } });
    assert.deepEqual(range(f), span(text, '#扩散模形'));
    assert.equal(f.message, '#扩散模形 is not a known tag: did you mean #扩散模型? used in 12 issues');
    assert.equal(applyFix(text, f, 0), ISSUE);
  });

  it('speaks the client\'s language: Chinese messages and fix titles for a zh-cn client', () => {
    const text = replaceOnce(ISSUE, '#扩散模型', '#扩散模形');
    const host = { knownTags: () => new Map([['扩散模型', 12]]), locale: () => 'zh-cn' };
    const [f] = findingsOf('tag-near-duplicate', text, { host });
    assert.equal(f.message, '#扩散模形 不是已知标签：是否想用 #扩散模型？已用于 12 期');
    assert.equal(f.fixes![0].title, '改为 #扩散模型');
  });

  it('knows the configured vocabulary and the workspace tags; a known tag is never reported', () => {
    const text = replaceOnce(ISSUE, '#换脸', '#GaussianSplating');
    assert.equal(findingsOf('tag-near-duplicate', text).length, 0);
    const [f] = findingsOf('tag-near-duplicate', text, { config: { tagVocabulary: ['#GaussianSplatting'] } });
    assert.match(f.message, /did you mean #GaussianSplatting\? a known tag/);
    assert.equal(findingsOf('tag-near-duplicate', text, { host: { knownTags: () => new Map([['GaussianSplating', 2]]) } }).length, 0);
  });

  it('prefers the spelling that differs only in case over a one-edit neighbour, then the most used', () => {
    const known = new Map([['LoRA', 3], ['LoRa', 0], ['Lora2', 9]]);
    assert.equal(suggestTag('lora', known)?.tag, 'LoRA');
    assert.equal(suggestTag('LoRA', known), undefined);
  });

  it('is information, not a warning', () => {
    const text = replaceOnce(ISSUE, '#扩散模型', '#扩散模形');
    assert.equal(findingsOf('tag-near-duplicate', text).length, 1);
    const { findRule } = require('../../server/src/service/rules') as typeof import('../../server/src/service/rules');
    assert.equal(findRule('tag-near-duplicate')?.defaultSeverity, 'info');
  });
});

describe('image-missing', () => {
  const root = '/site';
  const files = new Set(['/site/assets/a.png', '/work/img/b.jpg', '/work/img/c.PNG']);
  const host = { fileExists: (p: string) => files.has(p), workspaceRoots: () => [root] };
  const doc = (body: string) => replaceOnce(ISSUE, '![Alpha 图](https://alpha.example/a.png)', body);

  it('checks local images relative to the file and /… relative to the site root', () => {
    const ok = doc('![a](/assets/a.png) ![b](img/b.jpg) ![c](./img/c.PNG?v=1)');
    assert.deepEqual(findingsOf('image-missing', ok, { host }), []);
    const bad = doc('![a](/assets/x.png) ![b](img/missing.jpg)');
    const found = findingsOf('image-missing', bad, { host });
    assert.deepEqual(found.map(range), [span(bad, '/assets/x.png'), span(bad, 'img/missing.jpg')]);
    assert.match(found[0].message, new RegExp(`looked for ${path.join('/site', 'assets/x.png').replace(/\//g, '\\/')}`));
  });

  it('skips http(s), data: and protocol-relative images, and hosts that cannot look at files', () => {
    const text = doc('![a](https://x.example/a.png) ![b](data:image/png;base64,AAAA) ![c](//cdn.example/c.png)');
    assert.deepEqual(findingsOf('image-missing', text, { host }), []);
    assert.deepEqual(findingsOf('image-missing', doc('![a](/nope.png)')), []);
  });

  it('uses weekly.siteRoot over the workspace folder', () => {
    const text = doc('![a](/a.png)');
    assert.deepEqual(findingsOf('image-missing', text, { host, config: { siteRoot: '/site/assets' } }), []);
  });

  it('fixes a wrong extension or case when exactly one such file exists', () => {
    const text = doc('![b](img/b.png) ![c](img/c.png)');
    const found = findingsOf('image-missing', text, { host });
    assert.equal(applyFix(text, found[0], 0), doc('![b](img/b.jpg) ![c](img/c.png)'));
    assert.equal(applyFix(text, found[1], 0), doc('![b](img/b.png) ![c](img/c.PNG)'));
    assert.deepEqual(findingsOf('image-missing', doc('![z](img/z.png)'), { host })[0].fixes, []);
  });

  it('reads the destination as CommonMark does: a BOM or no-break space inside it is part of the path', () => {
    // JavaScript's \s stopped the range at such a character, the fix replaced the part before it, and
    // fix-all rewrote the same text for ever (a seed of the mangling property in rules-fixall.test.ts).
    for (const odd of ['\uFEFF', '\u00A0']) {
      const text = doc(`![b](img/b.${odd}jpg) ![c](img/c.png)`);
      const found = findingsOf('image-missing', text, { host });
      assert.deepEqual(range(found[0]), span(text, `img/b.${odd}jpg`));
      assert.equal(applyFix(text, found[0], 0), doc('![b](img/b.jpg) ![c](img/c.png)'));
    }
  });
});
