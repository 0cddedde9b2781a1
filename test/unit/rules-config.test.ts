/**
 * The rules' configuration items: `tagAliases` (tag-near-duplicate reports an alias with its canonical
 * tag) and `requiredReferenceKinds` (ref-missing reports a paper whose references lack a required kind).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, findings, findingsOf, fixAll, range, replaceOnce, sample, span } from '../support/structure';
import { EN_ISSUE, ISSUE } from '../support/issueText';
import { defaultConfig, type WeeklyConfig } from '../../server/src/service/config/weeklyConfig';
import { resolveConfig } from '../../server/src/service/config/configLoader';

const REFS = ISSUE.slice(ISSUE.indexOf('### **参考链接**'));
const withRefs = (list: string) => ISSUE.replace(REFS, '### **参考链接**\n\n' + list);
const all: Partial<WeeklyConfig> = { requiredReferenceKinds: ['project', 'github', 'paper'] };

describe('tagAliases', () => {
  const config: Partial<WeeklyConfig> = { tagAliases: { FaceSwap: '换脸', LLMs: 'LLM' } };

  it('reports an alias on the tag, names its canonical tag, and the preferred fix writes that', () => {
    const text = replaceOnce(ISSUE, '#换脸', '#FaceSwap');
    const found = findingsOf('tag-near-duplicate', text, { config });
    assert.equal(found.length, 1);
    assert.deepEqual(range(found[0]), span(text, '#FaceSwap'));
    assert.equal(found[0].message, '#FaceSwap is an alias of #换脸');
    assert.equal(found[0].fixes![0].title, 'Change to #换脸');
    assert.equal(found[0].fixes![0].isPreferred, true);
    assert.equal(applyFix(text, found[0], 0), ISSUE);
  });

  it('in Chinese for a zh-cn client', () => {
    const text = replaceOnce(ISSUE, '#换脸', '#FaceSwap');
    const [f] = findingsOf('tag-near-duplicate', text, { config, host: { locale: () => 'zh-cn' } });
    assert.equal(f.message, '#FaceSwap 是 #换脸 的别名');
    assert.equal(f.fixes![0].title, '改为 #换脸');
  });

  it('an alias is reported even when other issues use it; a case variant of an alias counts as the alias', () => {
    const text = replaceOnce(ISSUE, '#换脸', '#llms');
    const host = { knownTags: () => new Map([['llms', 4]]) };
    const [f] = findingsOf('tag-near-duplicate', text, { config, host });
    assert.equal(f.message, '#llms is an alias of #LLM');
    assert.equal(applyFix(text, f, 0), replaceOnce(ISSUE, '#换脸', '#LLM'));
  });

  it('canonical tags are known tags: a near spelling of one is suggested, the tag itself is not reported', () => {
    const aliases = { tagAliases: { GS: 'GaussianSplatting' } };
    assert.deepEqual(findingsOf('tag-near-duplicate', replaceOnce(ISSUE, '#换脸', '#GaussianSplatting'), { config: aliases }), []);
    const text = replaceOnce(ISSUE, '#换脸', '#GaussianSplating');
    assert.deepEqual(findingsOf('tag-near-duplicate', text), [], 'unknown without the alias');
    const [f] = findingsOf('tag-near-duplicate', text, { config: aliases });
    assert.equal(f.message, '#GaussianSplating is not a known tag: did you mean #GaussianSplatting? a known tag');
  });

  it('fix-all replaces every alias, drops the duplicate it makes, and leaves nothing to report', () => {
    const text = replaceOnce(replaceOnce(ISSUE, '#换脸', '#FaceSwap'), '#扩散模型 #视频生成', '#扩散模型 #视频生成 #LLMs #LLM');
    const fixed = fixAll(text, { config }).text;
    assert.equal(fixed, replaceOnce(ISSUE, '#扩散模型 #视频生成', '#扩散模型 #视频生成 #LLM'));
    assert.deepEqual(findings(fixed, { config }).filter((f) => f.code.startsWith('tag-')), []);
  });

  it('without aliases nothing changes', () => {
    assert.deepEqual(findingsOf('tag-near-duplicate', replaceOnce(ISSUE, '#换脸', '#FaceSwap')), []);
  });
});

describe('requiredReferenceKinds', () => {
  it('the default (none required) keeps the sample and the test issue clean', () => {
    assert.deepEqual(defaultConfig.requiredReferenceKinds, []);
    assert.deepEqual(findingsOf('ref-missing', ISSUE), []);
    assert.deepEqual(findingsOf('ref-missing', sample()), []);
  });

  it('reports each required kind a paper with references lacks, on its heading, naming the kind', () => {
    const found = findingsOf('ref-missing', ISSUE, { config: { requiredReferenceKinds: ['github'] } });
    assert.deepEqual(found.map(range), [span(ISSUE, 'Alpha：第一篇', 1), span(ISSUE, 'Gamma: Third', 1)]);
    assert.equal(
      found[0].message,
      'No GitHub 仓库 link among the references of "Alpha" (github is a required kind of reference): add one whose text starts with "Alpha".',
    );
    const [zh] = findingsOf('ref-missing', ISSUE, { config: { requiredReferenceKinds: ['github'] }, host: { locale: () => 'zh-cn' } });
    assert.equal(zh.message, '“Alpha”的参考链接中没有GitHub 仓库（github 是必需的链接种类）：请添加一条以“Alpha”开头的链接。');
  });

  it('the fix adds the stub among the paper\'s entries in kind order (project, GitHub, paper) and renumbers', () => {
    const [alpha] = findingsOf('ref-missing', ISSUE, { config: { requiredReferenceKinds: ['github'] } });
    assert.equal(alpha.fixes![0].title, 'Add reference stubs for "Alpha" (GitHub 仓库)');
    assert.equal(
      applyFix(ISSUE, alpha, 0),
      withRefs(
        '1. [Alpha 项目主页](https://alpha.example/)\n' +
          '2. [Alpha GitHub 仓库](https://github.com/search?q=Alpha&type=repositories)\n' +
          '3. [Alpha 论文链接](https://arxiv.org/abs/1)\n' +
          '4. [Beta GitHub 仓库](https://github.com/x/beta)\n' +
          '5. [Gamma 论文链接](https://arxiv.org/abs/3)\n',
      ),
    );
    const [, gammaProject] = findingsOf('ref-missing', ISSUE, { config: { requiredReferenceKinds: ['project'] } });
    assert.match(gammaProject.message, /^No 项目主页 link among the references of "Gamma"/);
    assert.equal(
      applyFix(ISSUE, gammaProject, 0),
      withRefs(
        '1. [Alpha 项目主页](https://alpha.example/)\n' +
          '2. [Alpha 论文链接](https://arxiv.org/abs/1)\n' +
          '3. [Beta GitHub 仓库](https://github.com/x/beta)\n' +
          '4. [Gamma 项目主页](https://www.bing.com/search?q=Gamma)\n' +
          '5. [Gamma 论文链接](https://arxiv.org/abs/3)\n',
      ),
    );
  });

  it('a kind is read from the URL when the link text has no label: github.com, arxiv.org', () => {
    const text = withRefs('1. [Alpha](https://alpha.example/)\n2. [Alpha code](https://github.com/x/alpha)\n3. [Alpha](https://arxiv.org/abs/1)\n4. [Beta GitHub 仓库](https://github.com/x/beta)\n5. [Gamma 论文链接](https://arxiv.org/abs/3)\n');
    const found = findingsOf('ref-missing', text, { config: all });
    assert.deepEqual(
      found.map((f) => f.message.match(/^No (.+?) link among the references of "(\w+)"/)!.slice(1).join(' ')),
      ['项目主页 Beta', '论文链接 Beta', '项目主页 Gamma', 'GitHub 仓库 Gamma'],
      'Alpha has all three kinds by URL',
    );
  });

  it('the paper name does not decide the kind: "PaperQA Project Page" is a project page, not a paper link', () => {
    const text = EN_ISSUE.replaceAll('Alpha: First', 'PaperQA: First').replace('- [Alpha Paper](https://arxiv.org/abs/1)', '- [PaperQA Project Page](https://paperqa.example/)');
    const found = findingsOf('ref-missing', text, { config: { requiredReferenceKinds: ['paper'] } });
    assert.deepEqual(found.map((f) => f.message), ['No Paper link among the references of "PaperQA" (paper is a required kind of reference): add one whose text starts with "PaperQA".']);
  });

  it('English labels in an English issue', () => {
    const found = findingsOf('ref-missing', EN_ISSUE, { config: { requiredReferenceKinds: ['github'] } });
    assert.deepEqual(found.map(range), [span(EN_ISSUE, 'Alpha: First', 1), span(EN_ISSUE, 'Beta: Second', 1)]);
    assert.match(found[0].message, /^No GitHub link among the references of "Alpha"/);
    assert.equal(
      fixAll(EN_ISSUE, { config: { requiredReferenceKinds: ['github'] } }).text,
      EN_ISSUE.replace(
        '- [Alpha Paper](https://arxiv.org/abs/1)\n- [Beta Paper]',
        '- [Alpha GitHub](https://github.com/search?q=Alpha&type=repositories)\n- [Alpha Paper](https://arxiv.org/abs/1)\n- [Beta GitHub](https://github.com/search?q=Beta&type=repositories)\n- [Beta Paper]',
      ),
    );
  });

  it('fix-all with a paper missing and others lacking kinds: one pass, every kind present, nothing left', () => {
    const text = replaceOnce(ISSUE, '4. [Gamma 论文链接](https://arxiv.org/abs/3)\n', '');
    const found = findingsOf('ref-missing', text, { config: all });
    assert.equal(found.length, 1 + 1 + 2, 'Gamma missing; Alpha lacks GitHub; Beta lacks project and paper');
    assert.ok(found.every((f) => f.fixes!.at(-1)!.title === 'Add the missing reference stubs of 3 papers' && f.fixes!.at(-1)!.isPreferred));
    const { text: fixed, passes } = fixAll(text, { config: all });
    assert.equal(passes, 1);
    assert.equal(
      fixed,
      withRefs(
        [
          '[Alpha 项目主页](https://alpha.example/)',
          '[Alpha GitHub 仓库](https://github.com/search?q=Alpha&type=repositories)',
          '[Alpha 论文链接](https://arxiv.org/abs/1)',
          '[Beta 项目主页](https://www.bing.com/search?q=Beta)',
          '[Beta GitHub 仓库](https://github.com/x/beta)',
          '[Beta 论文链接](https://arxiv.org/search/?query=Beta&searchtype=all)',
          '[Gamma 项目主页](https://www.bing.com/search?q=Gamma)',
          '[Gamma GitHub 仓库](https://github.com/search?q=Gamma&type=repositories)',
          '[Gamma 论文链接](https://arxiv.org/search/?query=Gamma&searchtype=all)',
        ]
          .map((l, i) => `${i + 1}. ${l}\n`)
          .join(''),
      ),
    );
    assert.deepEqual(findings(fixed, { config: all }).filter((f) => f.code.startsWith('ref-')), []);
  });

  it('the sample with every kind required: fix-all ends clean and changes only the reference list', () => {
    const text = sample();
    const { text: fixed, passes } = fixAll(text, { config: all });
    assert.ok(passes >= 1 && passes < 10, `passes ${passes}`);
    assert.deepEqual(findings(fixed, { config: all }).filter((f) => f.code === 'ref-missing'), []);
    const head = text.slice(0, text.lastIndexOf('参考链接'));
    assert.equal(fixed.slice(0, head.length), head);
  });

  it('no fix when a stub of the kind would not read as that kind (a project label that names the paper label)', () => {
    const presets = { ...defaultConfig.presets, zh: { ...defaultConfig.presets.zh, referenceKinds: { project: '论文链接主页', github: 'GitHub 仓库', paper: '论文链接' } } };
    const config: Partial<WeeklyConfig> = { presets, requiredReferenceKinds: ['project'] };
    const found = findingsOf('ref-missing', ISSUE, { config });
    assert.deepEqual(found.map(range), [span(ISSUE, 'Beta - 第二篇', 1), span(ISSUE, 'Gamma: Third', 1)], 'Alpha has a project page by its URL');
    assert.deepEqual(found.map((f) => f.fixes), [[], []]);
    assert.equal(fixAll(ISSUE, { config }).passes, 0);
  });
});

describe('resolveConfig: tagAliases and requiredReferenceKinds', () => {
  it('good values are read; "#" is dropped; duplicates of a kind are kept once', () => {
    const { config, problems } = resolveConfig({ tagAliases: { '#LLMs': '#LLM', 换脸术: '换脸' }, requiredReferenceKinds: ['paper', 'github', 'paper'] });
    assert.deepEqual(problems, []);
    assert.deepEqual(config.tagAliases, { LLMs: 'LLM', 换脸术: '换脸' });
    assert.deepEqual(config.requiredReferenceKinds, ['paper', 'github']);
    assert.deepEqual(defaultConfig.tagAliases, {}, 'the defaults are not modified');
  });

  it('null means not set; the base is kept', () => {
    const base: WeeklyConfig = { ...defaultConfig, tagAliases: { a: 'b' }, requiredReferenceKinds: ['github'] };
    const { config, problems } = resolveConfig({ tagAliases: null, requiredReferenceKinds: null }, base);
    assert.deepEqual(problems, []);
    assert.deepEqual(config.tagAliases, { a: 'b' });
    assert.deepEqual(config.requiredReferenceKinds, ['github']);
  });

  it('wrong shapes are named and fall back to the base', () => {
    for (const bad of ['LLMs=LLM', ['LLMs'], 3]) {
      const { config, problems } = resolveConfig({ tagAliases: bad });
      assert.deepEqual(config.tagAliases, {});
      assert.deepEqual(problems, ['tagAliases must map alias tags to canonical tags, such as { "LLMs": "LLM" }'], JSON.stringify(bad));
    }
    for (const bad of ['github', ['github', 'code'], { github: true }]) {
      const { config, problems } = resolveConfig({ requiredReferenceKinds: bad });
      assert.deepEqual(config.requiredReferenceKinds, []);
      assert.deepEqual(problems, ['requiredReferenceKinds must be a list of "project", "github" and "paper"'], JSON.stringify(bad));
    }
  });

  it('bad entries of tagAliases are named and dropped, good ones kept: not a tag, itself, an alias of an alias', () => {
    const { config, problems } = resolveConfig({ tagAliases: { LLMs: 'LLM', 'two words': 'x', empty: '', num: 1, Same: '#Same', A: 'B', B: 'C' } });
    assert.deepEqual(config.tagAliases, { LLMs: 'LLM', B: 'C' });
    assert.equal(problems.length, 1);
    assert.match(problems[0], /^tagAliases must map each alias to another tag .*; ignored: "two words", "empty", "num", "Same", "A"$/);
  });

  it('a bad value in .weekly-issues.json is located at its key', async () => {
    const { readConfigFile } = await import('../../server/src/service/config/configFile');
    const text = '{\n  "requiredReferenceKinds": ["code"],\n  "tagAliases": { "LLMs": 3 }\n}';
    const { problems } = readConfigFile(text);
    assert.deepEqual(
      problems.map((p) => text.slice(p.start, p.end)),
      ['"requiredReferenceKinds": ["code"]', '"tagAliases": { "LLMs": 3 }'],
    );
  });
});
