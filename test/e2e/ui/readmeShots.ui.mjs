// The README's screenshots, taken as a person sees the sample issue, each asserting what it shows: tag completion after `#` (the most used
// tag first, tags on the line left out), the hover of a TOC link (heading and summary), the Weekly outline (the issue holding 摘要, 目录, the papers and
// 参考链接) and the preview (title, problem header, chips). PNGs go to test-results/; with
// WEEKLY_UPDATE_README_SHOTS=1 also to docs/images/ (each cropped to what it shows, under 150 KB).
// Hover previews and remote images are off: nothing here leaves 127.0.0.0/8.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { STEP_TIMEOUT_MS, Workbench } from '../harness/ui.mjs';

const SAMPLE = 'ai-weekly-sample.md';
const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', '..');
const README_IMAGES = path.join(REPO, 'docs', 'images');
const MAX_BYTES = 150 * 1024;
const TOC_DREAMO = '5. [DreamO：多条件图像定制统一框架]';
const TAGS_LINE = '**标签**：#视频生成 #上下文压缩 #Transformer #高效计算 #视频扩散 ';

let wb;
let text;

before(async () => {
  const workspace = process.env.E2E_WORKSPACE;
  assert.ok(workspace, 'run through the harness: npm run test:e2e -- --layer ui --only readmeShots');
  fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify({
    'weekly.hover.fetchPreviews': false,
    'weekly.preview.remoteImages': false,
    'outline.collapseItems': 'alwaysExpand',
  }));
  text = fs.readFileSync(path.join(workspace, SAMPLE), 'utf8');
  wb = await Workbench.open({ expectFile: SAMPLE });
});

after(async () => {
  if (wb) await wb.close();
});

/** 1-based line of the line starting with `start`. */
function lineOf(start) {
  const index = text.split('\n').findIndex((l) => l.startsWith(start));
  assert.ok(index >= 0, `no line starts with ${start}`);
  return index + 1;
}

/** A screenshot of `box` grown by `pad` (kept inside the window); saved for the README when asked. */
async function shot(name, box, pad = 16) {
  const size = wb.page.viewportSize();
  const x = Math.max(0, Math.floor(box.x - pad));
  const y = Math.max(0, Math.floor(box.y - pad));
  const clip = { x, y, width: Math.min(size.width - x, Math.ceil(box.width + 2 * pad)), height: Math.min(size.height - y, Math.ceil(box.height + 2 * pad)) };
  fs.mkdirSync(wb.resultsDir, { recursive: true });
  const file = path.join(wb.resultsDir, `${name}.png`);
  await wb.page.screenshot({ path: file, clip });
  const bytes = fs.statSync(file).size;
  assert.ok(bytes < MAX_BYTES, `${name}.png is ${bytes} bytes, over ${MAX_BYTES}: crop it`);
  if (process.env.WEEKLY_UPDATE_README_SHOTS === '1') {
    fs.mkdirSync(README_IMAGES, { recursive: true });
    fs.copyFileSync(file, path.join(README_IMAGES, `${name}.png`));
  }
  console.log(`# ${name}.png: ${clip.width}×${clip.height}, ${bytes} bytes`);
}

/** The union of two boxes (a widget and the line it belongs to). */
const union = (a, b) => {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
};

/**
 * The sample open with the cursor at the end of the line starting with `start`, once the server has
 * answered: its trigger characters and hovers are registered once the language client runs, and the
 * status bar's "is an issue" entry is its first answer. End, not a column: Go to Line counts a CJK
 * character as two columns.
 */
async function endOfLineIn(start) {
  await wb.quickOpen(SAMPLE);
  await wb.page.locator('.statusbar-item .codicon-book').first().waitFor();
  await wb.goToLine(lineOf(start), 1);
  await wb.page.keyboard.press('End');
}

