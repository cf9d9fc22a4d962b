/**
 * The statistics of the benchmark report: a number for each figure (the median, or p50/p95 of
 * many switches) and its spread (the interquartile range), so that a single slow run on a busy
 * machine does not move a result.
 */

/** The q-quantile (0 ≤ q ≤ 1) by linear interpolation between order statistics (type 7, as R and simple-statistics). */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile ${q} is outside [0, 1]`);
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export const median = (values: readonly number[]): number => quantile(values, 0.5);

/** The interquartile range p75 − p25. */
export const iqr = (values: readonly number[]): number => quantile(values, 0.75) - quantile(values, 0.25);

/** What the report shows of a set of samples. NaN everywhere when there are none. */
export interface Summary {
  n: number;
  median: number;
  p25: number;
  p75: number;
  p95: number;
  min: number;
  max: number;
}

/** Summarises samples, leaving out those that are missing (null, NaN). */
export function summarize(samples: readonly (number | null | undefined)[]): Summary {
  const v = samples.filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
  return {
    n: v.length,
    median: median(v),
    p25: quantile(v, 0.25),
    p75: quantile(v, 0.75),
    p95: quantile(v, 0.95),
    min: v.length ? Math.min(...v) : Number.NaN,
    max: v.length ? Math.max(...v) : Number.NaN,
  };
}

/** a / b, or NaN when either is missing or b is zero. */
export function ratio(a: number, b: number): number {
  return Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? a / b : Number.NaN;
}

/**
 * Where a growth curve crosses 1: given the app÷Leaflet ratio at increasing polygon counts, the
 * count at which the app gets ahead (the ratio falls below 1), interpolated linearly in
 * log(count) and log(ratio) between the two sizes that bracket it. `below` when the app is already
 * ahead at the smallest size; `above` when it is behind at every size, with the count where the
 * line through the last two sizes would reach 1 if the ratio is falling (an extrapolation, so
 * only a hint); `none` without data.
 */
export type Crossover = { kind: 'at'; count: number } | { kind: 'above'; extrapolated: number | null } | { kind: 'below' | 'none' };

export function crossover(points: readonly { count: number; ratio: number }[]): Crossover {
  const p = points.filter((x) => Number.isFinite(x.ratio) && x.ratio > 0 && x.count > 0).sort((a, b) => a.count - b.count);
  if (p.length === 0) return { kind: 'none' };
  if (p[0]!.ratio < 1) return { kind: 'below' };
  const reachOne = (a: { count: number; ratio: number }, b: { count: number; ratio: number }) => {
    const t = Math.log(a.ratio) / (Math.log(a.ratio) - Math.log(b.ratio));
    return Math.round(Math.exp(Math.log(a.count) + t * (Math.log(b.count) - Math.log(a.count))));
  };
  for (let i = 1; i < p.length; i++) {
    if (p[i]!.ratio < 1) return { kind: 'at', count: reachOne(p[i - 1]!, p[i]!) };
  }
  const [a, b] = [p[p.length - 2], p[p.length - 1]!];
  return { kind: 'above', extrapolated: a && b.ratio < a.ratio ? reachOne(a, b) : null };
}
