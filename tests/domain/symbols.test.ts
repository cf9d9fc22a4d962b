import { describe, expect, it } from 'vitest';
import { proportionalRadii, SYMBOL_MAX_RADIUS, SYMBOL_MIN_RADIUS } from '../../src/domain/symbols.ts';

describe('proportional symbols', () => {
  it('scale the circle area, not the radius, with the value', () => {
    const r = proportionalRadii(new Map([['riga', 400], ['ogre', 100]]));
    expect(r.get('riga')).toBe(SYMBOL_MAX_RADIUS);
    expect(r.get('ogre')).toBe(SYMBOL_MAX_RADIUS / 2);
  });

  it('never vanish: tiny, zero and negative values get the smallest circle', () => {
    const r = proportionalRadii(new Map([['a', 1_000_000], ['b', 1], ['c', 0], ['d', -5]]));
    expect(r.get('b')).toBe(SYMBOL_MIN_RADIUS);
    expect(r.get('c')).toBe(SYMBOL_MIN_RADIUS);
    expect(r.get('d')).toBe(SYMBOL_MIN_RADIUS);
  });
});
