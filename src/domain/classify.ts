import { ckmeans, quantileSorted } from 'simple-statistics';

export type ClassMethod = 'quantile' | 'equal' | 'ckmeans';

/**
 * Upper-exclusive class breaks for a choropleth: `breaks[i]` is the lower bound of class i + 1,
 * so k classes have k − 1 breaks. k is clamped to the number of distinct values (never an empty
 * or duplicate class), and an empty or all-equal input gives a single class.
 */
export function classBreaks(values: readonly number[], method: ClassMethod, requestedK: number): number[] {
  const finite = values.filter(Number.isFinite);
  const sorted = [...finite].sort((a, b) => a - b);
  const distinct = [...new Set(sorted)];
  const k = Math.max(1, Math.min(Math.round(requestedK), distinct.length));
  if (k <= 1) return [];
  let breaks: number[];
  if (method === 'quantile') {
    breaks = Array.from({ length: k - 1 }, (_, i) => quantileSorted(sorted, (i + 1) / k));
  } else if (method === 'equal') {
    const min = sorted[0]!;
    const step = (sorted[sorted.length - 1]! - min) / k;
    breaks = Array.from({ length: k - 1 }, (_, i) => min + step * (i + 1));
  } else {
    breaks = ckmeans(sorted, k)
      .slice(1)
      .map((cluster) => cluster[0]!);
  }
  // Ties can make two quantiles equal: keep strictly increasing breaks above the minimum.
  const min = sorted[0]!;
  return [...new Set(breaks)].filter((b) => b > min).sort((a, b) => a - b);
}

/** The class (0-based) a value falls in: the number of breaks it reaches. */
export function classIndex(value: number, breaks: readonly number[]): number {
  let i = 0;
  while (i < breaks.length && value >= breaks[i]!) i++;
  return i;
}
