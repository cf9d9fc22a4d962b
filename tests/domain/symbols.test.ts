import { describe, expect, it } from 'vitest';
import type { IndicatorMeta } from '../../src/domain/indicators.ts';
import { drawsAsSymbols, proportionalRadii, sizeKey, SYMBOL_MAX_RADIUS, SYMBOL_MIN_RADIUS } from '../../src/domain/symbols.ts';

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

describe('which indicators are drawn as symbols', () => {
  const meta = (kind: IndicatorMeta['kind'], level?: IndicatorMeta['level']) => ({ kind, ...(level && { level }) }) as IndicatorMeta;
  it('counts everywhere and anything published for the cities only; rates, shares and changes stay choropleths', () => {
    expect(drawsAsSymbols(meta('count'))).toBe(true);
    expect(drawsAsSymbols(meta('count', 'city'))).toBe(true);
    expect(drawsAsSymbols(meta('rate', 'city'))).toBe(true);
    for (const k of ['rate', 'share', 'change'] as const) expect(drawsAsSymbols(meta(k))).toBe(false);
  });
});

describe('the size key', () => {
  it('gives three round reference values near the largest, a fifth and a twenty-fifth, on the map’s scale', () => {
    const key = sizeKey([605_000, 50_000, 3_000]);
    expect(key.map((k) => k.value)).toEqual([500_000, 100_000, 20_000]);
    // Same scale as proportionalRadii: area ∝ value, the largest value at the largest radius.
    expect(key[0]!.radius).toBeCloseTo(SYMBOL_MAX_RADIUS * Math.sqrt(500 / 605), 1);
    expect(key[1]!.radius).toBeCloseTo(SYMBOL_MAX_RADIUS * Math.sqrt(100 / 605), 1);
  });

  it('drops repeats and has nothing to show without a positive value', () => {
    expect(sizeKey([3]).map((k) => k.value)).toEqual([2.5, 0.5, 0.1]);
    expect(sizeKey([0, -2])).toEqual([]);
    expect(sizeKey([])).toEqual([]);
  });
});
