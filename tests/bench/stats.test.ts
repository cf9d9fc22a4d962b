import { describe, expect, it } from 'vitest';
import { crossover, iqr, median, quantile, ratio, summarize } from './stats.ts';

describe('quantile (type 7, linear between order statistics)', () => {
  it('gives the median of odd and even counts, whatever the order', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it('interpolates p95 and p25 as R and simple-statistics do', () => {
    const xs = [...Array(20).keys()].map((i) => i + 1); // 1 … 20
    expect(quantile(xs, 0.95)).toBeCloseTo(19.05, 10);
    expect(quantile(xs, 0.25)).toBeCloseTo(5.75, 10);
    expect(quantile([7], 0.95)).toBe(7);
  });
  it('is NaN without samples and refuses a q outside [0, 1]', () => {
    expect(quantile([], 0.5)).toBeNaN();
    expect(() => quantile([1], 1.5)).toThrow(RangeError);
  });
  it('does not reorder the caller’s array', () => {
    const xs = [3, 1, 2];
    median(xs);
    expect(xs).toEqual([3, 1, 2]);
  });
});

describe('spread', () => {
  it('is the interquartile range', () => {
    expect(iqr([1, 2, 3, 4, 5])).toBe(2);
    expect(iqr([10, 10, 10])).toBe(0);
  });
  it('summarize leaves out missing samples and keeps min, max, p95', () => {
    const s = summarize([4, null, 2, undefined, Number.NaN, 6]);
    expect(s).toMatchObject({ n: 3, median: 4, min: 2, max: 6, p25: 3, p75: 5 });
    expect(s.p95).toBeCloseTo(5.8, 10);
    expect(summarize([]).n).toBe(0);
    expect(summarize([]).median).toBeNaN();
  });
});

describe('ratio', () => {
  it('is NaN, not Infinity, when the reference is zero or missing', () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(3, 0)).toBeNaN();
    expect(ratio(Number.NaN, 2)).toBeNaN();
  });
});

describe('crossover of app ÷ Leaflet with the polygon count', () => {
  it('interpolates in log–log between the two sizes that bracket 1', () => {
    // ratio 4 at 50 polygons, 0.25 at 5000: the log-midpoint, 500.
    expect(crossover([{ count: 5000, ratio: 0.25 }, { count: 50, ratio: 4 }])).toEqual({ kind: 'at', count: 500 });
  });
  it('says when the app is ahead everywhere, behind everywhere, or nothing is known', () => {
    expect(crossover([{ count: 42, ratio: 0.8 }, { count: 5000, ratio: 0.1 }])).toEqual({ kind: 'below' });
    expect(crossover([{ count: 42, ratio: 10 }, { count: 42, ratio: 10 }])).toEqual({ kind: 'above', extrapolated: null });
    // Falling from 4 at 50 to 2 at 500: the same slope reaches 1 at 5000.
    expect(crossover([{ count: 50, ratio: 4 }, { count: 500, ratio: 2 }])).toEqual({ kind: 'above', extrapolated: 5000 });
    expect(crossover([{ count: 50, ratio: 2 }, { count: 500, ratio: 3 }])).toEqual({ kind: 'above', extrapolated: null });
    expect(crossover([{ count: 42, ratio: Number.NaN }])).toEqual({ kind: 'none' });
  });
});
