/**
 * What hover previews read out of the sites' answers (server/src/service/linkPreview/parse.ts): pages as
 * the web serves them (entities, upper case, unquoted attributes, tags inside scripts, no `<head>`), and an
 * arXiv API answer in the shape arXiv sends (XML empty elements, `arxiv:` elements, several authors).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseArxivFeed, parseOpenGraph } from '../../server/src/service/linkPreview/parse';

test('Open Graph tags win over the title; entities are decoded; the image is made absolute', async () => {
  const html = `<!DOCTYPE html><HTML><HEAD><TITLE>Fallback &mdash; title</TITLE>
    <META PROPERTY="og:title" CONTENT="FramePack &amp; friends">
    <meta name=description content=plain-description>
    <meta property="og:description" content="Video diffusion, but feels like image diffusion.">
    <meta property="og:image" content="/img/teaser.png"><meta property="og:site_name" content="  Lab  ">
    </HEAD><BODY><meta property="og:title" content="not this one"></BODY></HTML>`;
  assert.deepEqual(await parseOpenGraph(html, 'https://example.org/project/'), {
    title: 'FramePack & friends',
    description: 'Video diffusion, but feels like image diffusion.',
    image: 'https://example.org/img/teaser.png',
    siteName: 'Lab',
  });
});

test('without Open Graph: the <title> and meta description; markup inside scripts is not read', async () => {
  const html = `<title>
     A   page </title><script>document.write('<meta property="og:title" content="from a script">')</script>
    <meta name="description" content="What the page says it is">`;
  assert.deepEqual(await parseOpenGraph(html, 'https://example.org/'), {
    title: 'A page',
    description: 'What the page says it is',
    image: undefined,
    siteName: undefined,
  });
});

test('a page with nothing to preview, and one that is not HTML at all', async () => {
  assert.deepEqual(await parseOpenGraph('<p>hello</p>', 'https://example.org/'), { title: undefined, description: undefined, image: undefined, siteName: undefined });
  assert.equal((await parseOpenGraph('\u0000<<<>>>&&&;;<meta', 'https://example.org/')).title, undefined);
});

const ARXIV = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <link href="http://arxiv.org/api/query?search_query%3D%26id_list%3D2504.12626" rel="self" type="application/atom+xml"/>
  <title type="html">ArXiv Query: search_query=&amp;id_list=2504.12626</title>
  <id>http://arxiv.org/api/x</id>
  <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">1</opensearch:totalResults>
  <entry>
    <id>http://arxiv.org/abs/2504.12626v1</id>
    <updated>2025-04-17T17:59:57Z</updated>
    <published>2025-04-17T17:59:57Z</published>
    <title>Packing Input Frame Context in Next-Frame Prediction Models for Video
  Generation</title>
    <summary>  We present a neural network structure, FramePack, to train next-frame (or
next-frame-section) prediction models for video generation &amp; more: x &lt; y.
</summary>
    <author>
      <name>Lvmin Zhang</name>
    </author>
    <author>
      <name>Maneesh Agrawala</name>
      <arxiv:affiliation xmlns:arxiv="http://arxiv.org/schemas/atom">Stanford</arxiv:affiliation>
    </author>
    <arxiv:comment xmlns:arxiv="http://arxiv.org/schemas/atom">https://github.com/lllyasviel/FramePack</arxiv:comment>
    <link href="http://arxiv.org/abs/2504.12626v1" rel="alternate" type="text/html"/>
    <link title="pdf" href="http://arxiv.org/pdf/2504.12626v1" rel="related" type="application/pdf"/>
    <arxiv:primary_category xmlns:arxiv="http://arxiv.org/schemas/atom" term="cs.CV" scheme="http://arxiv.org/schemas/atom"/>
    <category term="cs.CV" scheme="http://arxiv.org/schemas/atom"/>
  </entry>
</feed>`;

test("an arXiv API answer: the first entry's title, authors, abstract and date", async () => {
  assert.deepEqual(await parseArxivFeed(ARXIV), {
    title: 'Packing Input Frame Context in Next-Frame Prediction Models for Video Generation',
    authors: ['Lvmin Zhang', 'Maneesh Agrawala'],
    abstract: 'We present a neural network structure, FramePack, to train next-frame (or next-frame-section) prediction models for video generation & more: x < y.',
    published: '2025-04-17T17:59:57Z',
  });
});

test("arXiv's error entry and an empty feed give no preview", async () => {
  const error = `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/api/errors#incorrect_id_format_for_9999</id><title>Error</title><summary>incorrect id format</summary></entry></feed>`;
  assert.equal(await parseArxivFeed(error), undefined);
  assert.equal(await parseArxivFeed('<feed xmlns="http://www.w3.org/2005/Atom"><title>ArXiv Query</title></feed>'), undefined);
  assert.equal(await parseArxivFeed('not xml at all <<'), undefined);
});
