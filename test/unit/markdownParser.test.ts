/**
 * The model's parser answers plain ASCII link destinations without markdown-it's normalizeLink (a cost
 * that showed in whole checks): for every URL it answers itself, the answer must be normalizeLink's. And
 * it parses most inline content with three rules instead of all: the tokens must be the same.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { markdownParser, parseInline, UNCHANGED_BY_NORMALIZE } from '../../server/src/service/model/markdownParser';

const reference = MarkdownIt();

describe('markdown parser: link normalization', () => {
  it('gives normalizeLink’s answer for URL-like strings (fast-check)', () => {
    const parts = ['http://', 'https://', 'http', 'https', 'HTTP', 'mailto', ':', '//', '/', '.', 'a', 'Z', '0', 'xn--', 'www', 'example.org', 'EXAMPLE.ORG', '@', 'user:pw@', ':8080',
      '?', '&', '=', '#', '#frag', '%20', '%E7%AC%AC', '%zz', '%', '-', '_', '~', '!', '*', "'", '(', ')', '+', ',', ';', '$', ' ', '[', ']', '\\', '例', 'é', '<', '>', '"', '|', '^', '`', '{', '#第二节', '\uD800', '\u3000', ' #'];
    let fast = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...parts), { maxLength: 12 }), (pieces) => {
        const url = pieces.join('');
        if (UNCHANGED_BY_NORMALIZE.test(url) || url.trim().startsWith('#')) fast++;
        assert.equal(markdownParser.normalizeLink(url), reference.normalizeLink(url), url);
      }),
      { numRuns: 5000 },
    );
    assert.ok(fast > 300, `only ${fast} URLs took the fast path`);
  });

  it('still encodes what needs encoding', () => {
    assert.equal(markdownParser.normalizeLink('a b'), 'a%20b');
    assert.equal(markdownParser.normalizeLink('https://例子.com/路'), reference.normalizeLink('https://例子.com/路'));
    assert.notEqual(markdownParser.normalizeLink('https://例子.com/'), 'https://例子.com/');
  });
});

describe('markdown parser: inline content parsed with fewer rules', () => {
  // parseInline leaves out every inline rule but text, line breaks and emphasis for content without the
  // characters those rules start at: the tokens must be the full rule set's, spans and delimiter runs included.
  const alphabet = ['*', '**', '_', '__', '[', ']', '(', ')', '<', '>', '`', '\\', '&', '~', ':', '//', 'https://a.b', '!', '^', '#', '\n', '  \n', ' ', 'a', 'Bold', '概要', '：', '，', '-', '|', '"', '\uFEFF', '\uD83D\uDE00'];
  // (No NUL: the block parse has replaced it before any inline content is read.)
  const env = () => ({ definitionLines: [], definitionKeys: new Set<string>(), footnoteLines: [] });
  const shape = (tokens: Token[] | null): unknown => (tokens ?? []).map((t) => [t.type, t.tag, t.nesting, t.content, t.markup, t.meta, shape(t.children)]);

  it('gives the full parser’s tokens (fast-check)', () => {
    let reduced = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 24 }), (pieces) => {
        const content = pieces.join('');
        if (!/[[<`\\&~]|:\/\//.test(content)) reduced++;
        const full = markdownParser.parseInline(content, env())[0]?.children ?? [];
        assert.deepEqual(shape(parseInline(content, env())), shape(full), JSON.stringify(content));
      }),
      { numRuns: 3000 },
    );
    assert.ok(reduced > 300, `only ${reduced} contents took the reduced rule set`);
  });
});

describe('markdown parser: content that is one plain link', () => {
  // parseInline makes the tokens of `[label](destination)` itself when the label holds no character an
  // inline rule but text starts at and the destination is plain: they must be the full rule set's,
  // attributes (the normalized href), levels and spans included; anything else goes to the rule set.
  // Characters the one-link path takes, several times over, and a few it refuses (so both paths run).
  const goodLabel = ['a', 'FramePack', ' ', '项目主页', '：', ':', '://', '#', '-', '.', '(', ')', '"', "'", '%', '=', '+', '@', '{', '}', '$', '\uFEFF', '\u00A0', '\uD83D\uDE00', 'é'];
  const labelParts = [...goodLabel, ...goodLabel, ...goodLabel, '[', ']', '*', '_', '~', '`', '\\', '<', '&amp;', '!', '^', '\n'];
  const goodDest = ['https://', 'http://', 'github.com', '/', 'a', '#', '#第二节', '?', 'x=1', '&', '%20', '%zz', 'javascript:', 'mailto:', 'data:', ':', '.', '-', '_', '~', '例', 'vbscript:'];
  const destParts = [...goodDest, ...goodDest, ...goodDest, ' ', '(', ')', '<', '>', '"', "'", '\\', '\t'];
  const env = () => ({ definitionLines: [], definitionKeys: new Set<string>(), footnoteLines: [] });
  const shape = (tokens: Token[] | null): unknown =>
    (tokens ?? []).map((t) => [t.type, t.tag, t.nesting, t.level, t.content, t.markup, t.info, t.attrs, t.block, t.hidden, t.map, t.meta, shape(t.children)]);

  it('gives the full parser’s tokens (fast-check)', () => {
    let fast = 0;
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...labelParts), { maxLength: 8 }),
        fc.array(fc.constantFrom(...destParts), { minLength: 1, maxLength: 8 }),
        fc.constantFrom('', '', '', '', ' ', ')', ' "t"', 'x', '\n'),
        (label, dest, tail) => {
          const content = `[${label.join('')}](${dest.join('')}${tail})`;
          if (/^\[[^[\]\\`<>*_~&!^\n]*\]\([^\s()<>\\"'\x00-\x1f\x7f]+\)$/.test(content)) fast++;
          const full = markdownParser.parseInline(content, env())[0]?.children ?? [];
          assert.deepEqual(shape(parseInline(content, env())), shape(full), JSON.stringify(content));
        },
      ),
      { numRuns: 5000 },
    );
    assert.ok(fast > 500, `only ${fast} contents took the one-link path`);
  });

  it('a TOC entry and a reference, as the sample writes them', () => {
    for (const content of ['[FramePack：压缩输入帧上下文](#framepack压缩输入帧上下文)', '[FramePack 项目主页](https://lllyasviel.github.io/frame_pack_gitpage/)', '[a](javascript:alert%281%29)']) {
      const full = markdownParser.parseInline(content, env())[0]?.children ?? [];
      assert.deepEqual(shape(parseInline(content, env())), shape(full), content);
    }
  });
});
