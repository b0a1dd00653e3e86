/** The nearest-rank percentile `p` (0–100) of `values`; NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

/** The spread of one figure over the repetitions of a measurement. */
export interface Spread {
  min: number;
  median: number;
  max: number;
}

/** Min, median and max of repeated measurements (the median of an even count is the lower middle). */
export function spreadOf(values: readonly number[]): Spread {
  if (values.length === 0) throw new Error("no measurements");
  const sorted = [...values].sort((a, b) => a - b);
  return { min: sorted[0]!, median: sorted[Math.floor((sorted.length - 1) / 2)]!, max: sorted.at(-1)! };
}

/** Figures keyed by name, one object per repetition, as their spreads under the same names. */
export function spreadsOf<K extends string>(runs: readonly Record<K, number>[]): Record<K, Spread> {
  const keys = Object.keys(runs[0] ?? {}) as K[];
  return Object.fromEntries(keys.map((k) => [k, spreadOf(runs.map((r) => r[k]))])) as Record<K, Spread>;
}
