import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { applyEdits, createLanguageService, type NewPaperEntryInput } from '../../server/src/service';
import { DiagnosticSeverity } from 'vscode-languageserver-types';

const root = path.resolve(__dirname, '..', '..');
const zhSample = readFileSync(path.join(root, 'examples', 'ai-weekly-sample.md'), 'utf8');
const enSmall = readFileSync(path.join(root, 'test', 'fixtures', 'authoring', 'en-small.md'), 'utf8');

function run(text: string, input: NewPaperEntryInput, locale?: string) {
  const service = createLanguageService({ locale: () => locale });
  const doc = { uri: 'file:///ws/issue.md', version: 1, getText: () => text };
  const result = service.newPaperEntry(doc, input);
  if (!result.ok) return { result, text: undefined, problems: [] };
  const out = applyEdits(text, result.edits);
  const after = { uri: 'file:///ws/issue.md', version: 2, getText: () => out };
  const problems = service
    .computeDiagnostics(after)
    .filter((d) => d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning)
    .map((d) => `${d.code}: ${d.message}`);
  return { result, text: out, problems };
}

/** image-missing on the empty figure New Paper Entry writes, until it is filled in. */
const emptyFigure = (alt: string) => `image-missing: The image "${alt}" has no path yet: add the figure, or remove the image.`;

/** `text` with each `[anchor, insertion]` inserted right after its (unique) anchor. */
function withInsertions(text: string, ...pairs: Array<[string, string]>): string {
  let out = text;
  for (const [anchor, insertion] of pairs) {
    assert.equal(out.split(anchor).length, 2, `anchor must be unique: ${anchor}`);
    out = out.replace(anchor, () => anchor + insertion);
  }
  return out;
}

const zhInput: NewPaperEntryInput = {
  name: 'NewNet',
  title: '一个新模型',
  summary: '**NewNet** 提出了新方法。',
  tags: ['扩散模型', '#新标签'],
  urls: ['https://arxiv.org/abs/2504.00001', 'https://github.com/a/newnet', 'https://newnet.github.io/'],
};

test('zh sample: a paper after the last one, its TOC entry and three references at the ends', () => {
  const { result, text, problems } = run(zhSample, zhInput);
  assert.ok(result.ok);
  const expected = withInsertions(
    zhSample,
    ['(#styleme3d多编码器驱动的3d风格迁移框架提升艺术风格一致性)', '\n7. [NewNet：一个新模型](#newnet一个新模型)'],
    ['#实时渲染  \n\n---\n\n', '## NewNet：一个新模型\n\n![NewNet 图]()\n\n**概要**：**NewNet** 提出了新方法。\n\n**标签**：#扩散模型 #新标签\n\n---\n\n'],
    [
      '17. [StyleMe3D 论文链接](https://arxiv.org/html/2504.15281)',
      '\n18. [NewNet 项目主页](https://newnet.github.io/)\n19. [NewNet GitHub 仓库](https://github.com/a/newnet)\n20. [NewNet 论文链接](https://arxiv.org/abs/2504.00001)',
    ],
  );
  assert.equal(text, expected);
  assert.deepEqual(problems, [emptyFigure('NewNet 图')], 'only the figure is left to fill in');
  // The cursor lands on the summary.
  assert.equal(text!.slice(result.selection!.start, result.selection!.end), '**NewNet** 提出了新方法。');
});

test('zh sample: with the cursor between two papers, everything goes there and what follows is renumbered', () => {
  const cursor = zhSample.indexOf('## DreamID：');
  const { result, text, problems } = run(zhSample, { ...zhInput, cursor });
  assert.ok(result.ok);
  let expected = zhSample
    .replace('4. [DreamID', '4. [NewNet：一个新模型](#newnet一个新模型)\n5. [DreamID')
    .replace('5. [DreamO', '6. [DreamO')
    .replace('6. [StyleMe3D', '7. [StyleMe3D')
    .replace('## DreamID：', '## NewNet：一个新模型\n\n![NewNet 图]()\n\n**概要**：**NewNet** 提出了新方法。\n\n**标签**：#扩散模型 #新标签\n\n---\n\n## DreamID：')
    .replace(
      '9. [DreamID 项目主页]',
      '9. [NewNet 项目主页](https://newnet.github.io/)\n10. [NewNet GitHub 仓库](https://github.com/a/newnet)\n11. [NewNet 论文链接](https://arxiv.org/abs/2504.00001)\n9. [DreamID 项目主页]',
    );
  // Every old entry from DreamID on moves up by three.
  for (let n = 17; n >= 9; n--) expected = expected.replace(new RegExp(`\\n${n}\\. \\[(DreamI|DreamO|StyleMe3D)`), `\n${n + 3}. [$1`);
  assert.equal(text, expected);
  assert.deepEqual(problems, [emptyFigure('NewNet 图')], 'only the figure is left to fill in');
  assert.match(text!, /\n20\. \[StyleMe3D 论文链接\]/);
});

