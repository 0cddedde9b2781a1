/**
 * The XSS corpus (test/fixtures/xss.md) through every publishing target: the same sanitizer as the
 * preview, so nothing executable survives; the only style attributes are the targets' own.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { createLanguageService } from '../../server/src/service';
import { createRenderCache, PUBLISH_TARGETS, renderForTarget } from '../../server/src/service/render';
import { PUBLISH_STYLES } from '../../server/src/service/render/targets/publishStyles';
import { problemsIn, startTags } from './xssChecks';

const corpus = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'xss.md'), 'utf8');

function publish(text: string, target: (typeof PUBLISH_TARGETS)[number]) {
  const model = createLanguageService().getModel({ uri: 'file:///ws/xss.md', version: 1, getText: () => text });
  return renderForTarget(model, target, { cache: createRenderCache(), pageUrl: 'https://example.com/weekly/xss.html' });
}

const ownStyles = new Set(Object.values(PUBLISH_STYLES));

for (const target of PUBLISH_TARGETS) {
  describe(`publish target ${target}: XSS corpus`, () => {
    const out = publish(corpus, target);

    it('no dangerous element, attribute or URL in the content', () => {
      assert.deepEqual(problemsIn(out.fragment, { ownStyles: true }), []);
    });

    it('the page around it has no script, style or link element', () => {
      assert.doesNotMatch(out.page.replace(out.fragment, ''), /<script|<style|<link/i);
    });

    it('the plain-text part links only web and mail addresses', () => {
      // Vectors survive there as text, which a text/plain part shows and never runs; its links are the hrefs kept.
      for (const m of (out.text ?? '').matchAll(/ <([a-z][a-z0-9+.-]*:[^>\s]*)>/gi)) assert.match(m[1], /^(https?|mailto):/i);
    });

    it("every style attribute is one of the targets' own", () => {
      for (const tag of startTags(out.fragment)) {
        for (const [name, value] of tag.attrs) {
          if (name !== 'style') continue;
          const known = ownStyles.has(value) || [...ownStyles].some((s) => value.startsWith(s)) || /^(width|padding|margin):/.test(value);
          assert.ok(known, `<${tag.name} style="${value}">`);
        }
      }
    });

    it('each vector alone is neutralized too', () => {
      const blocks = corpus.split(/\n\s*\n/).filter((b) => /__xss|XSS|vbscript|command:/.test(b));
      for (const block of blocks) {
        assert.deepEqual(problemsIn(publish(block + '\n\n[evil]: javascript:window.__xss=1\n', target).fragment, { ownStyles: true }), [], block);
      }
    });
  });
}

describe('the publishing XSS check can fail', () => {
  it('sees a style value that loads or positions something', () => {
    assert.equal(problemsIn('<p style="background:url(https://x/y)">a</p><p style="position:fixed">b</p>', { ownStyles: true }).length, 2);
  });
});
