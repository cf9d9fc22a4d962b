import { ckmeans, quantileSorted } from 'simple-statistics';
import type { Bilingual } from './bilingual.ts';
import { niceRound } from './format.ts';

export type ClassMethod = 'quantile' | 'equal' | 'ckmeans' | 'manual';

/** The class counts the app offers: fewer says too little, more cannot be told apart. */
/** How each method is named in the legend, the class controls and the PNG export. */
export const CLASS_METHOD_LABEL: Readonly<Record<ClassMethod, Bilingual>> = {
  quantile: { lv: 'kvantiļu klases', en: 'quantile classes' },
  equal: { lv: 'vienādi intervāli', en: 'equal intervals' },
  ckmeans: { lv: 'dabiskās robežas (ckmeans)', en: 'natural breaks (ckmeans)' },
  manual: { lv: 'manuālas robežas', en: 'manual breaks' },
};

/** Parses manual breaks as a reader types them ("100; 2 500,5; 1e4") into numbers, or null when any part is not one. */
export function parseBreaks(text: string): number[] | null {
  const parts = text.split(';').map((p) => p.trim().replace(/[\s\u00a0]/g, '').replace(',', '.')).filter(Boolean);
  const numbers = parts.map(Number);
  return parts.length > 0 && numbers.every(Number.isFinite) ? numbers : null;
}

export const MIN_CLASSES = 3;
export const MAX_CLASSES = 7;

/** Rounds equal-interval breaks to two significant digits while keeping them strictly increasing. */
function niceBreaks(raw: number[]): number[] {
  const nice = raw.map(niceRound);
  return nice.every((b, i) => i === 0 || b > nice[i - 1]!) ? nice : raw;
}

/**
 * Upper-exclusive class breaks for a choropleth: `breaks[i]` is the lower bound of class i + 1,
 * so k classes have k − 1 breaks. k is clamped to the number of distinct values (never an empty
 * or duplicate class), and an empty or all-equal input gives a single class. Manual breaks are
 * taken as given (sorted, deduplicated, only those inside the data's range).
 */
export function classBreaks(values: readonly number[], method: ClassMethod, requestedK: number, manual: readonly number[] = []): number[] {
  const finite = values.filter(Number.isFinite);
  const sorted = [...finite].sort((a, b) => a - b);
  const distinct = [...new Set(sorted)];
  if (distinct.length <= 1) return [];
  const min = sorted[0]!;
  const max = sorted[sorted.length - 1]!;
  if (method === 'manual') {
    return [...new Set(manual.filter((b) => Number.isFinite(b) && b > min && b <= max))].sort((a, b) => a - b);
  }
  const k = Math.max(1, Math.min(Math.round(requestedK), distinct.length));
  if (k <= 1) return [];
  let breaks: number[];
  if (method === 'quantile') {
    breaks = Array.from({ length: k - 1 }, (_, i) => quantileSorted(sorted, (i + 1) / k));
  } else if (method === 'equal') {
    const step = (max - min) / k;
    breaks = niceBreaks(Array.from({ length: k - 1 }, (_, i) => min + step * (i + 1)));
  } else {
    breaks = ckmeans(sorted, k)
      .slice(1)
      .map((cluster) => cluster[0]!);
  }
  // Ties can make two quantiles equal: keep strictly increasing breaks above the minimum.
  return [...new Set(breaks)].filter((b) => b > min && b <= max).sort((a, b) => a - b);
}

/** The class (0-based) a value falls in: the number of breaks it reaches. */
export function classIndex(value: number, breaks: readonly number[]): number {
  let i = 0;
  while (i < breaks.length && value >= breaks[i]!) i++;
  return i;
}