test('en issue: English labels, heading with ": ", slug of the English heading', () => {
  const { result, text, problems } = run(enSmall, {
    name: 'Gamma',
    title: 'Third Model',
    tags: ['LLM'],
    links: { project: 'https://gamma.example.org/' },
    urls: ['https://arxiv.org/pdf/2611.00003'],
    cursor: enSmall.indexOf('---\n\n## Beta'),
  });
  assert.ok(result.ok);
  const expected = [
    enSmall.slice(0, enSmall.indexOf('2. [Beta')),
    '2. [Gamma: Third Model](#gamma-third-model)\n3. [Beta',
    enSmall.slice(enSmall.indexOf(': Second Model](#beta'), enSmall.indexOf('## Beta')),
    '## Gamma: Third Model\n\n![Gamma figure]()\n\n**Summary**: \n\n**Tags**: #LLM\n\n---\n\n',
    enSmall.slice(enSmall.indexOf('## Beta'), enSmall.indexOf('3. [Beta GitHub]')),
    '3. [Gamma Project Page](https://gamma.example.org/)\n4. [Gamma Paper](https://arxiv.org/pdf/2611.00003)\n',
    '5. [Beta GitHub](https://github.com/example/beta)\n6. [Beta Paper](https://arxiv.org/abs/2611.00002)\n',
  ].join('');
  assert.equal(text, expected);
  // An empty summary: the cursor waits right after the label.
  assert.equal(result.selection!.start, result.selection!.end);
  assert.equal(text!.slice(result.selection!.start - 13, result.selection!.start), '**Summary**: ');
  // The empty summary is the one thing left to do.
  assert.ok(problems.every((p) => p.startsWith('paper-missing-field') || p.startsWith('image-missing: The image')), problems.join('\n'));
});

test('an empty file becomes an issue: TOC, section and reference list are created', () => {
  const { result, text, problems } = run('', zhInput);
  assert.ok(result.ok);
  assert.equal(
    text,
    '## 目录\n\n1. [NewNet：一个新模型](#newnet一个新模型)\n\n' +
      '## NewNet：一个新模型\n\n![NewNet 图]()\n\n**概要**：**NewNet** 提出了新方法。\n\n**标签**：#扩散模型 #新标签\n\n' +
      '### **参考链接**\n\n1. [NewNet 项目主页](https://newnet.github.io/)\n2. [NewNet GitHub 仓库](https://github.com/a/newnet)\n3. [NewNet 论文链接](https://arxiv.org/abs/2504.00001)\n',
  );
  assert.deepEqual(problems, [emptyFigure('NewNet 图')], 'only the figure is left to fill in');
});

