/**
 * The issue renderer on real texts: heading ids are the model's slugs (every TOC link of the sample lands
 * on an element id), tags become chips, reference entries show their kind, broken anchors are marked with
 * the checker's message, the header counts problems, block elements carry their source line, and the
 * section-cached render equals a whole-document render.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { createLanguageService, defaultConfig } from '../../server/src/service';
import { createRenderCache, renderDocument, renderIssue, referenceKindOf, resolveImageSource } from '../../server/src/service/render';

const root = path.join(__dirname, '..', '..');
const sample = fs.readFileSync(path.join(root, 'examples', 'ai-weekly-sample.md'), 'utf8');
const brokenIssue = fs.readFileSync(path.join(root, 'test', 'fixtures', 'broken-issue.md'), 'utf8');

function render(text: string, uri = 'file:///ws/issue.md') {
  const service = createLanguageService();
  const doc = { uri, version: 1, getText: () => text };
  return { service, doc, model: service.getModel(doc), rendered: renderDocument(service, doc, { cache: createRenderCache() }) };
}

/** Every start tag of the (well-formed, rehype-stringify) output with its attributes, decoded. */
function tags(html: string): { name: string; attrs: Record<string, string>; at: number }[] {
  const out: { name: string; attrs: Record<string, string>; at: number }[] = [];
  for (const m of html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*\/?>/g)) {
    const attrs: Record<string, string> = {};
    for (const a of m[2].matchAll(/([^\s=>]+)(?:="([^"]*)")?/g)) attrs[a[1]] = decodeEntities(a[2] ?? '');
    out.push({ name: m[1].toLowerCase(), attrs, at: m.index! });
  }
  return out;
}
function decodeEntities(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
/** The text between an element's start tag and its end tag (no nesting of the same tag expected). */
function textOf(html: string, at: number, name: string): string {
  const open = html.indexOf('>', at) + 1;
  return html.slice(open, html.indexOf(`</${name}>`, open)).replace(/<[^>]+>/g, '');
}

describe('render: heading ids', () => {
  it('every TOC link of the sample lands on an element whose id is the model slug of its heading', () => {
    const { model, rendered } = render(sample);
    const all = tags(rendered.html);
    const ids = new Set(all.map((t) => t.attrs.id).filter(Boolean));
    assert.equal(model.toc?.entries.length, 6);
    for (const entry of model.toc!.entries) {
      const href = all.find((t) => t.name === 'a' && t.attrs.href && decodeURIComponent(t.attrs.href.slice(1)) === entry.link.fragment);
      assert.ok(href, `a link to #${entry.link.fragment} is rendered`);
      assert.ok(ids.has(entry.link.fragment!), `#${entry.link.fragment} has an element with that id`);
    }
    const headingTags = all.filter((t) => /^h[1-6]$/.test(t.name));
    assert.deepEqual(headingTags.map((t) => t.attrs.id), model.headings.map((h) => h.slug));
  });

  it('duplicate headings get the model suffixes, and raw HTML headings do not take a Markdown slug', () => {
    const text = '## Intro\n\n## Intro\n\n<h2 id="intro">fake</h2>\n\n[a](#intro-1) [b](#intro)\n';
    const { model, rendered } = render(text);
    assert.deepEqual(model.headings.map((h) => h.slug), ['intro', 'intro-1']);
    const h2 = tags(rendered.html).filter((t) => t.name === 'h2').map((t) => t.attrs.id);
    assert.deepEqual(h2, ['intro', 'intro-1', 'user-content-intro']);
    assert.match(rendered.html, /<a href="#intro">b<\/a>/);
  });

  it('links to raw HTML anchors and footnotes follow the sanitizer prefix, so they still land', () => {
    const text = '# T\n\n<a name="old"></a>\n\n<div id="box">x</div>\n\n[to old](#old) [to box](#box) note[^1]\n\n[^1]: the note\n';
    const { rendered } = render(text);
    const all = tags(rendered.html);
    const targets = new Set(all.flatMap((t) => [t.attrs.id, t.name === 'a' ? t.attrs.name : undefined]).filter(Boolean));
    const hrefs = all.filter((t) => t.name === 'a' && t.attrs.href?.startsWith('#')).map((t) => t.attrs.href.slice(1));
    assert.ok(hrefs.includes('user-content-old') && hrefs.includes('user-content-box'), hrefs.join(' '));
    for (const h of hrefs) assert.ok(targets.has(decodeURIComponent(h)), `#${h} lands on an element`);
    assert.ok(!targets.has('old') && !targets.has('box'), 'raw HTML ids stay prefixed (no clobbering of globals)');
  });
});

describe('render: chips, references, problems', () => {
  it('every tag of every paper becomes a chip, in order', () => {
    const { model, rendered } = render(sample);
    const chips = tags(rendered.html).filter((t) => t.attrs.class === 'tag-chip');
    const expected = model.papers.flatMap((p) => p.tags.map((t) => t.name));
    assert.equal(expected.length, 30);
    assert.deepEqual(chips.map((c) => c.attrs['data-tag']), expected);
    for (const c of chips) assert.equal(textOf(rendered.html, c.at, 'span'), '#' + c.attrs['data-tag']);
  });

  it('a # inside code or a heading is not a chip', () => {
    const { rendered } = render('## A #notatag\n\n**Tags**: #real `#code`\n');
    const chips = tags(rendered.html).filter((t) => t.attrs.class === 'tag-chip').map((t) => t.attrs['data-tag']);
    assert.deepEqual(chips, ['real']);
  });

  it('reference entries show their kind by URL: GitHub, paper, project page', () => {
    const { model, rendered } = render(sample);
    const refs = tags(rendered.html).filter((t) => t.name === 'li' && t.attrs['data-kind']);
    assert.equal(refs.length, model.references!.entries.length);
    assert.deepEqual(
      refs.slice(0, 5).map((t) => t.attrs['data-kind']),
      ['project', 'github', 'paper', 'github', 'paper'], // entry 4 is called 项目主页 but links to github.com
    );
    // A chip only where the link text does not already say the kind: entry 4, "Step1X-Edit 项目主页" on github.com.
    const badges = tags(rendered.html).filter((t) => t.attrs.class?.startsWith('reference-kind '));
    assert.deepEqual(badges.map((b) => textOf(rendered.html, b.at, 'span')), ['GitHub 仓库']);
    assert.match(rendered.html, /<span class="reference-kind reference-kind-github">GitHub 仓库<\/span> <a href="https:\/\/github.com\/stepfun-ai\/Step1X-Edit">Step1X-Edit 项目主页<\/a>/);
  });

  it('referenceKindOf', () => {
    assert.equal(referenceKindOf('https://github.com/a/b'), 'github');
    assert.equal(referenceKindOf('https://www.github.com/a'), 'github');
    assert.equal(referenceKindOf('https://arxiv.org/abs/2504.1'), 'paper');
    assert.equal(referenceKindOf('https://example.org/paper.PDF'), 'paper');
    assert.equal(referenceKindOf('https://a.github.io/p/'), 'project');
    assert.equal(referenceKindOf('not a url'), 'project');
  });

  it('broken anchors are marked with the diagnostic message as title; the header counts problems', () => {
    const { service, doc, rendered } = render(brokenIssue, 'file:///ws/broken-issue.md');
    const diagnostics = service.computeDiagnostics(doc);
    const anchorDiags = diagnostics.filter((d) => ['toc-broken-anchor', 'broken-anchor', 'anchor-case'].includes(String(d.code)));
    assert.ok(anchorDiags.length >= 2, 'the fixture has broken anchors');
    const marked = tags(rendered.html).filter((t) => t.name === 'a' && t.attrs.class?.includes('anchor-problem'));
    assert.deepEqual(marked.map((m) => m.attrs.title).sort(), anchorDiags.map((d) => d.message).sort());
    assert.deepEqual(marked.map((m) => m.attrs['data-code']).sort(), anchorDiags.map((d) => String(d.code)).sort());
    const errors = diagnostics.filter((d) => d.severity === 1).length;
    const warnings = diagnostics.filter((d) => d.severity === 2).length;
    assert.deepEqual(rendered.counts, { errors, warnings, infos: diagnostics.length - errors - warnings });
    const header = tags(rendered.html).find((t) => t.name === 'header')!;
    assert.equal(header.attrs['data-errors'], String(errors));
    assert.equal(header.attrs['data-warnings'], String(warnings));
    assert.match(rendered.html, new RegExp(`${errors} errors?`));
    // The header is a button to the first problem (the webview reveals that line in the editor).
    const first = Math.min(...diagnostics.map((d) => d.range.start.line));
    assert.deepEqual([header.attrs.role, header.attrs.tabindex, header.attrs['data-first-line'], header.attrs.title], ['button', '0', String(first), 'Go to the first problem']);
  });

  it('without problems: "No problems"; showProblems false: no header, no marks', () => {
    const clean = render('# Notes\n\nSee [below](#more).\n\n## More\n');
    assert.match(clean.rendered.html, /No problems/);
    const { service, doc } = render(brokenIssue);
    const quiet = renderDocument(service, doc, { showProblems: false });
    assert.doesNotMatch(quiet.html, /<header|anchor-problem/);
    assert.ok(quiet.counts.errors > 0, 'counts are still reported');
  });
});

describe('render: source lines, images, cache', () => {
  it('block elements carry their 0-based source line', () => {
    const { rendered } = render(sample);
    const lines = sample.split('\n');
    const blocks = tags(rendered.html).filter((t) => t.attrs['data-line'] !== undefined);
    assert.ok(blocks.length > 50);
    for (const b of blocks.filter((t) => /^h[1-6]$/.test(t.name))) {
      assert.match(lines[Number(b.attrs['data-line'])], /^#{1,6} /, `h at line ${b.attrs['data-line']}`);
    }
    const firstRef = blocks.find((t) => t.attrs['data-kind'])!;
    assert.match(lines[Number(firstRef.attrs['data-line'])], /^1\. \[FramePack 项目主页\]/);
  });

  it('images go through the imageSrc hook; a blocked or empty one becomes a placeholder with the reason', () => {
    const model = createLanguageService().getModel({ uri: 'file:///ws/a.md', version: 1, getText: () => '![a](pic.png)\n\n![b](https://x.org/b.png)\n\n![SAM 2 图]()\n' });
    const html = renderIssue(model, { imageSrc: (src) => (src.startsWith('https:') ? undefined : 'vscode-resource:/' + src) }).html;
    assert.match(html, /<img src="vscode-resource:\/pic.png" alt="a">/);
    // The document's only words are Chinese ("SAM 2 图"): the placeholders speak Chinese (renderLanguage.test.ts).
    assert.ok(html.includes('<span class="image-placeholder" role="img" aria-label="b: 此处未加载：远程图片已关闭，或文件不在工作区内" title="https://x.org/b.png"><span class="image-placeholder-name">b</span> — 此处未加载：远程图片已关闭，或文件不在工作区内</span>'));
    assert.ok(html.includes('<span class="image-placeholder" role="img" aria-label="SAM 2 图: 还没有图片路径"><span class="image-placeholder-name">SAM 2 图</span> — 还没有图片路径</span>'));
    assert.ok(!html.includes('Image not loaded'), 'no empty "Image not loaded: " tooltip');
  });

  it('resolveImageSource: relative, site-absolute, remote, unsupported', () => {
    const ctx = { documentPath: '/ws/issues/a.md', siteRoot: '/site' };
    assert.deepEqual(resolveImageSource('img/x%20y.png?v=1', ctx), { kind: 'local', path: '/ws/issues/img/x y.png' });
    assert.deepEqual(resolveImageSource('/assets/a.png', ctx), { kind: 'local', path: '/site/assets/a.png' });
    assert.deepEqual(resolveImageSource('https://a.org/x.png', ctx), { kind: 'remote', url: 'https://a.org/x.png', secure: true });
    assert.equal(resolveImageSource('http://a.org/x.png', ctx).kind, 'remote');
    assert.equal(resolveImageSource('file:///etc/passwd', ctx).kind, 'unresolved');
    assert.equal(resolveImageSource('/assets/a.png', { documentPath: '/ws/a.md' }).kind, 'unresolved');
  });

  it('the section-cached render equals a whole-document render, and an edit re-renders one section', () => {
    const service = createLanguageService();
    const doc = { uri: 'file:///ws/s.md', version: 1, getText: () => sample };
    const model = service.getModel(doc);
    const cache = createRenderCache();
    const cached = renderIssue(model, { cache }).html;
    // A model with a footnote definition forces the whole-document path.
    const whole = renderIssue({ ...model, footnoteDefs: [{ identifier: 'x', label: 'x', start: 0, end: 0 }] }).html;
    assert.equal(cached, whole);
    const edited = sample.replace('**标签**：#视频生成', '**标签**：#视频生成 #新标签');
    const misses = cache.misses;
    const again = renderIssue(service.getModel({ uri: doc.uri, version: 2, getText: () => edited }), { cache });
    assert.equal(cache.misses - misses, 1, 'one section parsed again');
    assert.match(again.html, /data-tag="新标签"/);
  });

  it('any text renders without throwing', () => {
    for (const text of ['', '\n', '#', '<', '<!--', '```\n#x', '[a]: <', '---\nweekly: true\n---\n# T', '\u0000\uFFFF\uD800', '|a|\n|-|\n|b|']) {
      const { rendered } = render(text);
      assert.equal(typeof rendered.html, 'string');
    }
  });
});

describe('render: limits', () => {
  it('a document over weekly.maxFileSize is not rendered, and says why', () => {
    const service = createLanguageService();
    const text = '# Big\n\n' + 'word '.repeat(100);
    const r = renderDocument(service, { uri: 'file:///ws/big.md', version: 1, getText: () => text }, { config: { ...defaultConfig, maxFileSize: 100 } });
    assert.match(r.html, /^<p class="render-too-large">Not previewed: this document has 507 characters, more than weekly.maxFileSize \(100\)\.<\/p>$/);
  });
});
