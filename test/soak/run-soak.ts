/**
 * `npm run soak`: 20,000 edits (SOAK_EDITS) over 5 open issues, a table per 1,000, and whether it holds:
 * the last block's p95 within 20% of the first's, and heap after GC growing less than 10% from edit 2,000.
 * Run it on a quiet machine; say the load average with the figures (printed at the start and the end).
 */
import * as os from 'os';
import { runSoak } from './soak';

const edits = Number(process.env.SOAK_EDITS ?? 20_000);
const blockSize = Number(process.env.SOAK_BLOCK ?? 1_000);
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');

async function main(): Promise<void> {
  console.log(`soak: ${edits} edits over 5 issues, blocks of ${blockSize}; load average ${load()}`);
  console.log("edits    p50 ms   p95 ms   RSS MB  heap MB    chars headings   (heap after a forced GC; chars, headings: the open issues' means)");
  const { blocks, stderr } = await runSoak({
    edits,
    blockSize,
    gapMs: 30, // just over the server's burst gap (25 ms): each edit is checked at once, as a typist's keystrokes are
    onBlock: (b) => console.log(`${String(b.edits).padStart(6)} ${b.p50.toFixed(2).padStart(8)} ${b.p95.toFixed(2).padStart(8)} ${b.rssMb.toFixed(1).padStart(8)} ${b.heapMb.toFixed(1).padStart(8)} ${Math.round(b.meanChars).toString().padStart(8)} ${b.meanHeadings.toFixed(1).padStart(8)}`),
  });
  const first = blocks[0];
  const lastBlock = blocks[blocks.length - 1];
  const base = blocks.find((b) => b.edits >= 2_000) ?? first;
  const p95Ratio = lastBlock.p95 / first.p95;
  const heapGrowth = lastBlock.heapMb / base.heapMb - 1;
  console.log(`load average ${load()}`);
  console.log(`last p95 / first p95: ${p95Ratio.toFixed(2)} (holds at <= 1.20); heap growth from edit ${base.edits}: ${(heapGrowth * 100).toFixed(1)}% (holds at < 10%)`);
  if (stderr.trim()) console.log(`server stderr:\n${stderr}`);
  const holds = p95Ratio <= 1.2 && heapGrowth < 0.1 && !/Error|at .*\(/.test(stderr);
  console.log(holds ? 'soak: holds' : 'soak: does NOT hold');
  process.exitCode = holds ? 0 : 1;
}

void main();
