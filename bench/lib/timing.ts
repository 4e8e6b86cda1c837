/** Sequential timings (one request or call at a time) summarised as percentiles, in ms. */
export interface Percentiles {
  p50Ms: number;
  p95Ms: number;
  samples: number;
}

/** Nearest-rank percentiles: the value at or below which p% of the samples fall. */
export function percentiles(times: number[]): Percentiles {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
  return { p50Ms: at(50), p95Ms: at(95), samples: sorted.length };
}
