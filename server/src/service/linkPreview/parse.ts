/**
 * Reads previews out of what the sites answer: Open Graph meta tags of an HTML page, the Atom feed of
 * arXiv's API, the JSON of GitHub's REST API. HTML and XML go through htmlparser2 (a well-kept,
 * forgiving parser): pages on the web are rarely well-formed.
 */
import { Parser } from 'htmlparser2';

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

export interface GithubPreview {
  fullName: string;
  description?: string;
  stars: number;
  pushedAt?: string;
  language?: string;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

export function parseOpenGraph(html: string, pageUrl: string): PagePreview {
  const meta = new Map<string, string>();
  let title = '';
  let inTitle = false;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'title') inTitle = true;
        if (name !== 'meta') return;
        const key = (attrs.property ?? attrs.name ?? '').toLowerCase();
        if (key && attrs.content !== undefined && !meta.has(key)) meta.set(key, attrs.content);
      },
      ontext(text) {
        if (inTitle) title += text;
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
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
export function parseArxivFeed(xml: string): ArxivPreview | undefined {
  let depth: string[] = [];
  let inEntry = false;
  let entryDone = false;
  let current = '';
  const entry = { id: '', title: '', summary: '', published: '', authors: [] as string[] };
  const parser = new Parser(
    {
      onopentag(name) {
        if (entryDone) return;
        const local = name.replace(/^.*:/, '');
        if (local === 'entry') inEntry = true;
        depth.push(local);
        current = '';
      },
      ontext(text) {
        if (inEntry && !entryDone) current += text;
      },
      onclosetag(name) {
        if (entryDone) return;
        const local = name.replace(/^.*:/, '');
        const parent = depth[depth.length - 2];
        if (inEntry) {
          if (local === 'id' && parent === 'entry') entry.id = current.trim();
          if (local === 'title' && parent === 'entry') entry.title = squash(current);
          if (local === 'summary' && parent === 'entry') entry.summary = squash(current);
          if (local === 'published' && parent === 'entry') entry.published = current.trim();
          if (local === 'name' && parent === 'author') entry.authors.push(squash(current));
          if (local === 'entry') entryDone = true;
        }
        depth = depth.slice(0, -1);
        current = '';
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  if (!entryDone || !entry.title || /\/api\/errors/.test(entry.id) || entry.title === 'Error') return undefined;
  return { title: entry.title, authors: entry.authors, abstract: entry.summary, published: entry.published || undefined };
}

export function parseGithubRepo(json: string): GithubPreview | undefined {
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null || typeof data.full_name !== 'string') return undefined;
  return {
    fullName: data.full_name,
    description: typeof data.description === 'string' ? data.description : undefined,
    stars: typeof data.stargazers_count === 'number' ? data.stargazers_count : 0,
    pushedAt: typeof data.pushed_at === 'string' ? data.pushed_at : undefined,
    language: typeof data.language === 'string' ? data.language : undefined,
  };
}
