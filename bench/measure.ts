/** Timing helpers: runs after warm-up runs, summarised by median and percentiles (never the mean). */

export interface Timing {
  runs: number;
  /** Wall-clock milliseconds. */
  median: number;
  /** This process's CPU milliseconds (user + system) of the median run: less sensitive to a busy machine. */
  cpuMedian?: number;
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
  const cpu: number[] = [];
  for (let i = 0; i < opts.warmup + opts.runs; i++) {
    const state = opts.setup ? opts.setup() : (undefined as S);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await fn(state);
    const elapsed = performance.now() - t0;
    const used = process.cpuUsage(c0);
    if (i >= opts.warmup) {
      samples.push(elapsed);
      cpu.push((used.user + used.system) / 1000);
    }
  }
  return { ...summarise(samples), cpuMedian: summarise(cpu).median };
}

export function ms(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return '–';
  if (value >= 100) return `${Math.round(value)} ms`;
  if (value >= 10) return `${value.toFixed(1)} ms`;
  return `${value.toFixed(2)} ms`;
}

/**
 * How many times faster ours is (anchor ÷ ours), as the tables print it: rounded down to a tenth below 10×,
 * so that a ratio printed "3.0×" is at least 3 (2.97 prints 2.9×, as the target column judges it).
 */
export function ratio(anchor: number, ours: number): string {
  const r = anchor / ours;
  return r >= 10 ? `${Math.floor(r)}×` : `${(Math.floor(r * 10) / 10).toFixed(1)}×`;
}
