/**
 * checkPublish (render/targets/publishCheck.ts): what would reach readers broken, the one list the CLI,
 * the LSP request and VS Code's publish commands show. Exact findings, in English and Chinese.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { createLanguageService, defaultConfig } from '../../server/src/service';
import { checkPublish } from '../../server/src/service/render';

const samplePath = path.join(__dirname, '..', '..', 'examples', 'ai-weekly-sample.md');
const sample = fs.readFileSync(samplePath, 'utf8');

function check(text: string, target: 'wechat' | 'email', locale = 'en') {
  const service = createLanguageService({ locale: () => locale });
  const doc = { uri: 'file:///ws/2026-01-02-issue.md', version: 1, getText: () => text };
  return checkPublish(service, doc, target, { config: defaultConfig, filePath: '/ws/2026-01-02-issue.md' });
}

const ISSUE = [
  '# 周报',
  '',
  '## 目录',
  '',
  '1. [甲](#甲)',
  '2. [乙](#不存在)',
  '',
  '## 甲',
  '',
  '前文 **概要：**内容',
  '',
  '![图](./local.png)',
  '',
  '## 乙',
  '',
  '![远](https://example.com/a.png)',
  '',
].join('\n');

describe('checkPublish', () => {
  it('the sample: only its local image, with the line and the target\'s reason', () => {
    const { findings, published } = check(sample, 'wechat');
    assert.deepEqual(findings, [{ code: 'image-unloadable', line: 24, message: 'Image "/assets/images/ai-weekly/ui.png" is left out: WeChat cannot load it; use an https URL.' }]);
    assert.doesNotMatch(published.page, /<style|<script/);
    const email = check(sample, 'email');
    assert.match(email.findings[0].message, /mail clients cannot load it/);
    assert.equal(typeof email.published.text, 'string');
  });

  it('a broken TOC anchor, literal emphasis and a relative image, in source order', () => {
    const { findings } = check(ISSUE, 'wechat');
    assert.deepEqual(findings.map((f) => [f.code, f.line]), [['toc-broken-anchor', 6], ['emphasis-unrendered', 10], ['image-unloadable', 12]]);
    // The https image loads: not reported.
    assert.ok(!findings.some((f) => f.message.includes('example.com')));
  });

  it('in Chinese when the host is', () => {
    const { findings } = check(ISSUE, 'email', 'zh-cn');
    const image = findings.find((f) => f.code === 'image-unloadable')!;
    assert.equal(image.message, '图片“./local.png”已略去：邮件客户端无法加载它；请使用绝对地址，或设置 weekly.publish.baseUrl。');
    assert.match(findings.find((f) => f.code === 'emphasis-unrendered')!.message, /原样显示/);
  });

  it('other rules\' findings (not seen by readers: a repeated tag) stay out', () => {
    const text = sample.replace('#视频生成', '#视频生成 #视频生成');
    const service = createLanguageService();
    const codes = service.computeDiagnostics({ uri: 'file:///ws/2026-01-02-issue.md', version: 1, getText: () => text }).map((d) => d.code);
    // The sample also labels one paper link as a project page (ref-kind-mismatch, on by default).
    assert.deepEqual(codes, ['tag-duplicate', 'ref-kind-mismatch']);
    assert.deepEqual(check(text, 'wechat').findings.map((f) => f.code), ['image-unloadable']);
  });

  it('bad input does not throw', () => {
    for (const text of ['', '![](  )', '[x](#)', '\u0000**：**']) assert.doesNotThrow(() => check(text, 'wechat'));
  });
});
