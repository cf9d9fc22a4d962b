import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hinterlandAggregates, type AggregateUnit } from '../../../src/domain/hinterland/aggregates.ts';
import { parseAssignmentCsv } from '../../../src/domain/hinterland/assignmentCsv.ts';
import { type HinterlandAssignment, type UnitAssignment } from '../../../src/domain/hinterland/assignment.ts';
import { unpackIndicatorFile } from '../../../src/domain/indicatorFile.ts';
import { completeYearNote, type IndicatorData, type Observation } from '../../../src/domain/indicators.ts';
import { computeKeyFacts } from '../../../src/domain/keyFacts.ts';
import type { MunicipalityProps } from '../../../src/domain/units.ts';

const unit = (code: string, areaKm2: number, containsCity = ''): AggregateUnit => ({ code, nameLv: `${code} novads`, nameEn: `${code} municipality`, areaKm2, containsCity });
const obs = (geo: string, year: string, value: number, source = 0, indicator = 'population_1jan'): Observation => ({ geo, indicator, year, value, source });
const row = (code: string, cityId: string | null, role: UnitAssignment['role'] = null): UnitAssignment => ({ code, name: code, cityId, role, reason: { lv: '', en: '' }, source: '' });

// alpha: own unit C1 + novads N1.  gamma: lies inside N2 (no unit of its own).  N3, N4: no city.
// N4 has residents only for 2025, as Madonas novads has today.
const UNITS = [unit('C1', 100), unit('N1', 1000.4), unit('N2', 2000.3, 'gamma'), unit('N3', 500.2), unit('N4', 399.1)];
const ASSIGNMENT: HinterlandAssignment = [row('C1', 'alpha', 'city'), row('N1', 'alpha', 'hinterland'), row('N2', 'gamma', 'hinterland'), row('N3', null), row('N4', null)];
const OBSERVATIONS = [
  obs('C1', '2026', 50_000),
  obs('N1', '2026', 20_000),
  obs('N2', '2026', 30_000),
  obs('N3', '2026', 5_000),
  obs('N4', '2025', 4_000),
  // gamma's own figure: another measure, year and source than its novads' residents.
  obs('city:gamma', '2025', 12_000, 1, 'city_population'),
];
const cityOf = (result: ReturnType<typeof hinterlandAggregates>, id: string) => result.cities.find((c) => c.cityId === id)!;

describe('the city core and the rest of its hinterland', () => {
  const areas = new Map([['alpha', 100], ['gamma', 18.26], ['delta', 5]]);
  const result = hinterlandAggregates(ASSIGNMENT, UNITS, OBSERVATIONS, { cityOutlineAreas: areas });

  it('splits a city inside its novads into its own outline and the rest of the novads, by area', () => {
    const gamma = cityOf(result, 'gamma');
    expect(gamma.areaKm2.value).toBe(2000.3);
    expect(gamma.coreAreaKm2).toMatchObject({ value: 18.3, inputs: ['gamma'] });
    expect(gamma.restAreaKm2.value).toBeCloseTo(1982, 6);
    expect(gamma.coreAreaKm2.note.en).toMatch(/own outline/);
  });

  it('counts the own unit of a city with a municipality of its own as its core', () => {
    const alpha = cityOf(result, 'alpha');
    expect(alpha.coreAreaKm2.value).toBe(100);
    expect(alpha.restAreaKm2.value).toBe(1000.4);
  });

  it('gives no core when the city’s territory is not in its hinterland, and no split without outline areas', () => {
    const moved: HinterlandAssignment = [row('C1', null), row('N1', 'alpha', 'hinterland'), row('N2', 'gamma', 'hinterland'), row('N3', null), row('N4', null)];
    const alpha = cityOf(hinterlandAggregates(moved, UNITS, OBSERVATIONS, { cityOutlineAreas: areas }), 'alpha');
    expect(alpha.coreAreaKm2.value).toBeNull();
    expect(alpha.restAreaKm2.value).toBeNull();
    expect(cityOf(hinterlandAggregates(ASSIGNMENT, UNITS, OBSERVATIONS), 'gamma').coreAreaKm2.value).toBeNull();
  });
});

