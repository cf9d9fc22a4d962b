import type { FeatureCollection, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Polygon as TopoPolygon, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { TERRITORY_QUANTIZATION, territoryTopology } from '../../geodata/territory.ts';

const square = (x: number, props: Record<string, unknown>) => ({
  type: 'Feature' as const,
  properties: props,
  geometry: { type: 'Polygon' as const, coordinates: [[[x, 56], [x + 1, 56], [x + 1, 57], [x, 57], [x, 56]]] },
});
const fc = (...features: ReturnType<typeof square>[]): FeatureCollection<Polygon> => ({ type: 'FeatureCollection', features });

describe('the territory topology', () => {
  const topo = territoryTopology({
    municipalities: fc(square(24, { code: 'A' }), square(25, { code: 'B' })),
    latvia: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { nameEn: 'Latvia' }, geometry: { type: 'Polygon', coordinates: [[[24, 56], [25, 56], [26, 56], [26, 57], [25, 57], [24, 57], [24, 56]]] } }] },
    neighbours: fc(square(27, { nameEn: 'Elsewhere' })),
    cities: fc(square(24, { id: 'a-city' })),
  }) as Topology<Record<string, GeometryCollection>>;
  const arcsOf = (name: string) => topo.objects[name]!.geometries.flatMap((g) => (g as TopoPolygon).arcs.flat().map((a) => (a < 0 ? ~a : a)));

  it('is quantised, with the four layers and their properties', () => {
    expect(topo.transform).toBeDefined();
    expect(Object.keys(topo.objects).sort()).toEqual(['cities', 'latvia', 'municipalities', 'neighbours']);
    expect(feature(topo, topo.objects.municipalities!).features.map((f) => f.properties)).toEqual([{ code: 'A' }, { code: 'B' }]);
    expect(TERRITORY_QUANTIZATION).toBe(1e5);
  });

  it('stores a border two units share once, and Latvia from the units\' own arcs', () => {
    const units = arcsOf('municipalities');
    expect(units.length - new Set(units).size).toBe(1);
    for (const arc of arcsOf('latvia')) expect(units).toContain(arc);
  });

  it('draws a city’s outline with its municipality’s arcs, so the two never drift apart', () => {
    const units = arcsOf('municipalities');
    for (const arc of arcsOf('cities')) expect(units).toContain(arc);
  });

  it('decodes to the input coordinates to within half a grid step', () => {
    const halfStep = (28 - 24) / (TERRITORY_QUANTIZATION - 1) / 2;
    const [a] = feature(topo, topo.objects.municipalities!).features;
    const ring = (a!.geometry as Polygon).coordinates[0]!;
    for (const [x, y] of ring) {
      expect([24, 25].some((v) => Math.abs(x! - v) <= halfStep)).toBe(true);
      expect([56, 57].some((v) => Math.abs(y! - v) <= halfStep)).toBe(true);
    }
  });
});
