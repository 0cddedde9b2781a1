/**
 * The renderer's own words in two languages: an image placeholder is part of the issue and follows the
 * document's language; the problem header and the "not previewed" note are the editor's and follow the
 * host's locale (`uiLocale`: VS Code's display language in the preview, LANG in the CLI).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { createLanguageService, defaultConfig } from '../../server/src/service';
import { createRenderCache, renderDocument, renderIssue } from '../../server/src/service/render';

const sample = fs.readFileSync(path.join(__dirname, '..', '..', 'examples', 'ai-weekly-sample.md'), 'utf8');

function modelOf(text: string) {
  return createLanguageService().getModel({ uri: 'file:///ws/a.md', version: 1, getText: () => text });
}

const zhImages = '# 周报\n\n## 摘要\n\n本周的论文。\n\n![SAM 2 图]()\n\n![远程图](https://x.org/b.png)\n';
const enImages = '# Weekly\n\n## Summary\n\nThis week.\n\n![SAM 2 figure]()\n\n![remote](https://x.org/b.png)\n';
const blockRemote = (src: string) => (src.startsWith('https:') ? undefined : src);

/** The text of each image placeholder (name — reason). */
const placeholders = (html: string) => [...html.matchAll(/<span class="image-placeholder"[^>]*><span class="image-placeholder-name">([^<]*)<\/span>([^<]*)<\/span>/g)].map((m) => m[1] + m[2]);

describe('render: the texts in the issue follow the document\'s language', () => {
  it('a zh issue\'s placeholders are in Chinese, whatever the editor\'s language', () => {
    for (const uiLocale of ['en', 'zh-cn', undefined]) {
      const html = renderIssue(modelOf(zhImages), { imageSrc: blockRemote, uiLocale }).html;
      assert.deepEqual(placeholders(html), ['SAM 2 图 — 还没有图片路径', '远程图 — 此处未加载：远程图片已关闭，或文件不在工作区内'], String(uiLocale));
    }
  });

  it('a Markdown file that is no issue goes by its script: an English note gets English', () => {
    const html = renderIssue(modelOf('Notes.\n\n![figure]()\n'), { uiLocale: 'zh-cn' }).html;
    assert.deepEqual(placeholders(html), ['figure — no image path yet']);
  });

  it('an en issue\'s placeholders are in English, in a Chinese editor too', () => {
    const html = renderIssue(modelOf(enImages), { imageSrc: blockRemote, uiLocale: 'zh-cn' }).html;
    assert.deepEqual(placeholders(html), [
      'SAM 2 figure — no image path yet',
      'remote — not loaded here: remote images are off, or the file is outside the workspace',
    ]);
    assert.match(html, /aria-label="SAM 2 figure: no image path yet"/);
  });
});

describe('render: the problem header follows the editor\'s language', () => {
  const header = (html: string) => html.slice(html.indexOf('<header'), html.indexOf('</header>') + 9);

  it('the sample (zh) in an English editor: "0 errors 0 warnings 1 note" (its ref-kind-mismatch), "Go to the first problem"', () => {
    const service = createLanguageService();
    const doc = { uri: 'file:///ws/sample.md', version: 1, getText: () => sample };
    const rendered = renderDocument(service, doc, { cache: createRenderCache(), uiLocale: 'en' });
    const line = sample.split('\n').findIndex((l) => l.includes('[Step1X-Edit 项目主页]'));
    assert.equal(
      header(rendered.html),
      `<header class="weekly-problems weekly-problems-found" data-errors="0" data-warnings="0" data-infos="1" role="button" tabindex="0" data-first-line="${line}" title="Go to the first problem">` +
        '<span class="problems-errors problems-zero">0 errors</span><span class="problems-warnings problems-zero">0 warnings</span><span class="problems-infos">1 note</span></header>',
    );
  });

  it('in a Chinese editor (zh-CN as VS Code sends it): 个错误, 个警告, 条提示, 转到第一个问题', () => {
    const service = createLanguageService();
    const doc = { uri: 'file:///ws/sample.md', version: 1, getText: () => sample };
    const html = renderDocument(service, doc, { cache: createRenderCache(), uiLocale: 'zh-CN' }).html;
    assert.match(header(html), /title="转到第一个问题"><span class="problems-errors problems-zero">0 个错误<\/span><span class="problems-warnings problems-zero">0 个警告<\/span><span class="problems-infos">1 条提示<\/span><\/header>$/);
  });

  it('a clean document: "No problems" / "没有问题"; English without a locale', () => {
    const model = modelOf(enImages.replace(/!\[[^\n]*\n/g, ''));
    assert.match(renderIssue(model).html, /<span class="problems-none">No problems<\/span>/);
    assert.match(renderIssue(model, { uiLocale: 'zh-cn' }).html, /<span class="problems-none">没有问题<\/span>/);
  });

  it('a document over maxFileSize is not previewed, said in the editor\'s language', () => {
    const service = createLanguageService();
    const doc = { uri: 'file:///ws/big.md', version: 1, getText: () => '# 周报\n\n' + '字'.repeat(50) };
    const config = { ...defaultConfig, maxFileSize: 10 };
    assert.equal(renderDocument(service, doc, { config, uiLocale: 'zh-cn' }).html, '<p class="render-too-large">未预览：此文档有 56 个字符，超过 weekly.maxFileSize（10）。</p>');
    assert.equal(renderDocument(service, doc, { config }).html, '<p class="render-too-large">Not previewed: this document has 56 characters, more than weekly.maxFileSize (10).</p>');
  });
});
