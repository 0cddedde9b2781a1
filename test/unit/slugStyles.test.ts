/**
 * The slug styles of real site generators. Every expectation below is what the generator itself produced
 * for the same Markdown on this machine, and each agrees with the rules written in the style's file:
 * - hugo:     Hugo 0.111.3 (Debian), default autoHeadingIDType "github", `hugo` on a page of these headings;
 * - jekyll:   kramdown 2.4.0 (ruby-kramdown), `Kramdown::Document.new(md, input: 'kramdown', auto_ids: true)`;
 * - mkdocs:   Python-Markdown 3.4.1 (python3-markdown), `markdown.markdown(md, extensions=['toc'])`;
 * - hexo:     hexo-renderer-marked 7.0.1 (marked 15.0.12) with Hexo's default `marked` settings;
 * - vuepress: markdown-it 14 + markdown-it-anchor 9.2.1 with @mdit-vue/shared 3.0.2's slugify, as
 *             VuePress 2 and VitePress set it up;
 * - gitlab:   GitLab's `string_to_anchor` and TableOfContentsFilter counter run in Ruby 3.1 on the headings'
 *             rendered text (GitLab slugs the rendered heading; its Rails app cannot run here).
 * The slugs are taken through the issue model, so the heading text (or, for goldmark and kramdown, the
 * heading's source) is what our parser hands to the style.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildIssueModel } from '../../server/src/service/model/issueModel';
import { SectionCache } from '../../server/src/service/model/sectionCache';
import { defaultConfig, defaultPresets } from '../../server/src/service/config/weeklyConfig';
import { resolveConfig } from '../../server/src/service/config/configLoader';
import { findSlugStyle, slugStyles } from '../../server/src/service/slug';

function slugsOf(styleId: string, markdown: string): string[] {
  const style = findSlugStyle(styleId);
  assert.ok(style, `slug style ${styleId} is registered`);
  return buildIssueModel(markdown, { slugStyle: style, presets: defaultPresets, cache: new SectionCache() }).headings.map((h) => h.slug);
}

// Chinese, English and mixed headings, full-width punctuation, emoji, markup, and repeats (摘要, Intro).
const HEADINGS = [
  'FramePack：提升视频生成效率的上下文压缩框架',
  'Step1X-Edit：开源图像编辑框架，媲美 GPT-4o 与 Gemini2 Flash',
  '摘要',
  '目录',
  '摘要',
  '参考链接',
  "Don't Panic & Relax",
  '🚀 Launch Notes',
  'Café Über',
  'Intro',
  'Intro',
  'Intro-1',
  '2024',
  '**概要**：加粗',
  '[Foo](http://x.com) bar',
  '`code` span',
  'a -- b ... c',
  'Emoji 😀 inside 中文 ✨',
  'Tag #扩散模型 and C++',
  '  Spaces   many  ',
  'Ünïcödé Ωmega',
  '100% 提升',
  'Q&A：问答',
  '_under_score_',
  'Title (Premium)',
];
const DOCUMENT = HEADINGS.map((h) => `## ${h}`).join('\n\n');

// What each generator made of HEADINGS, in order (see the header for how each was obtained).
const EXPECTED: Record<string, string[]> = {
  gitlab: [
    "framepack提升视频生成效率的上下文压缩框架", // FramePack：提升视频生成效率的上下文压缩框架
    "step1x-edit开源图像编辑框架媲美-gpt-4o-与-gemini2-flash", // Step1X-Edit：开源图像编辑框架，媲美 GPT-4o 与 Gemini2 Flash
    "摘要", // 摘要
    "目录", // 目录
    "摘要-1", // 摘要
    "参考链接", // 参考链接
    "dont-panic-relax", // Don't Panic & Relax
    "-launch-notes", // 🚀 Launch Notes
    "café-über", // Café Über
    "intro", // Intro
    "intro-1", // Intro
    "intro-1", // Intro-1
    "anchor-2024", // 2024
    "概要加粗", // **概要**：加粗
    "foo-bar", // [Foo](http://x.com) bar
    "code-span", // `code` span
    "a-b-c", // a -- b ... c
    "emoji-inside-中文-", // Emoji 😀 inside 中文 ✨
    "tag-扩散模型-and-c", // Tag #扩散模型 and C++
    "spaces-many", //   Spaces   many  
    "ünïcödé-ωmega", // Ünïcödé Ωmega
    "100-提升", // 100% 提升
    "qa问答", // Q&A：问答
    "under_score", // _under_score_
    "title", // Title (Premium)
  ],
  hugo: [
    "framepack提升视频生成效率的上下文压缩框架", // FramePack：提升视频生成效率的上下文压缩框架
    "step1x-edit开源图像编辑框架媲美-gpt-4o-与-gemini2-flash", // Step1X-Edit：开源图像编辑框架，媲美 GPT-4o 与 Gemini2 Flash
    "摘要", // 摘要
    "目录", // 目录
    "摘要-1", // 摘要
    "参考链接", // 参考链接
    "dont-panic--relax", // Don't Panic & Relax
    "-launch-notes", // 🚀 Launch Notes
    "café-über", // Café Über
    "intro", // Intro
    "intro-1", // Intro
    "intro-1-1", // Intro-1
    "2024", // 2024
    "概要加粗", // **概要**：加粗
    "foohttpxcom-bar", // [Foo](http://x.com) bar
    "code-span", // `code` span
    "a----b--c", // a -- b ... c
    "emoji--inside-中文-", // Emoji 😀 inside 中文 ✨
    "tag-扩散模型-and-c", // Tag #扩散模型 and C++
    "spaces---many", //   Spaces   many  
    "ünïcödé-ωmega", // Ünïcödé Ωmega
    "100-提升", // 100% 提升
    "qa问答", // Q&A：问答
    "_under_score_", // _under_score_
    "title-premium", // Title (Premium)
  ],
  vuepress: [
    "framepack-提升视频生成效率的上下文压缩框架", // FramePack：提升视频生成效率的上下文压缩框架
    "step1x-edit-开源图像编辑框架-媲美-gpt-4o-与-gemini2-flash", // Step1X-Edit：开源图像编辑框架，媲美 GPT-4o 与 Gemini2 Flash
    "摘要", // 摘要
    "目录", // 目录
    "摘要-1", // 摘要
    "参考链接", // 参考链接
    "don-t-panic-relax", // Don't Panic & Relax
    "🚀-launch-notes", // 🚀 Launch Notes
    "cafe-uber", // Café Über
    "intro", // Intro
    "intro-1", // Intro
    "intro-1-1", // Intro-1
    "_2024", // 2024
    "概要-加粗", // **概要**：加粗
    "foo-bar", // [Foo](http://x.com) bar
    "code-span", // `code` span
    "a-b-c", // a -- b ... c
    "emoji-😀-inside-中文-✨", // Emoji 😀 inside 中文 ✨
    "tag-扩散模型-and-c", // Tag #扩散模型 and C++
    "spaces-many", //   Spaces   many  
    "unicode-ωmega", // Ünïcödé Ωmega
    "_100-提升", // 100% 提升
    "q-a-问答", // Q&A：问答
    "under-score", // _under_score_
    "title-premium", // Title (Premium)
  ],
  hexo: [
    "FramePack：提升视频生成效率的上下文压缩框架", // FramePack：提升视频生成效率的上下文压缩框架
    "Step1X-Edit：开源图像编辑框架，媲美-GPT-4o-与-Gemini2-Flash", // Step1X-Edit：开源图像编辑框架，媲美 GPT-4o 与 Gemini2 Flash
    "摘要", // 摘要
    "目录", // 目录
    "摘要-1", // 摘要
    "参考链接", // 参考链接
    "Don’t-Panic-Relax", // Don't Panic & Relax
    "🚀-Launch-Notes", // 🚀 Launch Notes
    "Cafe-Uber", // Café Über
    "Intro", // Intro
    "Intro-1", // Intro
    "Intro-1", // Intro-1
    "2024", // 2024
    "概要：加粗", // **概要**：加粗
    "Foo-bar", // [Foo](http://x.com) bar
    "code-span", // `code` span
    "a-–-b-…-c", // a -- b ... c
    "Emoji-😀-inside-中文-✨", // Emoji 😀 inside 中文 ✨
    "Tag-扩散模型-and-C", // Tag #扩散模型 and C++
    "Spaces-many", //   Spaces   many  
    "Unicode-Ωmega", // Ünïcödé Ωmega
    "100-提升", // 100% 提升
    "Q-A：问答", // Q&A：问答
    "under-score", // _under_score_
    "Title-Premium", // Title (Premium)
  ],
  jekyll: [
    "framepack", // FramePack：提升视频生成效率的上下文压缩框架
    "step1x-edit-gpt-4o--gemini2-flash", // Step1X-Edit：开源图像编辑框架，媲美 GPT-4o 与 Gemini2 Flash
    "section", // 摘要
    "section-1", // 目录
    "section-2", // 摘要
    "section-3", // 参考链接
    "dont-panic--relax", // Don't Panic & Relax
    "launch-notes", // 🚀 Launch Notes
    "caf-ber", // Café Über
    "intro", // Intro
    "intro-1", // Intro
    "intro-1", // Intro-1
    "section-4", // 2024
    "section-5", // **概要**：加粗
    "foohttpxcom-bar", // [Foo](http://x.com) bar
    "code-span", // `code` span
    "a----b--c", // a -- b ... c
    "emoji--inside--", // Emoji 😀 inside 中文 ✨
    "tag--and-c", // Tag #扩散模型 and C++
    "spaces---many", //   Spaces   many  
    "ncd-mega", // Ünïcödé Ωmega
    "section-6", // 100% 提升
    "qa", // Q&A：问答
    "underscore", // _under_score_
    "title-premium", // Title (Premium)
  ],
  mkdocs: [
    "framepack", // FramePack：提升视频生成效率的上下文压缩框架
    "step1x-edit-gpt-4o-gemini2-flash", // Step1X-Edit：开源图像编辑框架，媲美 GPT-4o 与 Gemini2 Flash
    "_1", // 摘要
    "_2", // 目录
    "_3", // 摘要
    "_4", // 参考链接
    "dont-panic-relax", // Don't Panic & Relax
    "launch-notes", // 🚀 Launch Notes
    "cafe-uber", // Café Über
    "intro", // Intro
    "intro_1", // Intro
    "intro-1", // Intro-1
    "2024", // 2024
    "_5", // **概要**：加粗
    "foo-bar", // [Foo](http://x.com) bar
    "code-span", // `code` span
    "a-b-c", // a -- b ... c
    "emoji-inside", // Emoji 😀 inside 中文 ✨
    "tag-and-c", // Tag #扩散模型 and C++
    "spaces-many", //   Spaces   many  
    "unicode-mega", // Ünïcödé Ωmega
    "100", // 100% 提升
    "qa", // Q&A：问答
    "under_score", // _under_score_
    "title-premium", // Title (Premium)
  ],
};

describe('slug styles of real site generators', () => {
  for (const [id, expected] of Object.entries(EXPECTED)) {
    it(`${id}: the generator's ids for Chinese, English, mixed, emoji, markup and repeated headings`, () => {
      assert.deepEqual(slugsOf(id, DOCUMENT), expected);
    });
  }

  it('the sample issue headings, by style (the differences the issue names)', () => {
    const sample = '## FramePack：提升视频生成效率的上下文压缩框架\n\n## Step1X-Edit：开源图像编辑框架，媲美 GPT-4o 与 Gemini2 Flash';
    // GitHub, GitLab and Hugo drop full-width punctuation and keep Chinese.
    for (const id of ['github', 'gitlab', 'hugo']) {
      assert.deepEqual(slugsOf(id, sample), ['framepack提升视频生成效率的上下文压缩框架', 'step1x-edit开源图像编辑框架媲美-gpt-4o-与-gemini2-flash'], id);
    }
    // VuePress: NFKD turns `：`/`，` into ASCII punctuation, which becomes `-`.
    assert.deepEqual(slugsOf('vuepress', sample), ['framepack-提升视频生成效率的上下文压缩框架', 'step1x-edit-开源图像编辑框架-媲美-gpt-4o-与-gemini2-flash']);
    // Hexo keeps case and the full-width colon and comma.
    assert.deepEqual(slugsOf('hexo', sample), ['FramePack：提升视频生成效率的上下文压缩框架', 'Step1X-Edit：开源图像编辑框架，媲美-GPT-4o-与-Gemini2-Flash']);
    // kramdown and Python-Markdown keep ASCII only; kramdown does not collapse the `--` left by `与`.
    assert.deepEqual(slugsOf('jekyll', sample), ['framepack', 'step1x-edit-gpt-4o--gemini2-flash']);
    assert.deepEqual(slugsOf('mkdocs', sample), ['framepack', 'step1x-edit-gpt-4o-gemini2-flash']);
  });

  it('all-Chinese headings: kramdown falls back to section, Python-Markdown to _1, _2 (its unique())', () => {
    const doc = '## 摘要\n\n## 目录\n\n## 摘要';
    assert.deepEqual(slugsOf('jekyll', doc), ['section', 'section-1', 'section-2']);
    assert.deepEqual(slugsOf('mkdocs', doc), ['_1', '_2', '_3']);
    assert.deepEqual(slugsOf('hugo', doc), ['摘要', '目录', '摘要-1']);
  });

  it('an empty heading: Hugo names it "heading", kramdown "section", Python-Markdown "_1"', () => {
    // `## ###`-style empty headings have no text; generators still give them an id.
    assert.deepEqual(slugsOf('hugo', '## 🚀🚀\n\n## 🚀'), ['heading', 'heading-1']);
    assert.deepEqual(slugsOf('jekyll', '## 🚀'), ['section']);
    assert.deepEqual(slugsOf('mkdocs', '## 🚀\n\n## x_1\n\n## x\n\n## x'), ['_1', 'x_1', 'x', 'x_2']);
  });

  it('counting generators give the nth repeat -n even when that id is taken; the others look for a free one', () => {
    // hexo-renderer-marked, kramdown and GitLab count per id: a, a-1 (repeat), then a-1 (the heading's own id).
    const doc = '## a\n\n## a\n\n## a-1';
    for (const id of ['hexo', 'jekyll', 'gitlab']) assert.deepEqual(slugsOf(id, doc), ['a', 'a-1', 'a-1'], id);
    // github-slugger, goldmark (Hugo) and markdown-it-anchor skip taken ids: a, a-1, a-1-1.
    for (const id of ['github', 'hugo', 'vuepress']) assert.deepEqual(slugsOf(id, doc), ['a', 'a-1', 'a-1-1'], id);
    // Python-Markdown counts with underscores and skips taken ones.
    assert.deepEqual(slugsOf('mkdocs', '## a\n\n## a_1\n\n## a'), ['a', 'a_1', 'a_2']);
  });

  it('goldmark reads a heading as written, and only the last line of a setext heading (Hugo 0.111.3 made these)', () => {
    const doc = 'Two\nLines\n---\n\n## Title ##\n\n## A *b* `c` [d](http://e.f "g") ![h](i.png)';
    assert.deepEqual(slugsOf('hugo', doc), ['lines', 'title', 'a-b-c-dhttpef-g-hipng']);
  });

  it('source-based styles fall back to the rendered text when no source is given (completion, rename)', () => {
    assert.equal(findSlugStyle('hugo')!.create().slug('Foo bar'), 'foo-bar');
    assert.equal(findSlugStyle('jekyll')!.create().slug('2024 Review'), 'review');
    // With the source, markup is part of what goldmark and kramdown see.
    assert.equal(findSlugStyle('hugo')!.create().slug('Foo bar', '[Foo](http://x.com) bar'), 'foohttpxcom-bar');
  });

  it('every style is registered with a label and description, and the settings accept its id', () => {
    assert.deepEqual(
      slugStyles.map((s) => s.id),
      ['github', 'gitlab', 'hugo', 'vuepress', 'hexo', 'jekyll', 'mkdocs'],
    );
    for (const style of slugStyles) {
      assert.ok(style.label && style.description, style.id);
      const { config, problems } = resolveConfig({ slugStyle: style.id }, defaultConfig);
      assert.equal(config.slugStyle, style.id);
      assert.deepEqual(problems, []);
    }
    const bad = resolveConfig({ slugStyle: 'docusaurus' }, defaultConfig);
    assert.equal(bad.config.slugStyle, 'github');
    assert.match(bad.problems[0], /slugStyle must be one of github, gitlab, hugo, vuepress, hexo, jekyll, mkdocs/);
  });
});
