/**
 * Hovers over a real HTTP fetcher and a local stand-in for arXiv, GitHub and project pages (127.0.0.1):
 * what a link is, whose it is, the fetched preview or why there is none; TOC links, tags, local images.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { MarkupContent } from 'vscode-languageserver-types';
import { LinkPreviewService, defaultPreviewSettings, type Fetcher } from '../../server/src/service/linkPreview/previewService';
import { RequestFailure } from '../../server/src/service/network/request';
import { createHttpFetcher } from '../../server/src/node/httpFetcher';
import { createPreviewDiskStore } from '../../server/src/node/previewDiskStore';
import { startPreviewSites, type PreviewSites } from '../support/previewSites';
import { docAt, positionOf, SAMPLE, workspaceService } from './navigationWorkspace';

let sites: PreviewSites;
let cacheDir: string;
before(async () => {
  sites = await startPreviewSites();
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-preview-cache-'));
});
after(async () => {
  await sites.close();
  fs.rmSync(cacheDir, { recursive: true, force: true });
});

const settings = () => ({ ...defaultPreviewSettings, arxivApiUrl: sites.arxivApiUrl, githubApiUrl: sites.githubApiUrl });
const previews = (options = {}) => new LinkPreviewService(createHttpFetcher({ allowPrivateHosts: ['127.0.0.1'], ...options }), settings, createPreviewDiskStore(cacheDir));

async function hoverText(text: string, needle: string, host = {}, delta = 1): Promise<string> {
  const { service } = await workspaceService({ 'sample.md': SAMPLE, 'b.md': SAMPLE.replace('# FramePack压缩', '# 第二期 FramePack压缩') }, { linkPreviews: previews(), ...host });
  const { doc } = docAt('sample.md', text);
  const hover = await service.getHover(doc, positionOf(text, needle, delta));
  assert.ok(hover, `a hover on ${needle}`);
  return (hover.contents as MarkupContent).value;
}

describe('hover on web links', () => {
  it('an arXiv reference: its id, abs/pdf/html links, its paper, and the API title, authors and abstract', async () => {
    const value = await hoverText(SAMPLE, 'https://arxiv.org/html/2504.12626');
    assert.match(value, /^\*\*arXiv paper 2504\.12626\*\* · paper \*\*FramePack\*\* · reference 3/);
    assert.match(value, /\[abs\]\(https:\/\/arxiv\.org\/abs\/2504\.12626\) · \[pdf\]\(https:\/\/arxiv\.org\/pdf\/2504\.12626\)/);
    assert.match(value, /\*\*Packing Input Frame Context in Next-Frame Prediction Models for Video Generation\*\*/);
    assert.match(value, /Lvmin Zhang, Maneesh Agrawala/);
    assert.match(value, /We present a neural network structure, FramePack, to train next-frame prediction models &amp; more\./);
  });

  it('a GitHub reference: owner/name, description, stars and last push', async () => {
    const value = await hoverText(SAMPLE, 'https://github.com/lllyasviel/FramePack');
    assert.match(value, /GitHub repository lllyasviel\/FramePack.*paper \*\*FramePack\*\*/);
    assert.match(value, /\*\*lllyasviel\/FramePack\*\*: Lets make video diffusion practical!/);
    assert.match(value, /★ 15,321 · last push 2025-05-02 · Python/);
  });

  it("a project page: its Open Graph title, description and image, resolved against the page", async () => {
    const text = SAMPLE.replace('https://lllyasviel.github.io/frame_pack_gitpage/', () => `${sites.base}/project/`);
    const value = await hoverText(text, `${sites.base}/project/`);
    assert.match(value, /Project page on 127\.0\.0\.1\*\* · paper \*\*FramePack\*\* · reference 1/);
    assert.match(value, /\*\*FramePack &amp; friends\*\*/);
    assert.match(value, /Video diffusion, but feels like image diffusion\./);
    assert.ok(!value.includes('![preview]'), 'images only over https');
  });

  it('says why there is no preview, and still shows what is known locally', async () => {
    const missing = SAMPLE.replace('https://lllyasviel.github.io/frame_pack_gitpage/', () => `${sites.base}/missing`);
    const host = new URL(sites.base).host;
    const missingHover = await hoverText(missing, `${sites.base}/missing`);
    assert.equal(missingHover.slice(missingHover.indexOf(" · paper")), ` · paper **FramePack** · reference 1\n\n---\n\n*No preview: ${host} answered HTTP 404.*`);
    const slow = SAMPLE.replace('https://lllyasviel.github.io/frame_pack_gitpage/', () => `${sites.base}/slow`);
    assert.match(await hoverText(slow, `${sites.base}/slow`, { linkPreviews: previews({ timeoutMs: 1000 }) }), /\n\*No preview: no answer within 1 s\.\*$/);
    const untrusted = await hoverText(SAMPLE, 'https://github.com/lllyasviel/FramePack', { previewsAllowed: () => ({ allowed: false, why: 'untrusted' as const }) });
    assert.equal(untrusted, '**GitHub repository lllyasviel/FramePack** · paper **FramePack** · reference 2\n\n---\n\n*No preview: previews are off in an untrusted workspace (trust it, or set weekly.hover.fetchPreviews).*');
    // Previews turned off: the hover says what the link is, and nothing about previews.
    const off = await hoverText(SAMPLE, 'https://github.com/lllyasviel/FramePack', { previewsAllowed: () => ({ allowed: false, why: 'off' as const }) });
    assert.equal(off, '**GitHub repository lllyasviel/FramePack** · paper **FramePack** · reference 2');
    // Offline: the reason once, in words, without an error code.
    const unknownHost: Fetcher = { fetch: async () => { throw new RequestFailure('unknown-host', { host: 'api.github.com' }, 'ENOTFOUND'); } };
    const offlineHover = await hoverText(SAMPLE, 'https://github.com/lllyasviel/FramePack', { linkPreviews: new LinkPreviewService(unknownHost, settings) });
    assert.ok(offlineHover.endsWith('\n\n---\n\n*No preview: offline, or the host api.github.com is unknown.*'), offlineHover);
    const offline = SAMPLE.replace('https://github.com/lllyasviel/FramePack', () => 'https://github.com/lllyasviel/missing');
    assert.match(await hoverText(offline, 'https://github.com/lllyasviel/missing'), /\*No preview: 127\.0\.0\.1:\d+ answered HTTP 404\.\*$/);
  });
});

