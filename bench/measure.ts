/** Timing helpers: runs after warm-up runs, summarised by median and percentiles (never the mean). */

export interface Timing {
  runs: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function summarise(samples: readonly number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    runs: sorted.length,
    median: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    min: sorted[0],
    max: sorted[sorted.length - 1],
  };
}

/** Times `fn` `runs` times after `warmup` untimed calls; `setup` runs before each call, untimed. */
export async function time<S>(
  fn: (state: S) => unknown,
  opts: { runs: number; warmup: number; setup?: () => S },
): Promise<Timing> {
  const samples: number[] = [];
  for (let i = 0; i < opts.warmup + opts.runs; i++) {
    const state = opts.setup ? opts.setup() : (undefined as S);
    const t0 = performance.now();
    await fn(state);
    const elapsed = performance.now() - t0;
    if (i >= opts.warmup) samples.push(elapsed);
  }
  return summarise(samples);
}

export function ms(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return '–';
  if (value >= 100) return `${Math.round(value)} ms`;
  if (value >= 10) return `${value.toFixed(1)} ms`;
  return `${value.toFixed(2)} ms`;
}