test('tag completion after #: the tag most papers use first, none already on the line', async () => {
  await endOfLineIn(TAGS_LINE);
  await wb.page.keyboard.type('#');
  const widget = wb.page.locator('.editor-widget.suggest-widget.visible');
  await widget.waitFor();
  const rows = widget.locator('.monaco-list-row');
  await rows.first().waitFor();
  await wb.page.waitForFunction(() => /#扩散模型/.test(document.querySelector('.suggest-widget.visible .monaco-list-row')?.textContent ?? ''), null, { timeout: STEP_TIMEOUT_MS });
  const first = (await rows.first().innerText()).replace(/\s+/g, ' ');
  assert.match(first, /^#扩散模型/);
  assert.match(first, /2 papers/, 'the focused item shows its count');
  const labels = await widget.locator('.monaco-list-row .label-name').allInnerTexts();
  for (const onLine of ['#视频生成', '#上下文压缩', '#Transformer', '#高效计算', '#视频扩散']) assert.ok(!labels.includes(onLine), `${onLine} is on the line: ${labels.join(' ')}`);
  const editorLine = wb.page.locator('.editor-instance .monaco-editor .view-line', { hasText: '#上下文压缩' }).first();
  await shot('readme-completion', union(await widget.boundingBox(), await editorLine.boundingBox()));
  await wb.page.keyboard.press('Escape');
  await wb.page.keyboard.press('Control+Z');
  await wb.page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached' });
});

test('hover on a TOC link: the heading it leads to and the start of its summary', async () => {
  await endOfLineIn(TOC_DREAMO);
  // Into the link's target: left past ")" into the anchor.
  for (let i = 0; i < 4; i++) await wb.page.keyboard.press('ArrowLeft');
  await wb.runCommand('Show or Focus Hover');
  const hover = wb.page.locator('.monaco-hover:not(.hidden)').filter({ hasText: '多条件图像定制统一框架' }).first();
  await hover.waitFor();
  const shown = (await hover.innerText()).replace(/\s+/g, ' ');
  assert.match(shown, /DreamO：多条件图像定制统一框架/);
  assert.match(shown, /DreamO 是由/, 'the summary follows the heading');
  const editorLine = wb.page.locator('.editor-instance .monaco-editor .view-line', { hasText: '#dreamo多条件' }).first();
  await shot('readme-hover', union(await hover.boundingBox(), await editorLine.boundingBox()));
  await wb.page.keyboard.press('Escape');
});

test('the Weekly outline: the issue holding 摘要, 目录, the six papers and 参考链接', async () => {
  await wb.quickOpen(SAMPLE);
  await wb.page.keyboard.press('Control+Home');
  await wb.runCommand('Explorer: Focus on Outline View');
  // The folder section collapsed, so the outline has the room to show every row (the list draws visible rows only).
  const folders = wb.page.locator('.pane-header[aria-label*="Explorer Section"]').first();
  if ((await folders.getAttribute('aria-expanded')) === 'true') await folders.click();
  const pane = wb.page.locator('.pane', { has: wb.page.locator('.pane-header', { hasText: /Outline/i }) }).last();
  await pane.locator('.monaco-list-row', { hasText: '参考链接' }).first().waitFor().catch(async (err) => {
    await wb.screenshot('readme-outline-failed');
    throw err;
  });
  const rows = (await pane.locator('.monaco-list-row').allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim());
  console.log(`# outline rows: ${JSON.stringify(rows)}`);
  // The Weekly group: the issue, then its parts as siblings, papers with their tags as detail.
  assert.deepEqual(rows.slice(0, 11), [
    'Weekly Issues',
    'FramePack压缩加速视频生成 | Step1X-Edit开源高质量图像编辑 | DreamID高保真换脸【AI周报】6 papers',
    '摘要', '目录',
    'FramePack#视频生成 #上下文压缩 #Transformer #高效计算 #视频扩散',
    'Step1X-Edit#图像编辑 #多模态大模型 #扩散模型 #开源框架 #高质量数据生成',
    'Describe Anything#局部描述 #图像视频理解 #多模态模型 #区域问答 #视觉语言模型',
    'DreamID#扩散模型 #换脸 #身份保留 #高保真 #快速推理',
    'DreamO#图像定制 #多条件控制 #DiffusionTransformer #特征路由 #渐进式训练',
    'StyleMe3D#3D风格迁移 #高斯点云 #多模态建模 #语义解耦 #实时渲染',
    '参考链接',
  ]);
  // Siblings: 参考链接 is indented as the papers are, not under the last paper.
  const indent = async (name) => (await pane.locator('.monaco-list-row', { hasText: name }).first().locator('.monaco-tl-indent').boundingBox()).width;
  assert.equal(await indent('参考链接'), await indent('StyleMe3D'));
  assert.equal(await indent('摘要'), await indent('#视频生成 #上下文压缩')); // FramePack's row (the title row also names FramePack)
  await shot('readme-outline', await pane.boundingBox(), 4);
});

test('the preview: the issue as readers see it, with its problem header and chips', async () => {
  await wb.quickOpen(SAMPLE);
  await wb.page.keyboard.press('Control+Home'); // the preview follows the editor: start at the title
  await wb.runCommand('Weekly: Open Weekly Preview to the Side');
  await wb.page.locator('.tabs-container .tab', { hasText: `Preview ${SAMPLE}` }).waitFor();
  let preview;
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  while (!preview && Date.now() < deadline) {
    for (const frame of wb.page.frames()) {
      const root = frame.locator('#weekly-preview');
      if ((await root.count().catch(() => 0)) && (await root.innerText({ timeout: 500 }).catch(() => '')).includes('FramePack')) preview = frame;
    }
    if (!preview) await wb.page.waitForTimeout(200);
  }
  assert.ok(preview, 'the preview shows the sample');
  assert.match(await preview.locator('h1').first().innerText(), /FramePack压缩加速视频生成/);
  assert.deepEqual(await preview.locator('header.weekly-problems span').allInnerTexts(), ['0 errors', '0 warnings', '1 note']);
  assert.equal(await preview.locator('.tag-chip').count(), 30);
  assert.equal(await preview.locator('.image-placeholder').first().innerText(), '封面源自C站作者Koal2 — 此处未加载：远程图片已关闭，或文件不在工作区内');
  const group = wb.page.locator('.editor-group-container', { hasText: `Preview ${SAMPLE}` }).last();
  const box = await group.boundingBox();
  await shot('readme-preview', { ...box, height: Math.min(box.height, 620) }, 0);
});
