/**
 * A working day of typing over real LSP stdio: edits spread over 5 open issues (typing, deleting, pasting a
 * paper section, undoing the paste, saving), with hovers, completions and code actions in between. Each edit
 * waits for its diagnostics, and edits are at least `gapMs` apart (faster than a fast typist). Per block of
 * edits: p50/p95 edit -> diagnostics, the server's RSS and heap after a forced GC (`--expose-gc`).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LspClient, REPO_ROOT } from '../lsp/lspClient';

export interface SoakBlock {
  edits: number;
  p50: number;
  p95: number;
  rssMb: number;
  heapMb: number;
  /** The open issues' mean length in characters: typing and deleting keep it near the sample's. */
  meanChars: number;
  /** Their mean count of headings: edits that leave the structure alone keep it at the sample's. */
  meanHeadings: number;
}

export interface SoakOptions {
  edits: number;
  blockSize: number;
  gapMs: number;
  onBlock?(block: SoakBlock): void;
}

const SAMPLE = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'ai-weekly-sample.md'), 'utf8');
const PASTE = '## PasteNet：粘贴的论文\n\n![PasteNet 图]()\n\n**概要**：一段粘贴进来的概要。\n\n**标签**：#扩散模型 #视频生成\n\n---\n\n';
const WORDS = ['扩散', 'model ', '视频', 'the ', '生成', 'fast ', '，', '。', 'FramePack ', '#标签 '];

/** A deterministic pseudo-random sequence, so two soak runs do the same edits. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

export async function runSoak(options: SoakOptions): Promise<{ blocks: SoakBlock[]; stderr: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-soak-'));
  const client = await LspClient.start({ workspaceFolders: [dir], nodeArgs: ['--expose-gc', ...(process.env.SOAK_NODE_ARGS?.split(' ').filter(Boolean) ?? [])], waitTimeoutMs: 60_000 });
  const random = rng(20261202);
  const docs = Array.from({ length: 5 }, (_, i) => ({ uri: client.uri(`issue-${i}.md`), text: SAMPLE, version: 1, pasted: false }));
  try {
    for (const d of docs) {
      client.open(d.uri, d.text, 1);
      await client.waitForDiagnostics(d.uri, { version: 1 });
    }
    const blocks: SoakBlock[] = [];
    let latencies: number[] = [];
    let last = 0;
    for (let n = 1; n <= options.edits; n++) {
      const d = docs[Math.floor(random() * docs.length)];
      const { offset, remove, insert } = nextEdit(d, random);
      const lines = d.text.slice(0, offset).split('\n');
      const start = { line: lines.length - 1, character: lines[lines.length - 1].length };
      const endLines = d.text.slice(0, offset + remove).split('\n');
      const end = { line: endLines.length - 1, character: endLines[endLines.length - 1].length };
      d.text = d.text.slice(0, offset) + insert + d.text.slice(offset + remove);
      d.version++;
      const wait = Math.max(0, last + options.gapMs - Date.now());
      if (wait) await new Promise((r) => setTimeout(r, wait));
      const after = client.published.length;
      const sent = performance.now();
      last = Date.now();
      client.edit(d.uri, d.version, { start, end }, insert);
      await client.waitForDiagnostics(d.uri, { version: d.version, after });
      latencies.push(performance.now() - sent);
      // Between edits, what an editor asks: a hover, a completion, the code actions at the cursor; a save.
      if (n % 7 === 0) await client.request('textDocument/hover', { textDocument: { uri: d.uri }, position: start });
      if (n % 11 === 0) await client.request('textDocument/completion', { textDocument: { uri: d.uri }, position: start });
      if (n % 13 === 0) await client.request('textDocument/codeAction', { textDocument: { uri: d.uri }, range: { start, end: start }, context: { diagnostics: [] } });
      if (n % 97 === 0) client.notify('textDocument/didSave', { textDocument: { uri: d.uri } });
      if (n % options.blockSize === 0) {
        const mem = await client.request<{ rss: number; heapUsed: number }>('weekly/debug/memory', {});
        latencies.sort((a, b) => a - b);
        const block = { edits: n, p50: latencies[Math.floor(latencies.length * 0.5)], p95: latencies[Math.floor(latencies.length * 0.95)], rssMb: mem.rss / 2 ** 20, heapMb: mem.heapUsed / 2 ** 20, meanChars: docs.reduce((n, x) => n + x.text.length, 0) / docs.length, meanHeadings: docs.reduce((n, x) => n + headingCount(x.text), 0) / docs.length };
        blocks.push(block);
        options.onBlock?.(block);
        latencies = [];
        // The client's own record of every publication would grow with the run: keep the recent ones.
        client.published.splice(0, client.published.length - 50);
      }
    }
    return { blocks, stderr: client.stderr };
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Mostly typing a character or a word; sometimes a deletion, a pasted paper section or its undo. */
function nextEdit(d: { text: string; pasted: boolean }, random: () => number): { offset: number; remove: number; insert: string } {
  const r = random();
  // The paste is found by its text, which typing leaves alone (placeInBody stays out of it): its undo always
  // finds it. Looking for it at the offset it was pasted at failed once text before it changed, and the
  // sections of pastes never undone piled up (the issues' heading count rose 12 → 15 in 3,000 edits).
  const pastedAt = d.pasted ? d.text.indexOf(PASTE) : -1;
  if (pastedAt >= 0 && r < 0.02) {
    d.pasted = false;
    return { offset: pastedAt, remove: PASTE.length, insert: '' };
  }
  if (r < 0.01 && !d.pasted) {
    const at = d.text.indexOf('### **参考链接**');
    if (at > 0) {
      d.pasted = true;
      return { offset: at, remove: 0, insert: PASTE };
    }
  }
  // A place inside a line of the body that is no heading, typed into or deleted from (never across a line
  // break, never the line's first character): as much deleted as typed, once the issue is as long as the
  // sample, so that its length stays near the sample's (a heap that grows must be a leak, not a longer
  // document: typing that only added made each issue 60% longer over 20,000 edits). Edits anywhere had
  // deleted line breaks and heading marks at random: over thousands of edits the issues' sections merged
  // into a few long ones, and the section cache's bytes grew with them (heap snapshots at 2,000 and 6,000
  // edits: the same 456 entries, median section 760 then 1,300 characters), drift a typist does not make.
  const offset = placeInBody(d.text, random, pastedAt);
  const lineEnd = d.text.indexOf('\n', offset);
  const room = (lineEnd < 0 ? d.text.length : lineEnd) - offset;
  const deleteShare = d.text.length > SAMPLE.length ? 0.5 : 0.3;
  if (r < deleteShare && d.text.length > SAMPLE.length / 2 && room > 0) return { offset, remove: Math.min(room, 1 + Math.floor(random() * 3)), insert: '' };
  return { offset, remove: 0, insert: WORDS[Math.floor(random() * WORDS.length)].slice(0, 1 + Math.floor(random() * 3)) };
}

/** An offset past the first character of a non-empty line that is not a heading, outside the pasted section. */
function placeInBody(text: string, random: () => number, pastedAt: number): number {
  for (;;) {
    const offset = 40 + Math.floor(random() * Math.max(1, text.length - 80));
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    const inPaste = pastedAt >= 0 && offset >= pastedAt && offset <= pastedAt + PASTE.length;
    if (offset > lineStart && text[lineStart] !== '#' && !inPaste) return offset;
  }
}

function headingCount(text: string): number {
  return text.match(/^#{1,6} /gm)?.length ?? 0;
}
