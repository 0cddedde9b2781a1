/**
 * Reads previews out of what the sites answer: Open Graph meta tags of an HTML page, the Atom feed of
 * arXiv's API (GitHub's JSON: githubRepo.ts). HTML and the feed go through parse5's SAX parser: the
 * WHATWG tokenizer browsers use (forgiving of the malformed pages found on the web, entities decoded,
 * `<script>`/`<style>` and `<title>` read as the browser reads them), and the same parse5 and entity
 * tables the preview's rehype-raw already ships, so previews add almost nothing to the bundle.
 */
import { SAXParser, type StartTag } from 'parse5-sax-parser';

export interface PagePreview {
  title?: string;
  description?: string;
  image?: string;
  siteName?: string;
}

export interface ArxivPreview {
  title: string;
  authors: string[];
  abstract: string;
  published?: string;
}


const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Scans markup tag by tag; a visitor may stop the scan early (a page's `<head>` is all a preview needs). */
interface MarkupVisitor {
  startTag?(tag: StartTag, stop: () => void): void;
  endTag?(name: string, stop: () => void): void;
  text?(text: string): void;
}

function scanMarkup(markup: string, visitor: MarkupVisitor): Promise<void> {
  const parser = new SAXParser();
  const stop = () => parser.stop();
  if (visitor.startTag) parser.on('startTag', (tag: StartTag) => visitor.startTag?.(tag, stop));
  if (visitor.endTag) parser.on('endTag', (tag: { tagName: string }) => visitor.endTag?.(tag.tagName, stop));
  if (visitor.text) parser.on('text', (t: { text: string }) => visitor.text?.(t.text));
  return new Promise((resolve, reject) => {
    parser.once('error', reject);
    parser.end(markup, () => resolve());
  });
}

const attribute = (tag: StartTag, name: string) => tag.attrs.find((a) => a.name === name)?.value;

export async function parseOpenGraph(html: string, pageUrl: string): Promise<PagePreview> {
  const meta = new Map<string, string>();
  let title = '';
  let inTitle = false;
  await scanMarkup(html, {
    startTag(tag, stop) {
      if (tag.tagName === 'body') return stop();
      if (tag.tagName === 'title') inTitle = true;
      if (tag.tagName !== 'meta') return;
      const key = (attribute(tag, 'property') ?? attribute(tag, 'name') ?? '').toLowerCase();
      const content = attribute(tag, 'content');
      if (key && content !== undefined && !meta.has(key)) meta.set(key, content);
    },
    endTag(name, stop) {
      if (name === 'title') inTitle = false;
      if (name === 'head') stop();
    },
    text(text) {
      if (inTitle) title += text;
    },
  });
  const pick = (...keys: string[]) => keys.map((k) => meta.get(k)).find((v) => v && v.trim());
  const image = pick('og:image', 'og:image:url', 'twitter:image');
  let absoluteImage: string | undefined;
  if (image) {
    try {
      absoluteImage = new URL(image, pageUrl).href;
    } catch {
      absoluteImage = undefined;
    }
  }
  const result: PagePreview = {
    title: squash(pick('og:title', 'twitter:title') ?? title) || undefined,
    description: squash(pick('og:description', 'twitter:description', 'description') ?? '') || undefined,
    image: absoluteImage,
    siteName: squash(pick('og:site_name') ?? '') || undefined,
  };
  return result;
}

/** The first entry of an arXiv API feed; undefined when the feed has none (or only arXiv's error entry). */
export async function parseArxivFeed(xml: string): Promise<ArxivPreview | undefined> {
  const open: string[] = [];
  let inEntry = false;
  let entryDone = false;
  let current = '';
  const entry = { id: '', title: '', summary: '', published: '', authors: [] as string[] };
  const localName = (name: string) => name.replace(/^.*:/, '');
  await scanMarkup(xml, {
    startTag(tag) {
      // `<link …/>`, `<category …/>`, `<arxiv:primary_category …/>`: XML's empty elements hold nothing.
      if (tag.selfClosing) return;
      const local = localName(tag.tagName);
      if (local === 'entry') inEntry = true;
      open.push(local);
      current = '';
    },
    text(text) {
      if (inEntry) current += text;
    },
    endTag(name, stop) {
      const local = localName(name);
      const parent = open[open.length - 2];
      if (inEntry) {
        if (local === 'id' && parent === 'entry') entry.id = current.trim();
        if (local === 'title' && parent === 'entry') entry.title = squash(current);
        if (local === 'summary' && parent === 'entry') entry.summary = squash(current);
        if (local === 'published' && parent === 'entry') entry.published = current.trim();
        if (local === 'name' && parent === 'author') entry.authors.push(squash(current));
        if (local === 'entry') {
          entryDone = true;
          stop();
        }
      }
      open.pop();
      current = '';
    },
  });
  if (!entryDone || !entry.title || /\/api\/errors/.test(entry.id) || entry.title === 'Error') return undefined;
  return { title: entry.title, authors: entry.authors, abstract: entry.summary, published: entry.published || undefined };
}
