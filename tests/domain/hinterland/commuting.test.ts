import { describe, expect, it } from 'vitest';
import { commutingPartition, commutingShares, thresholdProblem, type CommutingLevel } from '../../../src/domain/hinterland/commuting.ts';

// A synthetic level in the shape of commuting.json: not CSP's figures.
const level: CommutingLevel = {
  totals: { P1: 1000, P2: 500, P3: 200, JUR: 30000 },
  flows: [
    ['P1', 'RIX', 400],
    ['P1', 'JUR', 250],
    ['P2', 'RIX', 60],
    ['P2', 'JUR', 50],
    ['P3', 'RIX', 30],
    ['P3', 'JUR', 30],
    ['JUR', 'RIX', 9000],
  ],
  cityWork: { riga: 'RIX', jurmala: 'JUR' },
};
const cores = new Map([
  ['riga', 'RIX'],
  ['jurmala', 'JUR'],
]);
const cityOf = (p: ReturnType<typeof commutingPartition>) => Object.fromEntries(p.map((a) => [a.code, a.cityId]));

describe('commutingShares', () => {
  it('divides each flow into a city by the home unit’s employed', () => {
    const shares = commutingShares(level);
    expect(shares.get('P1')).toEqual({ riga: 0.4, jurmala: 0.25 });
    expect(shares.get('P2')!.riga).toBeCloseTo(0.12, 10);
  });

  it('leaves out a home unit without a total rather than guessing one', () => {
    const shares = commutingShares({ ...level, flows: [...level.flows, ['P9', 'RIX', 50]] });
    expect(shares.has('P9')).toBe(false);
  });
});

describe('commutingPartition', () => {
  const units = ['RIX', 'JUR', 'P1', 'P2', 'P3', 'P4'];

  it('gives a unit to the city drawing the largest share when it reaches the threshold', () => {
    expect(cityOf(commutingPartition(units, level, cores, 15))).toEqual({ RIX: 'riga', JUR: 'jurmala', P1: 'riga', P2: null, P3: 'jurmala', P4: null });
  });

  it('keeps each city’s own core whatever its flows say (Jūrmala sends 30 % to Rīga)', () => {
    const p = commutingPartition(units, level, cores, 1);
    expect(p.find((a) => a.code === 'JUR')).toMatchObject({ cityId: 'jurmala', role: 'city' });
  });

  it('a lower threshold ties more units; a higher one fewer', () => {
    expect(cityOf(commutingPartition(units, level, cores, 10)).P2).toBe('riga');
    expect(cityOf(commutingPartition(units, level, cores, 45)).P1).toBe(null);
  });

  it('breaks an exact tie by city id, so the result never depends on the file’s order', () => {
    const reversed = { ...level, flows: [...level.flows].reverse() };
    expect(cityOf(commutingPartition(units, reversed, cores, 15)).P3).toBe('jurmala');
    expect(cityOf(commutingPartition(units, level, cores, 15)).P3).toBe('jurmala');
  });

  it('says why a unit belongs to none: no figures, or no city above the threshold', () => {
    const p = commutingPartition(units, level, cores, 15);
    expect(p.find((a) => a.code === 'P4')!.reason.en).toMatch(/no commuting figures/);
    expect(p.find((a) => a.code === 'P2')!.reason).toEqual({ lv: 'neviena pilsēta nepiesaista 15 % tās nodarbināto', en: 'no city draws 15 % of its employed' });
    expect(p.find((a) => a.code === 'P1')!.reason).toEqual({ lv: '40 % tās nodarbināto strādā pilsētā', en: '40 % of its employed work in the city' });
  });
});

describe('thresholdProblem', () => {
  it('accepts 1–90 % and refuses the rest in Latvian and English', () => {
    expect(thresholdProblem(15)).toBeNull();
    expect(thresholdProblem(1)).toBeNull();
    expect(thresholdProblem(90)).toBeNull();
    for (const bad of [0.5, 91, NaN, Infinity, -3]) expect(thresholdProblem(bad)).toEqual({ lv: 'Slieksnim jābūt no 1–90 %', en: 'The threshold must be within 1–90 %' });
  });
});
