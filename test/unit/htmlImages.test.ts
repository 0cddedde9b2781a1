/**
 * image-missing on raw HTML `<img src="…">` (editors paste them for sized images): the same resolution
 * as Markdown images, reported on the exact range of the src value; and what the model makes of them.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, findingsOf, range, replaceOnce, span } from '../support/structure';
import { ISSUE } from '../support/issueText';
import { scanHtml } from '../../server/src/service/model/htmlScan';
import { buildIssueModel } from '../../server/src/service/model/issueModel';
import { SectionCache } from '../../server/src/service/model/sectionCache';
import { defaultConfig } from '../../server/src/service';
import { slugStyles } from '../../server/src/service/slug';

const files = new Set(['/site/assets/a.png', '/work/img/b.jpg', '/work/img/c.PNG']);
const host = { fileExists: (p: string) => files.has(p), workspaceRoots: () => ['/site'] };
const doc = (body: string) => replaceOnce(ISSUE, '![Alpha 图](https://alpha.example/a.png)', body);

describe('image-missing: raw HTML <img src>', () => {
  it('reports a missing site-root or relative src on the src value, inline and in an HTML block', () => {
    const text = doc('<img src="/assets/x.png" width="600"> and <img width=300 src=img/gone.jpg>\n\n<p align="center">\n  <img alt="y" src=\'../y.png\'/>\n</p>');
    const found = findingsOf('image-missing', text, { host });
    assert.deepEqual(found.map(range), [span(text, '/assets/x.png'), span(text, 'img/gone.jpg'), span(text, '../y.png')]);
    assert.match(found[0].message, /\/site\/assets\/x\.png/);
    assert.match(found[2].message, /\/y\.png/);
  });

  it('finds an existing src the same way as a Markdown image (site root, relative, query string)', () => {
    const text = doc('<img src="/assets/a.png" width="600"> <img src="img/b.jpg"> <IMG SRC="./img/c.PNG?v=2">');
    assert.deepEqual(findingsOf('image-missing', text, { host }), []);
  });

  it('skips URLs with a scheme, data:, protocol-relative, an empty src and non-img elements', () => {
    const text = doc(
      '<img src="https://x.example/a.png"> <img src="data:image/png;base64,AAAA"> <img src="//cdn.example/c.png"> <img src=""> <script src="/nope.js"></script> <iframe src="/nope.html"></iframe>',
    );
    assert.deepEqual(findingsOf('image-missing', text, { host }), []);
  });

  it('ignores <img> in code and in comments', () => {
    const text = doc('`<img src="/gone1.png">`\n\n```html\n<img src="/gone2.png">\n```\n\n<!-- <img src="/gone3.png"> -->');
    assert.deepEqual(findingsOf('image-missing', text, { host }), []);
  });

  it('offers the same nearby-file fix, editing only the src value', () => {
    const text = doc('<img src="img/b.png" width="600">');
    const [f] = findingsOf('image-missing', text, { host });
    assert.deepEqual(range(f), span(text, 'img/b.png'));
    assert.equal(applyFix(text, f, 0), doc('<img src="img/b.jpg" width="600">'));
  });

  it('reports the src of an <img> inside a list item and a quote at its source offset', () => {
    const text = doc('- item <img src="/l.png">\n\n> <img src="/q.png">');
    assert.deepEqual(findingsOf('image-missing', text, { host }).map(range), [span(text, '/l.png'), span(text, '/q.png')]);
  });
});

describe('model: raw HTML images', () => {
  it('scanHtml gives the src value and its <img> tag', () => {
    const html = '<p><img width="1" src="a.png"/><script src="s.js"></script></p>';
    const src = scanHtml(html).filter((a) => a.kind === 'src');
    assert.deepEqual(src.map((a) => [a.value, a.index, html.slice(a.tagStart, a.tagEnd)]), [['a.png', html.indexOf('a.png'), '<img width="1" src="a.png"/>']]);
  });

  it('an <img> becomes an image link spanning its tag, so a paper that opens with one has its image', () => {
    const text = doc('<img src="/assets/a.png" width="600">');
    const model = buildIssueModel(text, { slugStyle: slugStyles[0], presets: defaultConfig.presets, cache: new SectionCache(8) });
    const image = model.links.find((l) => l.kind === 'image' && l.url === '/assets/a.png')!;
    assert.deepEqual({ start: image.start, end: image.end }, span(text, '<img src="/assets/a.png" width="600">'));
    assert.deepEqual({ start: image.destStart, end: image.destEnd }, span(text, '/assets/a.png'));
    assert.ok(model.papers[0].images.includes(image));
  });

  it("paper-missing-field puts a missing summary after an <img> under the heading, as after a Markdown image", () => {
    const text = replaceOnce(doc('<img src="https://alpha.example/a.png" width="600">'), '**概要**：Alpha 是第一篇。\n\n', '');
    const [f] = findingsOf('paper-missing-field', text);
    assert.match(applyFix(text, f, 0), /<img src="https:\/\/alpha\.example\/a\.png" width="600">\n\n\*\*概要\*\*：\n\n\*\*标签\*\*：#扩散模型/);
  });
});

describe('image-missing: an empty destination', () => {
  it('reports `![SAM 2 图]()` (as New Paper Entry writes it) on the whole image until it is filled, without a file check', () => {
    const text = doc('![SAM 2 图]()');
    const found = findingsOf('image-missing', text, {});
    assert.deepEqual(found.map(range), [span(text, '![SAM 2 图]()')]);
    assert.equal(found[0].message, 'The image "SAM 2 图" has no path yet: add the figure, or remove the image.');
    assert.deepEqual(findingsOf('image-missing', doc('![SAM 2 图](https://sam2.example/f.png)'), {}), []);
  });
});