describe('the preview fetcher and cache', () => {
  it('caps the size, limits redirects, fetches only http(s)', async () => {
    const fetcher = createHttpFetcher({ timeoutMs: 2000, allowPrivateHosts: ['127.0.0.1'] });
    await assert.rejects(fetcher.fetch(`${sites.base}/big`, 'text/html'), /too-large/);
    await assert.rejects(fetcher.fetch(`${sites.base}/redirect/4`, 'text/html'), /too-many-redirects/);
    const followed = await fetcher.fetch(`${sites.base}/redirect/3`, 'text/html');
    assert.equal(followed.url, `${sites.base}/page`);
    await assert.rejects(fetcher.fetch('file:///etc/passwd', 'text/html'), /scheme/);
  });

  it('answers again from memory, then from disk, until the time-to-live ends', async () => {
    let now = 1_000_000;
    const make = () => new LinkPreviewService({ ...createHttpFetcher({ allowPrivateHosts: ['127.0.0.1'] }), now: () => now }, settings, createPreviewDiskStore(cacheDir));
    const url = 'https://github.com/cache/probe';
    const first = make();
    assert.ok('preview' in (await first.get(url)));
    const again = await first.get(url);
    assert.ok('preview' in again && again.cached);
    assert.equal(sites.hits.get('/repos/cache/probe'), 1, 'the second answer came from memory');
    const second = make(); // a new server process: memory is empty, the disk is not
    assert.ok('preview' in (await second.get(url)));
    assert.equal(sites.hits.get('/repos/cache/probe'), 1, 'from disk');
    now += defaultPreviewSettings.ttlMs + 1;
    assert.ok('preview' in (await make().get(url)));
    assert.equal(sites.hits.get('/repos/cache/probe'), 2, 'fetched again after the TTL');
  });

  it('keeps at most 500 answers in memory, dropping the oldest first (a day of typed-over links)', async () => {
    let fetches = 0;
    const failing: Fetcher = { fetch: async () => { fetches++; throw new RequestFailure('unknown-host', { host: 'example.invalid' }, 'ENOTFOUND'); } };
    const service = new LinkPreviewService(failing, settings);
    for (let i = 0; i < 600; i++) await service.get(`https://page-${i}.example.invalid/`);
    assert.equal(fetches, 600);
    await service.get('https://page-599.example.invalid/');
    assert.equal(fetches, 600, 'the newest failure is remembered');
    await service.get('https://page-0.example.invalid/');
    assert.equal(fetches, 601, 'the oldest was dropped');
  });
});

describe('hover on anchors, tags and images', () => {
  it('a broken anchor: only the nearest anchors (its diagnostic says what is wrong)', async () => {
    const text = SAMPLE.replace('](#dreamo', '](#dreamx');
    assert.equal(await hoverText(text, '](#dreamx', 3), 'Nearest anchors: `#dreamo多条件图像定制统一框架`, `#摘要`, `#目录`');
  });

  it('a TOC link: the heading it lands on and that paper\'s summary', async () => {
    const value = await hoverText(SAMPLE, '](#dreamo', 3);
    assert.match(value, /^## DreamO：多条件图像定制统一框架/);
    assert.match(value, /\n\nDreamO 是由 字节跳动 提出的图像定制统一框架/, 'the summary, as plain text');
    assert.match(value, /\*line 62, `#dreamo多条件图像定制统一框架`\*$/);
  });

  it('a tag: how many issues and papers use it, and up to five papers with their issues', async () => {
    const value = await hoverText(SAMPLE, '#扩散模型');
    assert.equal(value, '**#扩散模型**: used in 2 issues and 4 papers.\n\nPapers with this tag:\n- Step1X-Edit (`sample.md`)\n- DreamID (`sample.md`)\n- Step1X-Edit (`b.md`)\n- DreamID (`b.md`)');
  });

  it('a local image: the image itself', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-img-'));
    fs.mkdirSync(path.join(root, 'assets/images/ai-weekly'), { recursive: true });
    fs.writeFileSync(path.join(root, 'assets/images/ai-weekly/ui.png'), 'png');
    try {
      const value = await hoverText(SAMPLE, '/assets/images/ai-weekly/ui.png', { workspaceRoots: () => [root], fileExists: fs.existsSync });
      assert.match(value, new RegExp(`^!\\[FramePack 示例\\]\\(file://${root}/assets/images/ai-weekly/ui\\.png\\)`));
      const gone = await hoverText(SAMPLE, '/assets/images/ai-weekly/ui.png', { workspaceRoots: () => ['/nowhere'], fileExists: fs.existsSync });
      assert.match(gone, /no file at `\/nowhere\/assets\/images\/ai-weekly\/ui\.png`/);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
