/** paper-repeat: a paper covered in an earlier issue of the workspace (by identity), or twice in one issue. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { docAt, uriOf, workspaceService } from './navigationWorkspace';
import { compareIssues, dateInFileName } from '../../server/src/service/paperRepeat/paperIdentities';

/** A small issue with one paper per [name, heading text, link]. */
function issue(papers: Array<[string, string, string]>, frontMatter = ''): string {
  const toc = papers.map(([name, rest], i) => `${i + 1}. [${name}：${rest}](#)`).join('\n');
  const sections = papers.map(([name, rest]) => `## ${name}：${rest}\n\n**概要**：${name} 做了一件事。\n\n**标签**：#视频生成\n`).join('\n');
  const refs = papers.map(([name, , url], i) => `${i + 1}. [${name} 论文链接](${url})`).join('\n');
  return `${frontMatter}# 周报\n\n## 目录\n\n${toc}\n\n${sections}\n## 参考链接\n\n${refs}\n`;
}

const APRIL = issue([['FramePack', '视频生成的上下文压缩', 'https://arxiv.org/abs/2504.12626']]);
const MAY = issue([
  ['Other', '无关的论文', 'https://arxiv.org/abs/2505.00001'],
  ['FramePack', '又一次', 'https://arxiv.org/pdf/2504.12626v2'],
]);

function offsetRange(text: string, needle: string, nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, needle);
  return { start: at, end: at + needle.length };
}

describe('paper-repeat across issues', () => {
  it('abs/ in an earlier issue and pdf/…v2 in a later one: reported on the later heading, related to the earlier', async () => {
    const { service } = await workspaceService({ '2025-04-18.md': APRIL, '2025-05-09.md': MAY });
    const { doc } = docAt('2025-05-09.md', MAY);
    const found = service.getFindings(doc).filter((f) => f.code === 'paper-repeat');
    assert.equal(found.length, 1, 'the unrelated paper is not reported');
    assert.deepEqual({ start: found[0].start, end: found[0].end }, offsetRange(MAY, 'FramePack：又一次', 1));
    assert.match(found[0].message, /2025-04-18/);
    assert.match(found[0].message, /arxiv:2504\.12626/);
    const heading = offsetRange(APRIL, 'FramePack：视频生成的上下文压缩', 1);
    assert.deepEqual(found[0].related, [{ uri: uriOf('2025-04-18.md'), ...heading, message: 'First covered here' }]);
    const [diagnostic] = service.computeDiagnostics(doc).filter((d) => d.code === 'paper-repeat');
    const line = APRIL.split('\n').findIndex((l) => l.startsWith('## FramePack'));
    assert.deepEqual(diagnostic.relatedInformation, [
      { location: { uri: uriOf('2025-04-18.md'), range: { start: { line, character: 3 }, end: { line, character: 3 + 'FramePack：视频生成的上下文压缩'.length } } }, message: 'First covered here' },
    ]);
    // The earlier issue is not reported for the later one.
    assert.deepEqual(service.getFindings(docAt('2025-04-18.md', APRIL).doc).filter((f) => f.code === 'paper-repeat'), []);
  });

  it('front matter date wins over the file name; without dates the file path orders', async () => {
    const dated = '---\ndate: 2025-06-01\n---\n' + APRIL;
    const { service } = await workspaceService({ 'a.md': dated, 'b.md': MAY });
    // Only one of the two has a date: the path decides (a.md before b.md).
    assert.equal(service.getFindings(docAt('b.md', MAY).doc).filter((f) => f.code === 'paper-repeat').length, 1);
    const { service: s2 } = await workspaceService({ '2025-05-09.md': MAY, 'x.md': '---\ndate: 2025-06-01\n---\n' + APRIL });
    const found = s2.getFindings(docAt('x.md', '---\ndate: 2025-06-01\n---\n' + APRIL).doc).filter((f) => f.code === 'paper-repeat');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /2025-05-09/);
  });

  it('the same GitHub repository or project page in another form counts; other pages do not', async () => {
    const a = issue([['Repo', '一', 'https://github.com/Lllyasviel/FramePack/tree/main']]);
    const b = issue([['Repo2', '二', 'https://github.com/lllyasviel/framepack']]);
    const c = issue([['Page', '三', 'https://www.example.org/proj/?utm_source=x#top']]);
    const d = issue([['Page2', '四', 'http://example.org/proj']]);
    const e = issue([['Else', '五', 'https://example.org/other']]);
    const { service } = await workspaceService({ '2025-01-01.md': a, '2025-01-08.md': b, '2025-01-15.md': c, '2025-01-22.md': d, '2025-01-29.md': e });
    const count = (name: string, text: string) => service.getFindings(docAt(name, text).doc).filter((f) => f.code === 'paper-repeat').length;
    assert.equal(count('2025-01-08.md', b), 1);
    assert.equal(count('2025-01-22.md', d), 1);
    assert.equal(count('2025-01-29.md', e), 0);
  });

  it('follows the index: a file that changes or goes takes its papers with it', async () => {
    const { service, index, workspace } = await workspaceService({ '2025-04-18.md': APRIL, '2025-05-09.md': MAY });
    const later = docAt('2025-05-09.md', MAY);
    assert.equal(service.getFindings(later.doc).filter((f) => f.code === 'paper-repeat').length, 1);
    workspace.files.set(uriOf('2025-04-18.md'), APRIL.replace('2504.12626', '2504.99999'));
    await index.refreshFile(uriOf('2025-04-18.md'));
    service.forget(later.doc.uri);
    assert.equal(service.getFindings(later.doc).filter((f) => f.code === 'paper-repeat').length, 0);
    workspace.files.set(uriOf('2025-04-18.md'), APRIL);
    await index.refreshFile(uriOf('2025-04-18.md'));
    service.forget(later.doc.uri);
    assert.equal(service.getFindings(later.doc).filter((f) => f.code === 'paper-repeat').length, 1);
    index.removeFile(uriOf('2025-04-18.md'));
    service.forget(later.doc.uri);
    assert.equal(service.getFindings(later.doc).filter((f) => f.code === 'paper-repeat').length, 0);
  });

  it('the severity setting turns it off', async () => {
    const { defaultConfig } = await import('../../server/src/service/config/weeklyConfig');
    const config = { ...defaultConfig, severity: { 'paper-repeat': 'off' as const } };
    const { service } = await workspaceService({ '2025-04-18.md': APRIL, '2025-05-09.md': MAY }, { getConfig: () => config });
    assert.equal(service.getFindings(docAt('2025-05-09.md', MAY).doc).filter((f) => f.code === 'paper-repeat').length, 0);
  });
});

