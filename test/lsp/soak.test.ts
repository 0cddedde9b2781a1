/**
 * The short soak (npm run soak is the long one): 1,500 edits over 5 open issues with hovers, completions,
 * code actions and saves in between, over real stdio. Every edit is answered, the server writes no error,
 * and its heap after a forced GC does not grow with the edits (memory, not time, is asserted).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runSoak } from '../soak/soak';

test('1,500 edits: every edit answered, no error, heap after GC bounded', async () => {
  const { blocks, stderr } = await runSoak({ edits: 1_500, blockSize: 300, gapMs: 30 });
  assert.equal(blocks.length, 5);
  assert.equal(stderr.trim(), '');
  for (const b of blocks) console.log(`  ${b.edits} edits: p50 ${b.p50.toFixed(1)} ms, p95 ${b.p95.toFixed(1)} ms, RSS ${b.rssMb.toFixed(0)} MB, heap ${b.heapMb.toFixed(1)} MB`);
  // From the second block on (the first warms caches up), the heap after GC stays within 25%.
  const base = blocks[1].heapMb;
  for (const b of blocks.slice(2)) assert.ok(b.heapMb < base * 1.25, `heap ${b.heapMb.toFixed(1)} MB at ${b.edits} edits, ${base.toFixed(1)} MB at ${blocks[1].edits}`);
});