describe('hinterlandAggregates', () => {
  const result = hinterlandAggregates(ASSIGNMENT, UNITS, OBSERVATIONS);
  const alpha = cityOf(result, 'alpha');
  const gamma = cityOf(result, 'gamma');

  it('uses the latest year of residents and sums a city with its hinterland', () => {
    expect(result.year).toBe('2026');
    expect(alpha.units).toEqual(['C1', 'N1']);
    expect(alpha.areaKm2).toMatchObject({ value: 1100.4, year: null, sources: [], inputs: ['C1', 'N1'] });
    expect(alpha.residents).toMatchObject({ value: 70_000, year: '2026', sources: [0], inputs: ['C1', 'N1'] });
  });

  it('recomputes density and shares from the sums', () => {
    expect(alpha.densityPerKm2.value).toBeCloseTo(70_000 / 1100.4, 12);
    expect(alpha.densityPerKm2.year).toBe('2026');
    expect(alpha.shareOfLatviaArea.value).toBeCloseTo(1100.4 / 4000, 12);
    expect(alpha.cityShareOfResidents).toMatchObject({ year: '2026', sources: [0] });
    expect(alpha.cityShareOfResidents.value).toBeCloseTo(50_000 / 70_000, 12);
  });

  it("leaves Latvia's residents and every share of them without a value when one unit lacks the year", () => {
    expect(result.latvia.areaKm2.value).toBe(4000);
    expect(result.latvia.residents.value).toBeNull();
    expect(result.latvia.residents.note.en).toContain('Not computable: 2026 lacks N4 municipality, and these data hold no earlier year');
    expect(alpha.shareOfLatviaResidents.value).toBeNull();
    expect(result.unassigned!.residents.value).toBeNull();
    expect(result.unassigned!.areaKm2.value).toBe(899.3);
  });

  it('never adds a city inside its novads on top of the novads, even with a figure of the same measure', () => {
    expect(gamma.residents.value).toBe(30_000);
    expect(gamma.residents.inputs).toEqual(['N2']);
    const withCity = hinterlandAggregates(ASSIGNMENT, UNITS, [...OBSERVATIONS, obs('city:gamma', '2026', 12_000)]);
    expect(cityOf(withCity, 'gamma').residents.value).toBe(30_000);
    expect(withCity.latvia.residents.value).toBeNull();
  });

  it("gives no share for a city inside its novads from another measure, year or source, and says why", () => {
    expect(gamma.cityShareOfResidents.value).toBeNull();
    expect(gamma.cityShareOfResidents.note.en).toContain('no city population from the same source and year (2026)');
    const sameYearOtherSource = hinterlandAggregates(ASSIGNMENT, UNITS, [...OBSERVATIONS, obs('city:gamma', '2026', 12_000, 1, 'city_population')]);
    expect(cityOf(sameYearOtherSource, 'gamma').cityShareOfResidents.value).toBeNull();
  });

  it('computes that share from a city figure of the same year and source as the novads', () => {
    const withCity = hinterlandAggregates(ASSIGNMENT, UNITS, [...OBSERVATIONS, obs('city:gamma', '2026', 12_000)]);
    const g = cityOf(withCity, 'gamma');
    expect(g.cityShareOfResidents).toMatchObject({ value: 0.4, year: '2026', sources: [0], inputs: ['city:gamma', 'N2'] });
    expect(g.residents.value).toBe(30_000);
  });

  it('takes a chosen year and never fills a missing one', () => {
    const y2025 = hinterlandAggregates(ASSIGNMENT, UNITS, OBSERVATIONS, { year: '2025' });
    expect(y2025.year).toBe('2025');
    expect(cityOf(y2025, 'alpha').residents.value).toBeNull();
    expect(cityOf(y2025, 'alpha').densityPerKm2.value).toBeNull();
    expect(cityOf(y2025, 'alpha').areaKm2.value).toBe(1100.4);
  });

  it('refuses an assignment that lists a unit it was not given', () => {
    expect(() => hinterlandAggregates([...ASSIGNMENT, row('X9', 'alpha', 'hinterland')], UNITS, OBSERVATIONS)).toThrow(/X9/);
  });

  it('equals the sum of its units, and the parts add up to Latvia', () => {
    const codes = ['A', 'B', 'C', 'D', 'E', 'F'];
    const arb = fc.record({
      areas: fc.array(fc.integer({ min: 1, max: 50_000 }), { minLength: codes.length, maxLength: codes.length }),
      people: fc.array(fc.integer({ min: 0, max: 700_000 }), { minLength: codes.length, maxLength: codes.length }),
      cities: fc.array(fc.constantFrom<string | null>('x', 'y', 'z', null), { minLength: codes.length, maxLength: codes.length }),
    });
    fc.assert(
      fc.property(arb, ({ areas, people, cities }) => {
        const units = codes.map((c, i) => unit(c, areas[i]! / 10));
        const seen = new Set<string>();
        const assignment = codes.map((c, i) => {
          const city = cities[i]!;
          const role = city === null ? null : seen.has(city) ? 'hinterland' : 'city';
          if (city !== null) seen.add(city);
          return row(c, city, role);
        });
        const observations = codes.map((c, i) => obs(c, '2026', people[i]!));
        const out = hinterlandAggregates(assignment, units, observations);
        const sumOf = (list: string[], values: number[]) => list.reduce((s, c) => s + values[codes.indexOf(c)]!, 0);
        const parts = [...out.cities, ...(out.unassigned ? [out.unassigned] : [])];
        for (const p of parts) {
          expect(p.residents.value).toBe(sumOf(p.units, people));
          expect(p.areaKm2.value).toBeCloseTo(sumOf(p.units, areas) / 10, 9);
        }
        expect(parts.reduce((s, p) => s + p.residents.value!, 0)).toBe(out.latvia.residents.value);
        expect(parts.reduce((s, p) => s + p.shareOfLatviaArea.value!, 0)).toBeCloseTo(1, 9);
      }),
    );
  });
});

