/**
 * The model's parser answers plain ASCII link destinations without markdown-it's normalizeLink (a cost
 * that showed in whole checks): for every URL it answers itself, the answer must be normalizeLink's.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { markdownParser, UNCHANGED_BY_NORMALIZE } from '../../server/src/service/model/markdownParser';

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
