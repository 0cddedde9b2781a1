/**
 * `weekly-issues feed`: an archive of three dated issues (front matter, file name) and one without a date,
 * as RSS 2.0 and Atom 1.0 (parsed with fast-xml-parser, required elements checked) and JSON Feed 1.1
 * (ajv against a schema of the spec's required fields).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Ajv from 'ajv';
import { XMLParser } from 'fast-xml-parser';
import { feedCommand, type FeedFormat } from '../../server/src/cli/feed';

function issue(title: string, summary: string, frontMatter = ''): string {
  return `${frontMatter}# ${title}\n\n## 摘要\n\n${summary}\n\n---\n\n## 目录\n\n1. [A：一](#a一)\n\n## A：一\n\n**概要**：x\n\n**标签**：#t\n\n## 参考链接\n\n1. [A 项目主页](https://a.example/)\n`;
}

function archive(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'feed-'));
  fs.writeFileSync(path.join(dir, '2026-01-02.md'), issue('第一期', '第一期的**摘要**，见 [站点](https://s.example/)。'));
  fs.writeFileSync(path.join(dir, 'third.md'), issue('第三期', '第三期摘要。', '---\ndate: 2026-01-16\n---\n'));
  fs.writeFileSync(path.join(dir, 'weekly-2026-01-09.md'), issue('第二期', '第二期摘要。'));
  fs.writeFileSync(path.join(dir, 'undated.md'), issue('无日期', '无。'));
  fs.writeFileSync(path.join(dir, 'notes.md'), '# Not an issue\n\njust notes\n');
  return dir;
}

function run(format: FeedFormat, extra: { limit?: number; baseUrl?: string } = {}) {
  const dir = archive();
  const result = feedCommand({ dir, format, cwd: dir, baseUrl: 'https://s.example/weekly/', title: 'AI 周报', ...extra });
  return { dir, ...result };
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
const asList = <T>(x: T | T[]): T[] => (Array.isArray(x) ? x : [x]);

describe('weekly-issues feed', () => {
  it('RSS 2.0: channel title/link/description, items newest first with title, link, guid, pubDate, description, content', () => {
    const { stdout, stderr, exitCode } = run('rss');
    assert.equal(exitCode, 0);
    assert.deepEqual(stderr, ['undated.md: left out: no date (front matter "date:" or YYYY-MM-DD in the file name)']);
    const rss = parser.parse(stdout).rss;
    assert.equal(rss['@version'], '2.0');
    const channel = rss.channel;
    assert.equal(channel.title, 'AI 周报');
    assert.equal(channel.link, 'https://s.example/weekly/');
    assert.ok(channel.description);
    const items = asList(channel.item);
    assert.deepEqual(items.map((i: any) => i.title), ['第三期', '第二期', '第一期']);
    assert.deepEqual(items.map((i: any) => i.link), ['https://s.example/weekly/third.html', 'https://s.example/weekly/weekly-2026-01-09.html', 'https://s.example/weekly/2026-01-02.html']);
    assert.deepEqual(items.map((i: any) => i.pubDate), ['Fri, 16 Jan 2026 00:00:00 GMT', 'Fri, 09 Jan 2026 00:00:00 GMT', 'Fri, 02 Jan 2026 00:00:00 GMT']);
    assert.equal(items[2].description, '第一期的摘要，见 站点。');
    assert.match(items[2]['content:encoded'], /<a href="https:\/\/s.example\/weekly\/2026-01-02.html#a%E4%B8%80" style=/);
    for (const item of items) assert.ok(item.guid['#text'] || item.guid, 'guid');
  });

  it('Atom 1.0: feed id/title/updated, entries with id, title, updated, link, summary and content', () => {
    const feed = parser.parse(run('atom').stdout).feed;
    assert.equal(feed['@xmlns'], 'http://www.w3.org/2005/Atom');
    assert.equal(feed.id, 'https://s.example/weekly/');
    assert.equal(feed.title, 'AI 周报');
    assert.equal(feed.updated, '2026-01-16T00:00:00.000Z');
    const entries = asList(feed.entry);
    assert.equal(entries.length, 3);
    for (const e of entries) {
      assert.ok(e.id && e.title && e.updated && e.link && e.summary && e.content, JSON.stringify(Object.keys(e)));
    }
    assert.equal(entries[0].link['@href'], 'https://s.example/weekly/third.html');
  });

  it('JSON Feed 1.1: valid against the spec\'s required fields; --limit keeps the newest', () => {
    const schema = {
      type: 'object',
      required: ['version', 'title', 'items'],
      properties: {
        version: { const: 'https://jsonfeed.org/version/1.1' },
        title: { type: 'string' },
        home_page_url: { type: 'string', format: 'uri' },
        items: {
          type: 'array',
          items: {
            type: 'object',
            required: ['id'],
            anyOf: [{ required: ['content_html'] }, { required: ['content_text'] }],
            properties: {
              id: { type: 'string' },
              url: { type: 'string' },
              title: { type: 'string' },
              content_html: { type: 'string' },
              summary: { type: 'string' },
              date_published: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T' },
            },
          },
        },
      },
    };
    const validate = new Ajv({ strict: false }).compile(schema);
    const json: { items: Array<{ title: string; date_published: string }>; version: string } = JSON.parse(run('json', { limit: 2 }).stdout);
    assert.ok(validate(json), JSON.stringify(validate.errors));
    assert.deepEqual(json.items.map((i: any) => [i.title, i.date_published]), [['第三期', '2026-01-16T00:00:00.000Z'], ['第二期', '2026-01-09T00:00:00.000Z']]);
    assert.equal(validate({ ...json, version: 'https://jsonfeed.org/version/1' }), false, 'the schema can fail');
  });

  it('-o writes the file; a missing folder is exit 2', () => {
    const dir = archive();
    const result = feedCommand({ dir, format: 'rss', cwd: dir, out: 'feed.xml' });
    assert.equal(result.stdout, 'Wrote feed.xml (rss, 3 issues)\n');
    assert.match(fs.readFileSync(path.join(dir, 'feed.xml'), 'utf8'), /^<\?xml/);
    assert.equal(feedCommand({ dir: path.join(dir, 'nope'), format: 'rss', cwd: dir }).exitCode, 2);
  });
});
