import { describe, expect, it } from 'vitest';
import { CLASS_METHOD_LABEL, classBreaks, classIndex, parseBreaks, type ClassMethod } from '../../src/domain/classify.ts';

const METHODS: ClassMethod[] = ['quantile', 'equal', 'ckmeans'];

/** How many values land in each class: the legend a user would see. */
function classSizes(values: number[], breaks: number[]): number[] {
  const sizes = Array.from({ length: breaks.length + 1 }, () => 0);
  for (const v of values) sizes[classIndex(v, breaks)]!++;
  return sizes;
}

describe('classBreaks', () => {
  it('splits evenly spread values into quantiles', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(classBreaks(values, 'quantile', 2)).toEqual([5.5]);
    expect(classSizes(values, classBreaks(values, 'quantile', 5))).toEqual([2, 2, 2, 2, 2]);
  });

  it('makes equal intervals from min to max', () => {
    expect(classBreaks([0, 3, 5, 7, 10], 'equal', 5)).toEqual([2, 4, 6, 8]);
    expect(classBreaks([0, 3, 10], 'equal', 5)).toHaveLength(2);
  });

  it('finds natural groups with ckmeans', () => {
    expect(classBreaks([21, 1, 2, 3, 10, 11, 12, 20, 22], 'ckmeans', 3)).toEqual([10, 20]);
  });

  it('gives one class (no breaks) for an empty or all-equal input', () => {
    for (const m of METHODS) {
      expect(classBreaks([], m, 5)).toEqual([]);
      expect(classBreaks([7], m, 5)).toEqual([]);
      expect(classBreaks([7, 7, 7, 7], m, 5)).toEqual([]);
    }
  });

  it('never makes more classes than distinct values, with ties', () => {
    const values = [1, 1, 1, 2, 2, 2];
    for (const m of METHODS) {
      const breaks = classBreaks(values, m, 5);
      expect(breaks.length).toBeLessThanOrEqual(1);
      expect(classSizes(values, breaks).filter((n) => n > 0).length).toBeLessThanOrEqual(2);
    }
    expect(classSizes(values, classBreaks(values, 'quantile', 5))).toEqual([3, 3]);
  });

  it('keeps breaks strictly increasing and inside the data range for small n', () => {
    const values = [3, 9, 9, 4];
    for (const m of METHODS) {
      const breaks = classBreaks(values, m, 9);
      expect(breaks.length).toBeLessThanOrEqual(2);
      breaks.forEach((b, i) => {
        expect(b).toBeGreaterThan(3);
        expect(b).toBeLessThanOrEqual(9);
        if (i > 0) expect(b).toBeGreaterThan(breaks[i - 1]!);
      });
    }
  });

  it('handles negative values', () => {
    expect(classBreaks([-10, -5, 0, 5, 10], 'equal', 4)).toEqual([-5, 0, 5]);
    expect(classBreaks([-12, -11, -10, 10, 11, 12], 'ckmeans', 2)).toEqual([10]);
    expect(classSizes([-3, -2, -1], classBreaks([-3, -2, -1], 'quantile', 3))).toEqual([1, 1, 1]);
  });

  it('ignores NaN and infinite (missing) values', () => {
    const values = [Number.NaN, 0, 10, Number.POSITIVE_INFINITY, 20, Number.NaN];
    expect(classBreaks(values, 'equal', 2)).toEqual([10]);
    for (const m of METHODS) {
      expect(classBreaks(values, m, 3).every(Number.isFinite)).toBe(true);
    }
    expect(classBreaks([Number.NaN, Number.NaN], 'quantile', 3)).toEqual([]);
  });

  it('clamps k to 1…distinct values and rounds it', () => {
    const values = [1, 2, 3, 4];
    expect(classBreaks(values, 'equal', 0)).toEqual([]);
    expect(classBreaks(values, 'equal', -3)).toEqual([]);
    expect(classBreaks(values, 'equal', 2.4)).toEqual([2.5]);
    expect(classBreaks(values, 'equal', 100)).toEqual([1.8, 2.5, 3.3]);
    expect(classBreaks(values, 'ckmeans', 100)).toEqual([2, 3, 4]);
  });
});

describe('classIndex', () => {
  it('counts the breaks a value reaches (lower bound inclusive)', () => {
    const breaks = [10, 20];
    expect(classIndex(-5, breaks)).toBe(0);
    expect(classIndex(9.99, breaks)).toBe(0);
    expect(classIndex(10, breaks)).toBe(1);
    expect(classIndex(19.99, breaks)).toBe(1);
    expect(classIndex(20, breaks)).toBe(2);
    expect(classIndex(1e9, breaks)).toBe(2);
  });

  it('puts everything in class 0 without breaks', () => {
    expect(classIndex(42, [])).toBe(0);
  });
});

describe('manual breaks as typed', () => {
  it('reads Latvian and English number forms, and refuses anything else whole', () => {
    expect(parseBreaks('100; 2 500,5; 1e4')).toEqual([100, 2500.5, 10000]);
    expect(parseBreaks('1\u00a0000;2000')).toEqual([1000, 2000]);
    expect(parseBreaks('100; abc')).toBeNull();
    expect(parseBreaks(' ; ')).toBeNull();
  });

  it('names every method in both languages', () => {
    for (const label of Object.values(CLASS_METHOD_LABEL)) expect(label.lv && label.en && label.lv !== label.en).toBeTruthy();
  });
});
