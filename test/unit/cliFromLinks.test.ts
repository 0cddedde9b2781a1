/**
 * `weekly-issues new-entry --from URL` and `new-issue --from`, as real processes, with `services.*` in
 * `.weekly-issues.json` pointed at stand-ins on 127.0.0.1 (test/support/paperServices.ts).
 */
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { lint } from '../../server/src/cli/lint';
import { SAMPLE_MISLABEL_MESSAGE } from '../support/sampleMislabel';
import { startPaperServices, type PaperServiceSites } from '../support/paperServices';

const root = path.resolve(__dirname, '..', '..');
const main = path.join(root, 'server', 'src', 'cli', 'main.ts');
const tsx = require.resolve('tsx', { paths: [root] });
const sample = fs.readFileSync(path.join(root, 'examples', 'ai-weekly-sample.md'), 'utf8');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-from-'));
const cacheDir = path.join(dir, '.cache');
let sites: PaperServiceSites;

before(async () => {
  sites = await startPaperServices();
  fs.writeFileSync(path.join(dir, '.weekly-issues.json'), JSON.stringify({ services: sites.settings, network: { allowPrivateHosts: ['127.0.0.1'] } }));
});
after(async () => {
  await sites.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function cli(args: string[], env: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', pathToFileURL(tsx).href, main, ...args], {
      cwd: dir,
      env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'C', WEEKLY_ISSUES_CACHE_DIR: cacheDir, GITHUB_TOKEN: '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

test('new-entry --from an arXiv link writes heading, TOC entry, draft summary, tags and references from the lookups; lint is clean', async () => {
  const file = path.join(dir, 'issue.md');
  fs.writeFileSync(file, sample);
  const r = await cli(['new-entry', 'issue.md', '--from', 'https://arxiv.org/pdf/2408.00714v1']);
  assert.equal(r.stderr, '');
  assert.equal(r.status, 0);
  assert.equal(r.stdout, 'issue.md: added "SAM 2" (section, TOC entry, references)\n');
  const after = fs.readFileSync(file, 'utf8');
  const o = sites.origin.replace(/\./g, '\\.');
  // The heading from the title (name before the colon), the project page's og:image made absolute, the
  // abstract unwrapped as a marked draft, tags from the issue's vocabulary and the built-in topics.
  assert.match(after, new RegExp(`\n## SAM 2：Segment Anything in Images and Videos\n\n!\\[SAM 2 图\\]\\(${o}/img/sam2\\.jpg\\)\n\n\\*\\*概要\\*\\*：We present Segment Anything Model 2 \\(SAM 2\\), a foundation model towards solving promptable visual segmentation in images and videos\\. We build a data engine, which improves model and data via user interaction, to collect the largest video segmentation dataset to date\\. <!-- weekly:draft [0-9a-f]{8} -->\n\n\\*\\*标签\\*\\*：#[^\n]*#图像分割|\\*\\*标签\\*\\*：#图像分割`));
  assert.match(after, /\n7\. \[SAM 2：Segment Anything in Images and Videos\]\(#sam-2segment-anything-in-images-and-videos\)\n/);
  // References in the issue's labels and order; the paper link in the form the issue uses (html/).
  assert.match(after, new RegExp(`\\d+\\. \\[SAM 2 项目主页\\]\\(${o}/sam2/\\)\n\\d+\\. \\[SAM 2 GitHub 仓库\\]\\(https://github\\.com/facebookresearch/sam2\\)\n\\d+\\. \\[SAM 2 论文链接\\]\\(https://arxiv\\.org/html/2408\\.00714\\)\n$`));
  const report = lint({ paths: [file], format: 'json', root: path.join(root, 'examples'), fix: false, cwd: dir });
  const found = JSON.parse(report.stdout) as Array<{ code: string; severity: string; message: string }>;
  // The draft summary it wrote, and the sample's own mislabelled reference (nothing from the new entry's references).
  assert.deepEqual(found.map((f) => [f.code, f.severity]), [['summary-draft', 'info'], ['ref-kind-mismatch', 'info']]);
  assert.equal(found[1].message, SAMPLE_MISLABEL_MESSAGE.en);
});

test('a failed lookup leaves the file byte-identical and exits 1 with one line naming the service', async () => {
  const file = path.join(dir, 'fail.md');
  fs.writeFileSync(file, sample);
  sites.badDay.set('/api/query', 'error-entry');
  try {
    const r = await cli(['new-entry', 'fail.md', '--from', '2501.00001']);
    assert.equal(r.status, 1);
    assert.equal(r.stderr, 'weekly-issues: 2501.00001: arXiv: incorrect id format for 2501.00001\n');
    assert.equal(fs.readFileSync(file, 'utf8'), sample);
  } finally {
    sites.badDay.clear();
  }
  const notLink = await cli(['new-entry', 'fail.md', '--from', 'FramePack']);
  assert.equal(notLink.status, 1);
  assert.equal(notLink.stderr, 'weekly-issues: FramePack: "FramePack" is not a link or an arXiv id\n');
  assert.equal(fs.readFileSync(file, 'utf8'), sample);
});

test('--offline answers from the cache the last run filled; a miss exits 1', async () => {
  const hits = () => [...sites.hits.values()].reduce((a, b) => a + b, 0);
  const seen = hits();
  const again = await cli(['new-entry', 'issue.md', '--from', '2408.00714', '--offline', '--dry-run']);
  assert.equal(again.status, 1); // the paper is in the issue already: refused, but looked up from the cache alone
  assert.match(again.stderr, /issue\.md: .*"SAM 2"/);
  assert.equal(hits(), seen);
  const miss = await cli(['new-entry', 'issue.md', '--from', '2501.00001', '--offline']);
  assert.equal(miss.status, 1);
  assert.equal(miss.stderr, 'weekly-issues: 2501.00001: arXiv: not in the cache, and requests are off (--offline)\n');
  assert.equal(hits(), seen);
});

test('new-issue --from two links: one new file, two sections in order, one arXiv request', async () => {
  sites.hits.clear();
  const r = await cli(['new-issue', 'issues/2025-04-25.md', '--from', 'https://github.com/lllyasviel/FramePack', '--from', 'https://hf.co/papers/2501.00001', '--title', '本周论文【AI周报】']);
  assert.equal(r.status, 0, r.stderr);
  const text = fs.readFileSync(path.join(dir, 'issues', '2025-04-25.md'), 'utf8');
  assert.match(text, /^# 本周论文【AI周报】\n/);
  const framePack = text.indexOf('## FramePack：Packing Input Frame Context in Next-Frame Prediction Models for Video Generation');
  const theory = text.indexOf('## 2501.00001：A Theory Paper Without Code');
  assert.ok(framePack > 0 && theory > framePack, text);
  assert.equal(sites.hits.get('/api/query'), 1);
  const again = await cli(['new-issue', 'issues/2025-04-25.md', '--from', '2504.12626']);
  assert.equal(again.status, 1);
  assert.match(again.stderr, /the file exists/);
});
