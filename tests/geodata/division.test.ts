import { describe, expect, it } from 'vitest';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { featureCollection, simplify as simplifyEach, union } from '@turf/turf';
import { ellipsoidalAreaKm2 } from '../../geodata/area.ts';
import { buildDivision, isValidAreal } from '../../geodata/division.ts';
import { readUnits } from '../../geodata/units.ts';
import { MADONA_VARAKLANI_BORDER, OGRE_TOWN, QUADRANTS, sourceUnits, UNITS_CSV } from './fixtures/world.ts';

const units = readUnits(UNITS_CSV, 'units.csv');
type Piece = { code: string; geometry: Polygon | MultiPolygon };
const division = (asOf = '2025-07-01', minAreaKm2 = 0.3) => buildDivision(sourceUnits(), units, asOf, minAreaKm2, 5, 0.01);

const key = (p: Position) => `${p[0]},${p[1]}`;
const ringsOf = (g: Polygon | MultiPolygon) => (g.type === 'Polygon' ? g.coordinates : g.coordinates.flat());
const vertexSet = (g: Polygon | MultiPolygon) => new Set(ringsOf(g).flat().map(key));

/**
 * No gaps and no overlaps: the union of the units is one polygon without holes whose area is the
 * sum of theirs, and every vertex of an inner border is a vertex of at least two units.
 */
function tilesWithoutGaps(polys: Piece[], innerBorderVertices: Position[]): boolean {
  const whole = union(featureCollection(polys.map((p) => ({ type: 'Feature' as const, properties: {}, geometry: p.geometry }))));
  const g = whole?.geometry;
  if (!g || g.type !== 'Polygon' || g.coordinates.length !== 1) return false;
  const sum = polys.reduce((s, p) => s + ellipsoidalAreaKm2(p.geometry), 0);
  if (Math.abs(ellipsoidalAreaKm2(g) / sum - 1) > 1e-9) return false;
  const sets = polys.map((p) => vertexSet(p.geometry));
  return innerBorderVertices.every((v) => sets.filter((s) => s.has(key(v))).length >= 2);
}

describe('buildDivision: municipalities from their territorial units', () => {
  it('merges a dissolved unit into its successor and keeps only current units, in units.csv order', () => {
    const out = division().municipalities;
    expect(out.map((u) => u.code)).toEqual(['LV0001000', 'LV0038000', 'LV0040000']);
  });

  it('gives each territorial unit its current municipality: Varakļāni’s parish is Madona’s', () => {
    expect(division().units.map((u) => [u.code, u.municipalityCode])).toEqual([
      ['LV0001000', 'LV0001000'],
      ['LV0038400', 'LV0038000'],
      ['LV0055400', 'LV0038000'],
      ['LV0040400', 'LV0040000'],
      ['LV0040010', 'LV0040000'],
    ]);
  });

  it('removes the border between the merged parts and keeps their area', () => {
    const out = division('2025-07-01', 0).municipalities;
    const madona = out.find((u) => u.code === 'LV0038000')!.geometry;
    expect(madona.type).toBe('Polygon');
    expect(ringsOf(madona)).toHaveLength(1);
    const inner = new Set(MADONA_VARAKLANI_BORDER.slice(1, -1).map(key));
    expect([...vertexSet(madona)].filter((v) => inner.has(v))).toEqual([]);
    const parts = ellipsoidalAreaKm2(QUADRANTS.B.polygon) + ellipsoidalAreaKm2(QUADRANTS.C.polygon);
    expect(ellipsoidalAreaKm2(madona) / parts).toBeCloseTo(1, 4); // rounded to 5 decimals
    expect(out.find((u) => u.code === 'LV0038000')!.areaKm2 / parts).toBeCloseTo(1, 9);
  });

  it('keeps the old division before the merge date', () => {
    const out = division('2025-06-30').municipalities;
    expect(out.map((u) => u.code)).toEqual(['LV0001000', 'LV0038000', 'LV0040000', 'LV0055000']);
  });

  it('makes a novads whole around the town inside it: Ogres novads has no hole, the town is its own unit', () => {
    const d = division();
    const ogresNovads = d.municipalities.find((m) => m.code === 'LV0040000')!.geometry;
    expect(ringsOf(ogresNovads)).toHaveLength(1);
    const town = d.units.find((u) => u.code === 'LV0040010')!;
    expect(town.kind).toBe('town');
    expect(ellipsoidalAreaKm2(town.geometry) / ellipsoidalAreaKm2(OGRE_TOWN)).toBeCloseTo(1, 6);
  });
});

describe('buildDivision: one simplified topology', () => {
  const source = sourceUnits();
  const web = division();

  it('drops vertices', () => {
    expect(web.verticesAfter).toBeLessThan(web.verticesBefore * 0.8);
  });

  it('keeps shared borders identical: no gaps, no overlaps', () => {
    const inner = web.innerBorders.coordinates.flat();
    expect(inner.length).toBeGreaterThan(4);
    expect(tilesWithoutGaps(web.municipalities, inner)).toBe(true);
    expect(tilesWithoutGaps(web.units, inner)).toBe(true);
  });

  it('would catch gaps opened by simplifying each unit on its own', () => {
    const each = source.slice(0, 4).map((p) => ({ code: p.code, geometry: simplifyEach(p.geometry, { tolerance: 0.004 }) }));
    const borderVertices = [...MADONA_VARAKLANI_BORDER];
    expect(tilesWithoutGaps(each, borderVertices)).toBe(false);
  });

  it('keeps the outline and the area of the whole', () => {
    const sumWeb = web.units.reduce((s, u) => s + ellipsoidalAreaKm2(u.geometry), 0);
    const sumSource = source.reduce((s, u) => s + ellipsoidalAreaKm2(u.geometry), 0);
    expect(ellipsoidalAreaKm2(web.whole) / sumWeb).toBeCloseTo(1, 9);
    expect(Math.abs(sumWeb / sumSource - 1)).toBeLessThan(0.001);
    expect(web.outerBorder.coordinates.length).toBeGreaterThan(0);
  });

  it('rounds coordinates to the given digits', () => {
    const all = web.units.flatMap((u) => ringsOf(u.geometry).flat()).flat();
    expect(all.every((n) => Math.round(n * 1e5) / 1e5 === n)).toBe(true);
  });
});

describe('isValidAreal', () => {
  it('accepts a simple ring and refuses a self-intersecting bow-tie', () => {
    expect(isValidAreal({ type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] })).toBe(true);
    expect(isValidAreal({ type: 'Polygon', coordinates: [[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]] })).toBe(false);
    expect(isValidAreal({ type: 'MultiPolygon', coordinates: [[[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]]] })).toBe(false);
  });

  it('refuses an unclosed ring', () => {
    expect(isValidAreal({ type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2]]] })).toBe(false);
  });
});