test('a new issue from the template (zh and en) gets its first paper under the empty TOC', async () => {
  const { newIssueText } = await import('../../server/src/service/authoring');
  const { defaultPresets } = await import('../../server/src/service');
  const zh = newIssueText({ language: 'zh', preset: defaultPresets.zh, title: '第一期【AI周报】' });
  assert.equal(zh, '# 第一期【AI周报】\n\n![封面]()\n\n## 摘要\n\n本周亮点：\n\n---\n\n## 目录\n\n---\n\n### **参考链接**\n');
  const fresh = createLanguageService();
  for (const [name, text] of [['zh', zh], ['en', newIssueText({ language: 'en', preset: defaultPresets.en })]]) {
    const doc = { uri: `file:///ws/new-${name}.md`, version: 1, getText: () => text };
    assert.ok(fresh.isIssue(doc), `the ${name} template is a weekly issue by its shape`);
    const cover = name === 'zh' ? '封面' : text.match(/^!\[([^\]]*)\]\(\)/m)![1];
    assert.deepEqual(fresh.computeDiagnostics(doc).map((d) => `${d.code}: ${d.message}`), [emptyFigure(cover)], `the ${name} template has only its cover to fill in`);
  }
  const z = run(zh, zhInput);
  assert.equal(
    z.text,
    '# 第一期【AI周报】\n\n![封面]()\n\n## 摘要\n\n本周亮点：\n\n---\n\n## 目录\n\n1. [NewNet：一个新模型](#newnet一个新模型)\n\n---\n\n' +
      '## NewNet：一个新模型\n\n![NewNet 图]()\n\n**概要**：**NewNet** 提出了新方法。\n\n**标签**：#扩散模型 #新标签\n\n---\n\n' +
      '### **参考链接**\n\n1. [NewNet 项目主页](https://newnet.github.io/)\n2. [NewNet GitHub 仓库](https://github.com/a/newnet)\n3. [NewNet 论文链接](https://arxiv.org/abs/2504.00001)\n',
  );
  assert.deepEqual(z.problems, [emptyFigure('封面'), emptyFigure('NewNet 图')]);
  const en = newIssueText({ language: 'en', preset: defaultPresets.en, title: 'Issue 1' });
  const e = run(en, { name: 'Delta', title: 'A Model', summary: 'Delta works.', tags: ['Agents'], urls: ['https://github.com/x/delta'] });
  assert.equal(
    e.text,
    '# Issue 1\n\n![Cover]()\n\n## Summary\n\nThis week:\n\n---\n\n## Contents\n\n1. [Delta: A Model](#delta-a-model)\n\n---\n\n' +
      '## Delta: A Model\n\n![Delta figure]()\n\n**Summary**: Delta works.\n\n**Tags**: #Agents\n\n---\n\n' +
      '### **References**\n\n1. [Delta GitHub](https://github.com/x/delta)\n',
  );
  assert.deepEqual(e.problems, [emptyFigure('Cover'), emptyFigure('Delta figure')]);
});

test('refusals say why, in the client\'s language', () => {
  const notIssue = run('# Notes\n\nSome text.\n', zhInput, 'zh-cn');
  assert.equal(notIssue.result.ok, false);
  assert.match((notIssue.result as { message: string }).message, /不是周报/);
  const dup = run(zhSample, { ...zhInput, name: 'DreamO' }, 'en');
  assert.deepEqual(dup.result, { ok: false, message: 'This issue already has a paper named "DreamO".' });
  const badTag = run(zhSample, { ...zhInput, tags: ['two words'] }, 'en');
  assert.equal(badTag.result.ok, false);
  assert.match((badTag.result as { message: string }).message, /"two words" is not a tag/);
  const badUrl = run(zhSample, { ...zhInput, urls: ['ftp://x'] }, 'zh-CN');
  assert.deepEqual(badUrl.result, { ok: false, message: '“ftp://x”不是 http(s) 链接。' });
  const noName = run(zhSample, { ...zhInput, name: '  ' }, 'en');
  assert.deepEqual(noName.result, { ok: false, message: 'The paper needs a name.' });
});

test('a title that would shift the anchor of a later heading is refused', () => {
  // The new heading equals a later one: GitHub would give the later one a "-1" suffix, breaking its links.
  const cursor = zhSample.indexOf('## DreamID：');
  const r = run(zhSample, { name: 'DreamO!', title: '多条件图像定制统一框架', cursor }, 'en');
  assert.deepEqual(r.result, {
    ok: false,
    message: 'A heading "DreamO!：多条件图像定制统一框架" would change the anchor of a heading below it; choose another title.',
  });
  // After the last paper the same heading is fine: it takes the "-1" suffix itself.
  const last = run(zhSample, { name: 'DreamO!', title: '多条件图像定制统一框架' }, 'en');
  assert.ok(last.result.ok);
  assert.match(last.text!, /\n7\. \[DreamO!：多条件图像定制统一框架\]\(#dreamo多条件图像定制统一框架-1\)\n/);
});

test('CRLF documents: the same edit, with CRLF line ends, and the cursor on the summary', () => {
  const crlf = zhSample.replace(/\n/g, '\r\n');
  const cursor = crlf.indexOf('## DreamID：');
  const lf = run(zhSample, { ...zhInput, cursor: zhSample.indexOf('## DreamID：') });
  const r = run(crlf, { ...zhInput, cursor });
  assert.ok(r.result.ok);
  assert.equal(r.text, lf.text!.replace(/\n/g, '\r\n'));
  assert.equal(r.text!.slice(r.result.selection!.start, r.result.selection!.end), '**NewNet** 提出了新方法。');
  assert.deepEqual(r.problems, [emptyFigure('NewNet 图')]);
});