describe('paper-repeat within an issue', () => {
  it('a second paper with an identity of the first (another link form) is reported on the second, related to the first', async () => {
    const text = issue([
      ['Alpha', '一', 'https://arxiv.org/abs/2501.00001'],
      ['Beta', '二', 'https://huggingface.co/papers/2501.00001'],
    ]);
    const { service } = await workspaceService({});
    const { doc } = docAt('one.md', text);
    const [f, ...rest] = service.getFindings(doc).filter((x) => x.code === 'paper-repeat');
    assert.equal(rest.length, 0);
    assert.deepEqual({ start: f.start, end: f.end }, offsetRange(text, 'Beta：二', 1));
    assert.deepEqual(f.related, [{ uri: '', ...offsetRange(text, 'Alpha：一', 1), message: 'First covered here' }]);
    const [d] = service.computeDiagnostics(doc).filter((x) => x.code === 'paper-repeat');
    assert.equal(d.relatedInformation![0].location.uri, doc.uri);
  });
});

describe('issue order', () => {
  it('reads a date from the file name and compares by date, else by path', () => {
    assert.equal(dateInFileName('file:///a/weekly-2025-04-18-ai.md'), '2025-04-18');
    assert.equal(dateInFileName('file:///2025-04/issue12.md'), undefined);
    assert.equal(dateInFileName('file:///a/12025-04-181.md'), undefined);
    assert.ok(compareIssues({ uri: 'z', date: '2025-01-01' }, { uri: 'a', date: '2025-02-01' }) < 0);
    assert.ok(compareIssues({ uri: 'a' }, { uri: 'b', date: '2025-02-01' }) < 0);
    assert.equal(compareIssues({ uri: 'a' }, { uri: 'a' }), 0);
  });
});

describe('paper-repeat hover', () => {
  it('a repeated paper heading says where it was covered; another heading says nothing of it', async () => {
    const { service } = await workspaceService({ '2025-04-18.md': APRIL, '2025-05-09.md': MAY });
    const { doc } = docAt('2025-05-09.md', MAY);
    const at = (needle: string) => {
      const before = MAY.slice(0, MAY.lastIndexOf(needle) + 2).split('\n');
      return { line: before.length - 1, character: before[before.length - 1].length };
    };
    const hover = await service.getHover(doc, at('## FramePack'));
    assert.ok(hover);
    assert.equal((hover.contents as { value: string }).value, 'Covered in 2025-04-18 (FramePack：视频生成的上下文压缩)');
    const line = MAY.split('\n').findIndex((l) => l.startsWith('## FramePack'));
    assert.deepEqual(hover.range, { start: { line, character: 3 }, end: { line, character: 3 + 'FramePack：又一次'.length } });
    assert.equal(await service.getHover(doc, at('## Other')), null);
  });
});
