import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { area, intersect, featureCollection } from '@turf/turf';
import { hinterlandAggregates } from '../../../src/domain/hinterland/aggregates.ts';
import type { HinterlandAssignment, UnitAssignment } from '../../../src/domain/hinterland/assignment.ts';
import { dissolveHinterlands } from '../../../src/domain/hinterland/dissolve.ts';
import { huffShares } from '../../../src/domain/hinterland/huff.ts';
import { hinterlandOutlines, unitTopology } from '../../../src/domain/hinterland/outlines.ts';
import {
  cityCoreUnits,
  containsPoint,
  NO_TERRITORIAL_RESIDENTS,
  territorialAggregateUnits,
  territorialAssignment,
  territorialHuffUnits,
  territorialUnitsProblem,
  type TerritorialUnits,
} from '../../../src/domain/hinterland/territorial.ts';

/**
 * Valmieras novads (its city unit 0054001 holds the Valmiera point, two parishes around it) and a
 * second novads 0020000 of two parishes; WGS84 rectangles, areas and label points as the pipeline
 * writes them (`tsx` + `ellipsoidalAreaKm2`, centres as labels).
 */
const UNITS = JSON.parse(readFileSync(new URL('./fixtures/territorial-units.geojson', import.meta.url), 'utf8')) as TerritorialUnits;
const MUNICIPALITIES = [
  { code: 'LV0054000', atvk: '0054000' },
  { code: 'LV0020000', atvk: '0020000' },
];
const VALMIERA = { id: 'valmiera', unitCode: 'LV0054000', lon: 25.1, lat: 57.45 };
/** A second city north of the units, on the meridian of parish 0020002's label point. */
const NORTH = { id: 'north', unitCode: 'LV0099000', lon: 25.5, lat: 57.9 };
const row = (code: string, cityId: string | null, role: UnitAssignment['role'], en = ''): UnitAssignment => ({ code, name: code, cityId, role, reason: { lv: en && 'pilsēta atrodas tajā', en }, source: 's' });
const MUNICIPAL: HinterlandAssignment = [row('LV0054000', 'valmiera', 'hinterland', 'the city lies inside it'), row('LV0020000', null, null)];

