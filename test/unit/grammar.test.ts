/**
 * The injected TextMate grammars, tokenized the way VS Code does it (vscode-textmate + vscode-oniguruma)
 * over VS Code's own Markdown grammar, with the injections wired from package.json's `injectTo`.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, test } from 'node:test';
import * as vsctm from 'vscode-textmate';
import * as oniguruma from 'vscode-oniguruma';

const root = path.resolve(__dirname, '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  contributes: { grammars: Array<{ scopeName: string; path: string; injectTo?: string[] }> };
};
const sample = fs.readFileSync(path.join(root, 'examples', 'ai-weekly-sample.md'), 'utf8');

let markdown: vsctm.IGrammar;

before(async () => {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  const ours = manifest.contributes.grammars.filter((g) => g.injectTo?.includes('text.html.markdown'));
  assert.ok(ours.length >= 2, 'package.json injects the grammars into Markdown');
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    async loadGrammar(scopeName) {
      if (scopeName === 'text.html.markdown') {
        const file = require.resolve('tm-grammars/grammars/markdown.json');
        return vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
      }
      const g = ours.find((x) => x.scopeName === scopeName);
      if (!g) return null; // embedded languages of fenced code: not needed here
      const file = path.join(root, g.path);
      return vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
    },
    getInjections: (scopeName) => ours.filter((g) => g.injectTo!.includes(scopeName)).map((g) => g.scopeName),
  });
  markdown = (await registry.loadGrammar('text.html.markdown'))!;
});

/** Each line's tokens as [text, scopes without the root], tokenizing the whole text in order. */
function tokenize(text: string): Array<Array<[string, string[]]>> {
  let stack = vsctm.INITIAL;
  return text.split('\n').map((line) => {
    const r = markdown.tokenizeLine(line, stack);
    stack = r.ruleStack;
    return r.tokens.map((t) => [line.slice(t.startIndex, t.endIndex), t.scopes.slice(1)] as [string, string[]]);
  });
}

const lineOf = (text: string, start: string) => text.split('\n').findIndex((l) => l.startsWith(start));
/** The scopes of the first token with exactly this text on a line. */
function scopesOf(tokens: Array<[string, string[]]>, text: string): string[] {
  const t = tokens.find(([s]) => s === text);
  assert.ok(t, `no token "${text}" in ${JSON.stringify(tokens.map(([s]) => s))}`);
  return t[1];
}

test('tag lines: the label is a field label and every tag is entity.name.tag', () => {
  const lines = tokenize(sample);
  const tags = lines[lineOf(sample, '**标签**：#视频生成')];
  assert.ok(scopesOf(tags, '标签').includes('support.type.property-name.field-label.tags.weekly'));
  // A key's colour in every theme (blue or teal), never keyword or invalid colours that read as an error.
  assert.ok(!scopesOf(tags, '标签').some((s) => /^(keyword|invalid)/.test(s)));
  assert.ok(scopesOf(tags, '标签').includes('markup.bold.markdown'));
  assert.ok(scopesOf(tags, '：').includes('punctuation.separator.key-value.weekly'));
  const tagTokens = tags.filter(([, s]) => s.includes('entity.name.tag.weekly')).map(([t]) => t).join('');
  assert.equal(tagTokens, '#视频生成#上下文压缩#Transformer#高效计算#视频扩散');
});

test('summary labels are field labels and the summary keeps its Markdown (bold) highlighting', () => {
  const lines = tokenize(sample);
  const summary = lines[lineOf(sample, '**概要**：**FramePack**')];
  assert.ok(scopesOf(summary, '概要').includes('support.type.property-name.field-label.summary.weekly'));
  assert.ok(scopesOf(summary, 'FramePack').includes('markup.bold.markdown'));
  assert.ok(!scopesOf(summary, 'FramePack').includes('support.type.property-name.field-label.summary.weekly'));
});

test('reference entries: the number and the kind of each link', () => {
  const lines = tokenize(sample);
  const project = lines[lineOf(sample, '1. [FramePack 项目主页]')];
  assert.ok(scopesOf(project, '1').includes('constant.numeric.reference-number.weekly'));
  assert.ok(scopesOf(project, '项目主页').includes('support.type.reference-kind.project.weekly'));
  assert.ok(scopesOf(project, 'FramePack').includes('string.other.link.title.markdown'));
  assert.ok(scopesOf(project, 'https://lllyasviel.github.io/frame_pack_gitpage/').includes('markup.underline.link.markdown'));
  const github = lines[lineOf(sample, '10. [DreamID GitHub 仓库]')];
  assert.ok(scopesOf(github, '10').includes('constant.numeric.reference-number.weekly'));
  assert.ok(scopesOf(github, 'GitHub 仓库').includes('support.type.reference-kind.github.weekly'));
  const paper = lines[lineOf(sample, '17. [StyleMe3D 论文链接]')];
  assert.ok(scopesOf(paper, '论文链接').includes('support.type.reference-kind.paper.weekly'));
});

test('English issues: Summary / Tags labels and Project Page / GitHub / Paper kinds', () => {
  const text = [
    '**Summary**: **Alpha** does one thing.',
    '',
    '**Tags**: #Agents #LLM',
    '',
    '1. [Alpha Project Page](https://alpha.example.org/)',
    '2. [Alpha GitHub](https://github.com/example/alpha)',
    '3. [Alpha Paper](https://arxiv.org/abs/2611.00001)',
  ].join('\n');
  const lines = tokenize(text);
  assert.ok(scopesOf(lines[0], 'Summary').includes('support.type.property-name.field-label.summary.weekly'));
  assert.ok(scopesOf(lines[2], 'Tags').includes('support.type.property-name.field-label.tags.weekly'));
  assert.deepEqual(lines[2].filter(([, s]) => s.includes('entity.name.tag.weekly')).map(([t]) => t), ['#', 'Agents', '#', 'LLM']);
  assert.ok(scopesOf(lines[4], 'Project Page').includes('support.type.reference-kind.project.weekly'));
  assert.ok(scopesOf(lines[5], 'GitHub').includes('support.type.reference-kind.github.weekly'));
  assert.ok(scopesOf(lines[6], 'Paper').includes('support.type.reference-kind.paper.weekly'));
  assert.ok(scopesOf(lines[6], '3').includes('constant.numeric.reference-number.weekly'));
});

test('nothing is claimed outside those lines: TOC entries, #numbers in prose, code blocks', () => {
  const text = [
    '1. [FramePack：提升视频生成效率的上下文压缩框架](#framepack提升视频生成效率的上下文压缩框架)',
    '',
    'See issue #12 and #视频生成 in prose.',
    '',
    '```',
    '**标签**：#扩散模型',
    '1. [X 项目主页](https://x.org/)',
    '```',
  ].join('\n');
  const all = tokenize(text).flat().flatMap(([, s]) => s);
  for (const scope of all) assert.doesNotMatch(scope, /\.weekly$/, `unexpected ${scope}`);
  // The TOC line stays an ordinary Markdown list.
  assert.ok(tokenize(text)[0].some(([, s]) => s.includes('markup.list.numbered.markdown')));
});
