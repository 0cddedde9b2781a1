/**
 * `weekly/publish` over stdio: the open document as WeChat and email get it, and what would reach readers
 * broken, in the client's language. Needs `node esbuild.mjs` (runs dist/extension.js as the server).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LspClient, REPO_ROOT } from './lspClient';
import { PublishRequestMethod, type PublishResult } from '../../server/src/protocol/commandProtocol';

const sample = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'ai-weekly-sample.md'), 'utf8');

describe('LSP: weekly/publish', () => {
  let workspace: string;
  let client: LspClient;
  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-lsp-publish-'));
    client = await LspClient.start({ workspaceFolders: [workspace], locale: 'zh-cn', settings: { weekly: { publish: { baseUrl: 'https://weekly.example/issues' } } } });
  });
  after(async () => {
    assert.equal(await client.stop(), 0, client.stderr);
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('wechat: inline-styled HTML without <style>/<script>/anchors, and the local image as a finding in Chinese', async () => {
    const uri = client.uri('2026-01-02-issue.md');
    client.open(uri, sample);
    const result = await client.request<PublishResult>(PublishRequestMethod, { uri, target: 'wechat' });
    assert.equal(result.error, undefined);
    assert.match(result.html!, /^<section style="/);
    assert.doesNotMatch(result.html!, /<(style|script|link)\b|href="#|\sclass="/);
    assert.doesNotMatch(result.page!, /<(style|script|link)\b/);
    assert.deepEqual(result.findings, [
      { code: 'image-unloadable', line: 24, message: '图片“/assets/images/ai-weekly/ui.png”已略去：微信无法加载它；请使用 https 地址。' },
    ]);
  });

  it('email: the text part, TOC links to the page under weekly.publish.baseUrl, a broken anchor and literal emphasis listed, the site image loads', async () => {
    const uri = client.uri('2026-01-03-issue.md');
    client.open(uri, sample.replace('](#framepack', '](#nowhere').replace('\n## ', '\n**概要：**内容\n\n## '));
    const result = await client.request<PublishResult>(PublishRequestMethod, { uri, target: 'email' });
    assert.match(result.text!, /FramePack/);
    assert.match(result.html!, /href="https:\/\/weekly\.example\/issues\//);
    // The site-absolute image loads from under weekly.publish.baseUrl in email: not a finding there.
    assert.deepEqual(result.findings!.map((f) => f.code).sort(), ['emphasis-unrendered', 'toc-broken-anchor']);
  });

  it('a document the server does not have: an error, not a crash', async () => {
    const result = await client.request<PublishResult>(PublishRequestMethod, { uri: client.uri('missing.md'), target: 'wechat' });
    assert.equal(result.error, '语言服务器中没有打开此文档。');
    const bad = await client.request<PublishResult>(PublishRequestMethod, null);
    assert.ok(bad.error);
  });
});
