/**
 * The XSS corpus (test/fixtures/xss.md, 50+ classic vectors) through the renderer: the output keeps no
 * element, attribute or URL that can run code, navigate, submit or load from an unexpected place.
 * The same file is opened in Chromium by test/browser/xss.test.ts to prove nothing runs.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { createLanguageService } from '../../server/src/service';
import { createRenderCache, renderDocument } from '../../server/src/service/render';

const corpus = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'xss.md'), 'utf8');

function renderText(text: string): string {
  const service = createLanguageService();
  const doc = { uri: 'file:///ws/xss.md', version: 1, getText: () => text };
  return renderDocument(service, doc, { cache: createRenderCache() }).html;
}

interface Tag {
  name: string;
  attrs: [string, string][];
}
/** Start tags and attributes of rehype-stringify's output (well-formed: quoted values, escaped text). */
function startTags(html: string): Tag[] {
  return [...html.matchAll(/<([a-zA-Z][^\s/>]*)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*\/?>/g)].map((m) => ({
    name: m[1].toLowerCase(),
    attrs: [...m[2].matchAll(/([^\s=>]+)(?:="([^"]*)")?/g)].map((a) => [a[1].toLowerCase(), decode(a[2] ?? '')] as [string, string]),
  }));
}
function decode(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);?/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);?/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

const FORBIDDEN_TAGS = ['script', 'iframe', 'frame', 'object', 'embed', 'meta', 'base', 'link', 'style', 'form', 'button', 'svg', 'math',
  'template', 'noscript', 'video', 'audio', 'source', 'picture', 'marquee', 'applet', 'textarea', 'select', 'body', 'html', 'head', 'foreignobject'];
const URL_ATTRS = new Set(['href', 'src', 'xlink:href', 'action', 'formaction', 'data', 'cite', 'poster', 'background', 'longdesc', 'srcset']);
/** A URL that a browser would run, or hand to another handler, once stripped of what browsers ignore. */
const DANGEROUS_URL = /^(javascript|vbscript|data|command|file|blob):/i;

function problemsIn(html: string): string[] {
  const problems: string[] = [];
  for (const tag of startTags(html)) {
    if (FORBIDDEN_TAGS.includes(tag.name)) problems.push(`<${tag.name}>`);
    if (tag.name === 'input' && !tag.attrs.some(([n, v]) => n === 'type' && v === 'checkbox')) problems.push('<input> other than a checkbox');
    for (const [name, value] of tag.attrs) {
      if (/^on/.test(name)) problems.push(`${name}= on <${tag.name}>`);
      if (['style', 'srcdoc', 'formaction', 'action', 'http-equiv', 'autofocus', 'srcset', 'xlink:href'].includes(name)) problems.push(`${name}= on <${tag.name}>`);
      // Browsers drop ASCII whitespace and control characters anywhere in a scheme.
      const squeezed = value.replace(/[\u0000-\u0020\u007f]/g, '');
      if (URL_ATTRS.has(name) && DANGEROUS_URL.test(squeezed)) problems.push(`${name}="${value}" on <${tag.name}>`);
      if (name === 'id' || name === 'name') {
        if (value === '__xss') problems.push(`${name}="__xss" clobbers a global`);
      }
    }
  }
  return problems;
}

describe('render: XSS corpus', () => {
  const html = renderText(corpus);

  it('holds at least 30 vectors', () => {
    const vectors = corpus.split(/\n\s*\n/).filter((block) => /__xss|XSS|vbscript|command:/.test(block) && !block.startsWith('Each vector'));
    assert.ok(vectors.length >= 30, `${vectors.length} vectors`);
  });

  it('the sanitized output keeps no dangerous element, attribute or URL', () => {
    assert.deepEqual(problemsIn(html), []);
  });

  it('the checker of the output is itself able to fail (it sees vectors in unsanitized HTML)', () => {
    const raw = '<script>x</script><img src="x" onerror="y"><a href=" java\tscript:z">a</a><div style="a" id="__xss"></div><iframe srcdoc="x"></iframe>';
    assert.deepEqual(problemsIn(raw).length, 7);
  });

  it('no vector survives as markup text a later step could re-parse', () => {
    // What survives of a vector is plain escaped text: no raw "<" of a tag reaches the output.
    const stripped = html.replace(/<\/?[a-z][^>]*>/gi, '');
    assert.doesNotMatch(stripped, /<(script|img|svg|iframe|a)\b/i);
  });

  it('each vector alone is neutralized too (no context from its neighbours)', () => {
    const blocks = corpus.split(/\n\s*\n/).filter((b) => /__xss|XSS|vbscript|command:/.test(b));
    for (const block of blocks) {
      const problems = problemsIn(renderText(block + '\n\n[evil]: javascript:window.__xss=1\n'));
      assert.deepEqual(problems, [], block);
    }
  });

  it('link targets: only http(s), mailto, relative and # remain', () => {
    for (const tag of startTags(html)) {
      for (const [name, value] of tag.attrs) {
        if (name !== 'href' && name !== 'src') continue;
        assert.ok(/^(https?:|mailto:|#|[^:]*$)/i.test(value), `${name}="${value}"`);
      }
    }
  });
});
