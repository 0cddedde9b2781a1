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
import { problemsIn, startTags } from './xssChecks';

const corpus = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'xss.md'), 'utf8');

function renderText(text: string): string {
  const service = createLanguageService();
  const doc = { uri: 'file:///ws/xss.md', version: 1, getText: () => text };
  return renderDocument(service, doc, { cache: createRenderCache() }).html;
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
