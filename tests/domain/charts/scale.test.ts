import { describe, expect, it } from 'vitest';
import { linearScale, niceTicks } from '../../../src/domain/charts/scale.ts';

describe('niceTicks', () => {
  it('steps by 1, 2 or 5 times a power of ten, from the first multiple inside the extent', () => {
    expect(niceTicks(0, 605273, 3)).toEqual([0, 200000, 400000, 600000]);
    expect(niceTicks(0, 100, 4)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(3, 9, 2)).toEqual([4, 6, 8]);
  });

  it('includes zero when the extent spans it, and negative ticks below it', () => {
    expect(niceTicks(-14.7, 9.3, 4)).toEqual([-10, -5, 0, 5]);
    expect(niceTicks(-30, 0, 3)).toEqual([-30, -20, -10, 0]);
  });

  it('leaves no binary tails on decimal steps and never writes −0', () => {
    const ticks = niceTicks(-0.3, 0.3, 3);
    expect(ticks).toEqual([-0.2, 0, 0.2]);
    expect(Object.is(ticks[1], -0)).toBe(false);
  });

  it('gives the one value of an empty extent and nothing for a non-finite one', () => {
    expect(niceTicks(7, 7, 3)).toEqual([7]);
    expect(niceTicks(0, Infinity, 3)).toEqual([]);
  });
});

describe('linearScale', () => {
  it('maps the domain onto the range, also reversed', () => {
    const x = linearScale([-10, 30], [100, 300]);
    expect(x(-10)).toBe(100);
    expect(x(0)).toBe(150);
    expect(x(30)).toBe(300);
    const y = linearScale([0, 10], [50, 10]);
    expect(y(0)).toBe(50);
    expect(y(10)).toBe(10);
  });

  it('puts every value in the middle of the range when the domain is a single value', () => {
    expect(linearScale([5, 5], [0, 100])(5)).toBe(50);
  });
});
