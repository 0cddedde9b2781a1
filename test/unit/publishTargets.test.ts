/**
 * The publishing targets (render/targets/): WeChat and email restyle the preview's tree with inline
 * styles only; exact expectations on the sample issue (examples/ai-weekly-sample.md) and small cases.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createLanguageService } from '../../server/src/service';
import { createRenderCache, issueUrl, renderForTarget, type PublishTarget } from '../../server/src/service/render';
import { renderCommand } from '../../server/src/cli/render';

const samplePath = path.join(__dirname, '..', '..', 'examples', 'ai-weekly-sample.md');
const sample = fs.readFileSync(samplePath, 'utf8');

function modelOf(text: string) {
  return createLanguageService().getModel({ uri: 'file:///ws/2026-01-02-issue.md', version: 1, getText: () => text });
}
function publish(text: string, target: PublishTarget, pageUrl?: string) {
  return renderForTarget(modelOf(text), target, { cache: createRenderCache(), pageUrl });
}
const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;

describe('render target: wechat on the sample', () => {
  const model = modelOf(sample);
  const out = publish(sample, 'wechat');

  it('no <style>, <script> or <link> in the page, and no class, id or in-page link in the content', () => {
    assert.doesNotMatch(out.page, /<(style|script|link)\b/i);
    assert.doesNotMatch(out.fragment, /\s(class|id|name)="/);
    assert.doesNotMatch(out.fragment, /href="#/);
    assert.doesNotMatch(out.fragment, /<a\b/, 'WeChat shows no outside links: every link is text and a note');
  });

  it('every heading, paragraph, list item and tag has its look inline', () => {
    for (const tag of ['h1', 'h2', 'h3', 'p', 'li', 'ol', 'span', 'strong', 'hr', 'img']) {
      const all = count(out.fragment, new RegExp(`<${tag}\\b`, 'g'));
      const styled = count(out.fragment, new RegExp(`<${tag}\\b[^>]*style="[^"]+"`, 'g'));
      assert.ok(all > 0 && styled === all, `${tag}: ${styled} of ${all} styled`);
    }
    assert.match(out.fragment, /^<section style="font-family:[^"]*font-size:15px;line-height:1.75;color:#1f2328;/);
  });

  it('the 30 tags are styled inline text, as in the preview (a chip)', () => {
    const tags = [...out.fragment.matchAll(/<span style="([^"]*)">(#[^<]+)<\/span>/g)];
    assert.equal(tags.length, 30);
    assert.equal(tags[0][2], '#视频生成');
    assert.ok(tags.every((t) => /background-color:#ddf4ff;color:#0550ae;/.test(t[1])));
  });

  it('the TOC is a plain numbered list of the six papers', () => {
    const toc = out.fragment.slice(out.fragment.indexOf('目录</h2>'), out.fragment.indexOf('<h2', out.fragment.indexOf('目录</h2>')));
    assert.equal(count(toc, /<ol\b/g), 1);
    assert.equal(count(toc, /<li\b/g), 6);
    assert.match(toc, />FramePack：提升视频生成效率的上下文压缩框架<\/li>/);
  });

  it('the notes are the 17 references, numbered as the 参考链接, and each entry carries its number', () => {
    const entries = model.references!.entries;
    assert.equal(entries.length, 17);
    assert.deepEqual(out.notes.map((n) => [n.number, n.url]), entries.map((e) => [e.number, e.url]));
    const notes = [...out.fragment.matchAll(/<p style="[^"]*">\[(\d+)\] (.*?)<\/p>/g)].map((m) => [Number(m[1]), m[2].replace(/<[^>]+>/g, '')]);
    assert.equal(notes.length, 17);
    // The kind as text where the link text does not say it: "Step1X-Edit 项目主页" is a GitHub repository.
    assert.deepEqual(notes[3], [4, 'GitHub 仓库 Step1X-Edit 项目主页: https://github.com/stepfun-ai/Step1X-Edit']);
    assert.match(out.fragment, /\[4\] <span style="[^"]*border-color:[^"]*">GitHub 仓库<\/span> Step1X-Edit/);
    assert.deepEqual(out.notes.map((n) => n.kind).slice(0, 4), ['project', 'github', 'paper', 'github']);
    assert.deepEqual(notes[0], [1, 'FramePack 项目主页: https://lllyasviel.github.io/frame_pack_gitpage/']);
    assert.deepEqual(notes[16], [17, 'StyleMe3D 论文链接: https://arxiv.org/html/2504.15281']);
    assert.match(out.fragment, /StyleMe3D GitHub 仓库<sup style="[^"]*">\[16\]<\/sup><\/li>/);
  });

  it('the local image is reported with its line and left out as its description', () => {
    assert.deepEqual(out.problems, [{ kind: 'image', line: 24, src: '/assets/images/ai-weekly/ui.png' }]);
    assert.doesNotMatch(out.fragment, /ui\.png/);
    assert.match(out.fragment, /\[图片: FramePack 示例\]/);
    assert.equal(count(out.fragment, /<img src="https:\/\//g), 6, "the cover and five papers' images");
  });
});

describe('render target: wechat, small cases', () => {
  const refs = '\n## 参考链接\n\n1. [A 项目主页](https://a.example/)\n2. [A 论文](https://arxiv.org/abs/2401.00001)\n';

  it('a body link to a reference gets its number; other links are numbered after the references', () => {
    const out = publish(`# T\n\nSee [the paper](https://arxiv.org/abs/2401.00001) and [a blog](https://blog.example/post) and [the paper again](https://arxiv.org/abs/2401.00001).\n${refs}`, 'wechat');
    assert.match(out.fragment, /the paper<sup[^>]*>\[2\]<\/sup> and a blog<sup[^>]*>\[3\]<\/sup> and the paper again<sup[^>]*>\[2\]<\/sup>/);
    assert.deepEqual(out.notes.map((n) => n.number), [1, 2, 3]);
    // Kinds: the references' from their URLs; an outside link's only where known (a blog: none).
    assert.deepEqual(out.notes.map((n) => n.kind), ['project', 'paper', undefined]);
    assert.match(out.fragment, /\[1\] A 项目主页: https/, 'the text says the kind: no label');
    assert.match(out.fragment, /\[2\] <span[^>]*>论文链接<\/span> A 论文: https/, 'the preset\'s word, as the preview\'s chip');
    assert.match(out.fragment, /\[3\] a blog: https/);
  });

  it('lists deeper than two levels become lines of their item; in-page and relative links become text', () => {
    const out = publish('# T\n\n- one\n  - two\n    - three\n    - four\n\n[up](#t) and [file](./other.md)\n', 'wechat');
    assert.equal(count(out.fragment, /<ul\b/g), 2);
    assert.match(out.fragment, /– three<\/p>/);
    assert.match(out.fragment, />up and file<\/p>/);
  });

  it('http, relative and protocol-relative images: only https ones stay', () => {
    const out = publish('# T\n\n![a](http://x.example/a.png) ![b](img/b.png) ![c](//cdn.example/c.png)\n', 'wechat');
    assert.deepEqual(out.problems.map((p) => p.src), ['http://x.example/a.png', 'img/b.png']);
    assert.match(out.fragment, /<img src="https:\/\/cdn.example\/c.png"/);
  });
});

describe('render target: email on the sample', () => {
  it('real links kept in a 640 px column; no base URL: the TOC is a plain list', () => {
    const out = publish(sample, 'email');
    assert.doesNotMatch(out.page, /<(style|script|link)\b/i);
    assert.doesNotMatch(out.fragment, /\s(class|id)="|href="#/);
    assert.match(out.fragment, /^<table style="width:100%;[^"]*" role="presentation" width="100%"><tr><td><table style="width:100%;max-width:640px;/);
    assert.equal(count(out.fragment, /<a href="https:\/\/[^"]*" style="color:#0969da;text-decoration:none;">/g), 17);
    assert.match(out.fragment, /<li style="[^"]*">FramePack：提升视频生成效率的上下文压缩框架<\/li>/);
  });

  it('with the issue page known, the TOC links to its headings there', () => {
    const page = issueUrl('https://example.com/weekly/', samplePath)!;
    assert.equal(page, 'https://example.com/weekly/ai-weekly-sample.html');
    const out = publish(sample, 'email', page);
    assert.match(out.fragment, /<a href="https:\/\/example.com\/weekly\/ai-weekly-sample.html#framepack%E6%8F%90[^"]*" style=/);
    assert.deepEqual(out.problems.map((p) => p.src), [], 'the site-absolute image resolves against the site');
    assert.match(out.fragment, /<img src="https:\/\/example.com\/assets\/images\/ai-weekly\/ui.png"/);
  });

  it('the plain-text part: headings underlined, the TOC numbered, links as <url>', () => {
    const text = publish(sample, 'email').text!;
    assert.match(text, /^FramePack压缩加速视频生成 \| Step1X-Edit开源高质量图像编辑 \| DreamID高保真换脸【AI周报】\n=+\n/);
    assert.match(text, /\n目录\n----\n\n1\. FramePack：提升视频生成效率的上下文压缩框架\n2\. Step1X-Edit/);
    assert.match(text, /\n4\. GitHub 仓库 Step1X-Edit 项目主页 <https:\/\/github.com\/stepfun-ai\/Step1X-Edit>\n[\s\S]*\n17\. StyleMe3D 论文链接 <https:\/\/arxiv.org\/html\/2504.15281>\n$/);
    assert.doesNotMatch(text, /<(p|li|span|a)\b/);
  });
});

describe('issueUrl', () => {
  it('{name} is replaced; a base without it is a folder of NAME.html; nothing without a base', () => {
    assert.equal(issueUrl('https://s.example/p/{name}/', '/a/2026-01-02.md'), 'https://s.example/p/2026-01-02/');
    assert.equal(issueUrl('https://s.example/weekly', '/a/b c.md'), 'https://s.example/weekly/b%20c.html');
    assert.equal(issueUrl('', '/a/x.md'), undefined);
    assert.equal(issueUrl('not a url', '/a/x.md'), undefined);
  });
});

describe('weekly-issues render --target', () => {
  it('wechat -o: writes the page, reports the local image on stderr, exit 1 with --strict', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'publish-'));
    const base = { file: samplePath, root: '.', problems: false, cwd: dir, target: 'wechat' as const, out: 'w.html' };
    const loose = renderCommand(base);
    assert.equal(loose.exitCode, 0);
    assert.deepEqual(loose.stderr, [`${samplePath}:24: Image "/assets/images/ai-weekly/ui.png" is left out: WeChat cannot load it; use an https URL. [image-unloadable]`]);
    assert.equal(renderCommand({ ...base, strict: true }).exitCode, 1);
    assert.doesNotMatch(fs.readFileSync(path.join(dir, 'w.html'), 'utf8'), /<style|class="/);
  });

  it('email --text: the HTML and the plain-text part', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'publish-'));
    const result = renderCommand({ file: samplePath, root: '.', problems: false, cwd: dir, target: 'email', out: 'e.html', textOut: 'e.txt' });
    assert.equal(result.exitCode, 0);
    assert.match(fs.readFileSync(path.join(dir, 'e.html'), 'utf8'), /max-width:640px/);
    assert.match(fs.readFileSync(path.join(dir, 'e.txt'), 'utf8'), /^FramePack压缩/);
  });
});
