import { area } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { gridPieces, segmentMeetsBox, spreadIndicators, territorialPieces } from './synthetic.ts';

/** A 0.3° × 0.2° box in Latvia with one notch, so that some cells are cut and some are whole. */
const unit: Feature<Polygon, Record<string, unknown>> = {
  type: 'Feature',
  properties: { code: 'LV0099000', nameLv: 'Testa novads' },
  geometry: { type: 'Polygon', coordinates: [[[24, 56.5], [24.3, 56.5], [24.3, 56.7], [24.15, 56.6], [24, 56.7], [24, 56.5]]] },
};

describe('synthetic municipalities', () => {
  it('cuts a unit into pieces that cover it exactly, the first keeping its code', () => {
    const pieces = gridPieces([unit], 5);
    expect(pieces.length).toBeGreaterThan(10);
    const total = pieces.reduce((s, p) => s + area(p), 0);
    expect(total / area(unit)).toBeCloseTo(1, 3);
    expect(pieces[0]!.properties.code).toBe('LV0099000');
    expect(new Set(pieces.map((p) => p.properties.code)).size).toBe(pieces.length);
    expect(pieces.every((p) => p.properties.parent === 'LV0099000')).toBe(true);
  });
  it('is deterministic', () => {
    expect(JSON.stringify(gridPieces([unit], 7))).toBe(JSON.stringify(gridPieces([unit], 7)));
  });
  it('spreads counts by area share (they still add up) and jitters rates', () => {
    const pieces = gridPieces([unit], 7);
    const data = {
      indicators: [
        { id: 'people', kind: 'count' },
        { id: 'density', kind: 'rate' },
      ],
      observations: [
        { geo: 'LV0099000', indicator: 'people', year: '2026', value: 10_000 },
        { geo: 'LV0099000', indicator: 'density', year: '2026', value: 20 },
        { geo: 'LV', indicator: 'people', year: '2026', value: 1_800_000 },
      ],
    };
    const out = spreadIndicators(data, pieces).observations;
    const people = out.filter((o) => o.indicator === 'people' && o.geo !== 'LV');
    expect(people).toHaveLength(pieces.length);
    expect(Math.abs(people.reduce((s, o) => s + o.value, 0) - 10_000)).toBeLessThanOrEqual(pieces.length);
    const density = out.filter((o) => o.indicator === 'density').map((o) => o.value);
    expect(Math.min(...density)).toBeGreaterThanOrEqual(17);
    expect(Math.max(...density)).toBeLessThanOrEqual(23);
    expect(new Set(density).size).toBeGreaterThan(1);
    expect(out.find((o) => o.geo === 'LV')!.value).toBe(1_800_000);
  });
  it('knows when a border segment touches a grid cell', () => {
    expect(segmentMeetsBox([0, 0], [2, 2], 1, 1, 3, 3)).toBe(true); // ends inside
    expect(segmentMeetsBox([0, 2], [4, 2], 1, 1, 3, 3)).toBe(true); // crosses
    expect(segmentMeetsBox([0, 0], [4, 0.5], 1, 1, 3, 3)).toBe(false); // passes below
    expect(segmentMeetsBox([2, 0], [2, 0.9], 1, 1, 3, 3)).toBe(false); // stops short
  });
});

describe('the real territorial units as pieces', () => {
  it('gives each unit its municipality’s properties, the first the municipality’s code, the rest their own', () => {
    const muni = { ...unit, properties: { code: 'LV0099000', atvk: '0099000', nameLv: 'Testa novads' } };
    const geometry = unit.geometry;
    const units = [
      { type: 'Feature' as const, properties: { code: 'LV0099010', municipalityAtvk: '0099000', areaKm2: 12.5 }, geometry },
      { type: 'Feature' as const, properties: { code: 'LV0099400', municipalityAtvk: '0099000', areaKm2: 80 }, geometry },
    ];
    const pieces = territorialPieces(units, [muni]);
    expect(pieces.map((p) => [p.properties.code, p.properties.parent, p.properties.areaKm2, p.properties.nameLv])).toEqual([
      ['LV0099000', 'LV0099000', 12.5, 'Testa novads'],
      ['LV0099400', 'LV0099000', 80, 'Testa novads'],
    ]);
    expect(() => territorialPieces([{ ...units[0]!, properties: { ...units[0]!.properties, municipalityAtvk: '0011000' } }], [muni])).toThrow(/no municipality 0011000/);
  });
});