describe('the parish-level administrative hinterland', () => {
  const cores = cityCoreUnits(UNITS, MUNICIPALITIES, [VALMIERA, NORTH]);

  it('recognises a city inside its novads by the unit of that novads holding the city point', () => {
    expect([...cores]).toEqual([['valmiera', '0054001']]);
    // A point in a unit of another municipality is not taken as the city's own unit.
    expect(cityCoreUnits(UNITS, MUNICIPALITIES, [{ ...VALMIERA, unitCode: 'LV0020000' }]).size).toBe(0);
    expect(containsPoint(UNITS.features[0]!.geometry, 25.1, 57.45)).toBe(true);
    expect(containsPoint(UNITS.features[0]!.geometry, 25.3, 57.45)).toBe(false);
  });

  it('gives each unit its municipality’s city, the city’s own unit in the role city', () => {
    const parish = territorialAssignment(UNITS, MUNICIPALITIES, MUNICIPAL, cores);
    expect(parish.map((a) => [a.code, a.cityId, a.role])).toEqual([
      ['0054001', 'valmiera', 'city'],
      ['0054002', 'valmiera', 'hinterland'],
      ['0054003', 'valmiera', 'hinterland'],
      ['0020001', null, null],
      ['0020002', null, null],
    ]);
    expect(parish[1]!.reason).toEqual({ lv: 'pilsēta atrodas tajā', en: 'the city lies inside it' });
  });

  it('keeps the city’s own unit with its city when its novads is given to no city', () => {
    const parish = territorialAssignment(UNITS, MUNICIPALITIES, [row('LV0054000', null, null), row('LV0020000', null, null)], cores);
    expect(parish.filter((a) => a.cityId !== null).map((a) => [a.code, a.cityId, a.role])).toEqual([['0054001', 'valmiera', 'city']]);
  });

  it('partitions the units: dissolved areas do not overlap and cover the whole within 0.1 %', () => {
    const parish = territorialAssignment(UNITS, MUNICIPALITIES, MUNICIPAL, cores);
    const d = dissolveHinterlands(UNITS, parish);
    expect(d.areas.features.map((f) => f.properties)).toEqual([{ cityId: 'valmiera', units: ['0054001', '0054002', '0054003'] }]);
    expect(d.hinterlands.features[0]!.properties.units).toEqual(['0054002', '0054003']);
    const parts = [...d.areas.features, d.unassigned!];
    for (let i = 0; i < parts.length; i++)
      for (let j = i + 1; j < parts.length; j++) {
        const overlap = intersect(featureCollection([parts[i]!, parts[j]!] as never));
        expect(overlap ? area(overlap) : 0).toBeLessThan(1);
      }
    const total = UNITS.features.reduce((s, f) => s + area(f), 0);
    expect(Math.abs(parts.reduce((s, f) => s + area(f), 0) / total - 1)).toBeLessThan(0.001);
    const outlines = hinterlandOutlines(unitTopology(UNITS), parish);
    expect(outlines.features.map((f) => f.properties.kind)).toEqual(['outline', 'city']);
  });

  it('sums areas and gives residents, density and shares of residents no value, with the reason', () => {
    const parish = territorialAssignment(UNITS, MUNICIPALITIES, MUNICIPAL, cores);
    const result = hinterlandAggregates(parish, territorialAggregateUnits(UNITS), [], { residentsUnavailable: NO_TERRITORIAL_RESIDENTS });
    const valmiera = result.cities[0]!;
    expect(valmiera.areaKm2.value).toBe(Math.round((133.72 + 133.72 + 532.71) * 10) / 10);
    expect(Math.abs(result.unassigned!.areaKm2.value! + valmiera.areaKm2.value! - result.latvia.areaKm2.value!)).toBeLessThanOrEqual(0.1 + 1e-9);
    expect(valmiera.shareOfLatviaArea.value).toBeCloseTo(800.15 / 1200.23, 3);
    for (const f of [valmiera.residents, valmiera.densityPerKm2, valmiera.shareOfLatviaResidents, valmiera.cityShareOfResidents, result.latvia.residents]) {
      expect(f.value).toBeNull();
      expect(f.note.en).toContain('no residents for parishes');
    }
    expect(result.year).toBeNull();
  });
});

describe('the parish-level gravity model', () => {
  it('draws each unit from its label point, with the municipalities’ formula and parameters', () => {
    const units = territorialHuffUnits(UNITS);
    expect(units[4]).toEqual({ code: '0020002', lon: 25.5, lat: 57.625 });
    const shares = huffShares(units, [
      { id: 'valmiera', lon: 25.1, lat: 57.45, population: 20_000 },
      { id: 'north', lon: 25.5, lat: 57.9, population: 80_000 },
    ], { alpha: 1, beta: 2 });
    // 0020002 → north: along the meridian, 0.275° × π/180 × 6371.0088 km = 30.5786 km;
    // → Valmiera (haversine) 30.7993 km. Shares: 80 000 / 30.5786² against 20 000 / 30.7993².
    const north = 80_000 / 30.5786 ** 2;
    const valmiera = 20_000 / 30.7993 ** 2;
    expect(shares[4]!.shares.north).toBeCloseTo(north / (north + valmiera), 4);
    expect(shares[4]!.shares.north).toBeCloseTo(0.80229, 4);
    // Valmiera's own unit: its label point is 0 km from the city point, taken as the 1 km minimum.
    expect(shares[0]!.shares.valmiera).toBeCloseTo(0.9987, 4);
  });
});

describe('territorialUnitsProblem', () => {
  it('accepts the pipeline’s file and names what is wrong with another', () => {
    expect(territorialUnitsProblem(UNITS)).toBeNull();
    expect(territorialUnitsProblem({ type: 'FeatureCollection', features: [] })).toBe('no territorial units in the file');
    const noArea = structuredClone(UNITS);
    delete (noArea.features[1]!.properties as Partial<TerritorialUnits['features'][number]['properties']>).areaKm2;
    expect(territorialUnitsProblem(noArea)).toBe('feature 2: areaKm2 and label are required');
    const twice = structuredClone(UNITS);
    twice.features[2]!.properties.code = '0054001';
    expect(territorialUnitsProblem(twice)).toBe('feature 3: code 0054001 repeated');
  });
});