describe('shares of Latvia when the latest year lacks a unit', () => {
  // Every unit has 2025; 2026 lacks N4 (as Madonas novads). Each city's hinterland is its own unit.
  const units = [unit('C1', 100), unit('C2', 50), unit('N3', 500), unit('N4', 400)];
  const observations = [
    obs('C1', '2025', 50_000), obs('C2', '2025', 20_000), obs('N3', '2025', 25_000), obs('N4', '2025', 5_000),
    obs('C1', '2026', 49_000), obs('C2', '2026', 19_000), obs('N3', '2026', 24_000),
  ];
  const own: HinterlandAssignment = [row('C1', 'one', 'city'), row('C2', 'two', 'city'), row('N3', null), row('N4', null)];
  const result = hinterlandAggregates(own, units, observations);
  const cities = [
    { id: 'one', nameLv: 'one', nameEn: 'one', unitCode: 'C1', insideNovads: false, outlineCode: 'C1', areaKm2: 100, order: 1 },
    { id: 'two', nameLv: 'two', nameEn: 'two', unitCode: 'C2', insideNovads: false, outlineCode: 'C2', areaKm2: 50, order: 2 },
  ];
  const facts = computeKeyFacts(units.map((u) => ({ ...u, atvk: '', iso: '', kind: 'novads', region: '' })) as MunicipalityProps[], cities, { indicators: [], sources: ['CSP'], observations });

  it('takes numerator and denominator in the latest year complete for every unit, and says why', () => {
    expect(result.year).toBe('2026');
    expect(result.shareYear).toBe('2025');
    expect(cityOf(result, 'one').residents.value).toBe(49_000);
    expect(cityOf(result, 'one').shareOfLatviaResidents.value).toBeCloseTo(50_000 / 100_000, 12);
    expect(cityOf(result, 'one').shareOfLatviaResidents.note.en).toContain('2025: the latest year with a figure for every unit (2026 lacks N4 municipality)');
    expect(result.latvia.residents.value).toBe(100_000);
  });

  it('agrees with the key facts: the same year, the same whole, the cities’ shares adding up to theirs', () => {
    expect(facts.residents!.years).toEqual([result.shareYear]);
    expect(facts.residents!.whole).toBe(result.latvia.residents.value);
    const sum = result.cities.reduce((s, c) => s + c.shareOfLatviaResidents.value!, 0);
    expect(sum * 100).toBeCloseTo(facts.residents!.percent, 10);
  });
});

describe('hinterlandAggregates on the real data', () => {
  const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
  const units = (JSON.parse(read('public/data/municipalities.geojson')) as { features: { properties: MunicipalityProps }[] }).features.map((f) => f.properties);
  const data: IndicatorData = unpackIndicatorFile(JSON.parse(read('public/data/indicators.json')), 'indicators.json');
  const parsed = parseAssignmentCsv(read('geodata/inputs/hinterland_assignment.csv'), units.map((u) => u.code), ['riga', 'daugavpils', 'jelgava', 'jurmala', 'liepaja', 'rezekne', 'ventspils', 'valmiera', 'jekabpils', 'ogre']);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const result = hinterlandAggregates(parsed.assignment, units, data.observations);
  const residents = (code: string) => data.observations.find((o) => o.geo === code && o.indicator === 'population_1jan' && o.year === '2026')!.value;

  it("sums Rīga's residents of 2026 over Rīga and its eight novadi", () => {
    const riga = cityOf(result, 'riga');
    expect(result.year).toBe('2026');
    expect(riga.units).toHaveLength(9);
    expect(riga.residents.value).toBe(riga.units.reduce((s, c) => s + residents(c), 0));
    expect(riga.cityShareOfResidents.value).toBeCloseTo(residents('LV0001000') / riga.residents.value!, 12);
  });

  it('counts Valmiera, Jēkabpils and Ogre once, in their novads, with no share for the city', () => {
    for (const [id, code] of [['valmiera', 'LV0054000'], ['jekabpils', 'LV0031000'], ['ogre', 'LV0040000']] as const) {
      const c = cityOf(result, id);
      expect(c.residents.value, id).toBe(residents(code));
      expect(c.cityShareOfResidents.value, id).toBeNull();
    }
  });

  it("has no 2026 total for Latvia while Madonas novads has only 2025, and says so in the key facts' words", () => {
    expect(result.latvia.residents.value).toBeNull();
    expect(result.latvia.residents.note.en).toContain('Madona municipality');
    // The key facts, the place panel and the hinterland table give the same (absent) share for the same reason.
    const facts = computeKeyFacts(units, [], data);
    expect(facts.residents).toBeNull();
    const why = completeYearNote(facts.residentsGap!, (code) => ({ lv: units.find((u) => u.code === code)!.nameLv, en: units.find((u) => u.code === code)!.nameEn }));
    expect(result.latvia.residents.note).toEqual(why);
    for (const c of result.cities) expect(c.shareOfLatviaResidents, c.cityId).toMatchObject({ value: null, note: why });
    expect(result.latvia.areaKm2.value).toBeCloseTo(units.reduce((s, u) => s + u.areaKm2, 0), 6);
  });
});
