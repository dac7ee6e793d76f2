/** Small numeric helpers for the bench: rates, percentiles, peak memory. */

/** Per-second rate of `count` over `ms` milliseconds, rounded to 0.1. */
export function perSecond(count: number, ms: number): number {
  return ms > 0 ? round((count * 1000) / ms, 1) : 0;
}

export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Nearest-rank percentile (p in 0..100) of the values. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? 0;
}

export const median = (values: number[]) => percentile(values, 50);

/**
 * CPU time of the whole process so far (user + system, all threads: V8's compiler and GC helper
 * threads too), in ms. Beside wall time it shows how much of a core a pass really had: on a busy
 * machine wall time stretches, CPU time much less.
 */
export function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Peak resident set size of this process (all its threads) so far, in MB. */
export function peakRssMb(): number {
  // maxRSS is in kilobytes.
  return round(process.resourceUsage().maxRSS / 1024, 1);
}

export function currentRssMb(): number {
  return round(process.memoryUsage().rss / (1024 * 1024), 1);
}

/** Latency figures of a repeated timed call, in milliseconds. */
export interface Latency {
  runs: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  /** Rows the call returned (last run), to show the query did real work. */
  rows: number;
}

/**
 * Times `runs` calls after `warmup` untimed ones. A slow query gets fewer runs (at least 3) so
 * that each query costs about `budgetMs` at most: enough for a median and a rough p95.
 */
export async function measureLatency(
  call: () => Promise<number>,
  runs: number,
  warmup = 2,
  budgetMs = 15_000,
): Promise<Latency> {
  let rows = 0;
  // The first call is cold (pages not cached): the budget goes by the last warm-up call.
  let last = 0;
  for (let i = 0; i < warmup; i++) {
    const t0 = performance.now();
    rows = await call();
    last = performance.now() - t0;
    if (last * 3 > budgetMs) break;
  }
  if (last > 0) runs = Math.max(3, Math.min(runs, Math.floor(budgetMs / last)));
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    rows = await call();
    times.push(performance.now() - t0);
  }
  return {
    runs,
    medianMs: round(median(times), 2),
    p95Ms: round(percentile(times, 95), 2),
    maxMs: round(Math.max(...times), 2),
    rows,
  };
}
