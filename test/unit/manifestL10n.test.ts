/** Two languages: every manifest string and every runtime string of the client has a Chinese text. */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

const root = path.resolve(__dirname, '..', '..');
const read = (p: string) => fs.readFileSync(path.join(root, p), 'utf8');
const manifestText = read('package.json');
const manifest = JSON.parse(manifestText);

test('every %key% of package.json is in package.nls.json and package.nls.zh-cn.json', () => {
  const keys = [...new Set([...manifestText.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]))];
  assert.ok(keys.includes('weekly.newPaperEntry.title'));
  for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) {
    const nls = JSON.parse(read(file));
    const missing = keys.filter((k) => typeof nls[k] !== 'string' || !nls[k]);
    assert.deepEqual(missing, [], `${file} lacks ${missing.join(', ')}`);
  }
  const zh = JSON.parse(read('package.nls.zh-cn.json'));
  assert.equal(zh['weekly.newPaperEntry.title'], '新建论文条目');
});

test('the Weekly commands are in category "Weekly" with localized titles', () => {
  const ids = ['weekly.newPaperEntry', 'weekly.newIssue', 'weekly.updateToc', 'weekly.renumberReferences', 'weekly.fixAll'];
  for (const id of ids) {
    const c = manifest.contributes.commands.find((x: { command: string }) => x.command === id);
    assert.ok(c, id);
    assert.equal(c.category, 'Weekly');
    assert.match(c.title, /^%.+%$/);
  }
  assert.equal(manifest.l10n, './l10n');
});

test('every vscode.l10n.t string of the client has a zh-cn translation in the bundle', () => {
  const bundle = JSON.parse(read('l10n/bundle.l10n.zh-cn.json')) as Record<string, string>;
  const strings = new Set<string>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.ts')) {
        for (const m of fs.readFileSync(p, 'utf8').matchAll(/l10n\.t\(\s*('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")/g)) strings.add(new Function(`return ${m[1]}`)() as string); // a JS string literal, read as JS
      }
    }
  };
  walk(path.join(root, 'client', 'src'));
  assert.ok(strings.has('New Paper Entry'));
  const missing = [...strings].filter((s) => !bundle[s]);
  assert.deepEqual(missing, []);
  // Placeholders survive translation.
  for (const [en, zh] of Object.entries(bundle)) {
    const holes = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort().join();
    assert.equal(holes(zh), holes(en), `placeholders of "${en}"`);
  }
});

test('snippets: paper, ref, issue and tags, each in Chinese and English', () => {
  const entry = manifest.contributes.snippets.find((s: { language: string }) => s.language === 'markdown');
  const snippets = JSON.parse(read(entry.path)) as Record<string, { prefix: string; body: string[] }>;
  const byPrefix = new Map(Object.values(snippets).map((s) => [s.prefix, s.body.join('\n')]));
  for (const p of ['paper', 'ref', 'issue', 'tags']) {
    assert.ok(byPrefix.has(p), p);
    assert.ok(byPrefix.has(`${p}-en`), `${p}-en`);
  }
  assert.match(byPrefix.get('paper')!, /\*\*概要\*\*：/);
  assert.match(byPrefix.get('paper')!, /\$\{5\|#扩散模型,/); // a choice of known tags
  assert.match(byPrefix.get('paper-en')!, /\*\*Summary\*\*: /);
  assert.match(byPrefix.get('ref')!, /项目主页[\s\S]*GitHub 仓库[\s\S]*论文链接/);
  assert.match(byPrefix.get('issue')!, /## 目录[\s\S]*### \*\*参考链接\*\*/);
});
