import { describe, expect, it } from 'vitest';
import { lastResultFor, lastResultOf } from '../../src/state/lastResult.ts';

describe('the selectors’ memo', () => {
  it('computes again only when an input is another object or value', () => {
    let runs = 0;
    const sum = lastResultOf((a: { n: number }, b: number) => (runs++, a.n + b));
    const a = { n: 1 };
    expect(sum(a, 2)).toBe(3);
    expect(sum(a, 2)).toBe(3);
    expect(runs).toBe(1);
    expect(sum({ n: 1 }, 2)).toBe(3);
    expect(runs).toBe(2);
    expect(sum({ n: 1 }, NaN)).toBeNaN();
    expect(sum({ n: 1 }, NaN)).toBeNaN();
    expect(runs).toBe(4);
  });

  it('takes inputs that vary in number', () => {
    let runs = 0;
    const remembered = lastResultFor<number>();
    expect(remembered(['a', 1], () => ++runs)).toBe(1);
    expect(remembered(['a', 1], () => ++runs)).toBe(1);
    expect(remembered(['a'], () => ++runs)).toBe(2);
  });
});
