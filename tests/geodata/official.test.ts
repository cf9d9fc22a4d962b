import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { zipSync } from 'fflate';
import { ellipsoidalAreaKm2 } from '../../geodata/area.ts';
import { buildDataset } from '../../geodata/dataset.ts';
import { PipelineError } from '../../geodata/errors.ts';
import { areaCodeOf, readOfficialShapefile } from '../../geodata/official.ts';
import { shapefileFiles, writeShapefile, type Ring, type ShapeRecord } from './fixtures/writeShapefile.ts';

/** A clockwise rectangle: the shapefile convention for outer rings (x east, y north). */
const rect = (x0: number, y0: number, x1: number, y1: number): Ring => [[x0, y0], [x0, y1], [x1, y1], [x1, y0], [x0, y0]];

function unit(l0: string, l1: string, name: string, ring: Ring): ShapeRecord {
  return { rings: [ring], attributes: { L0_code: l0, L1_code: l1, L1_name: name } };
}

/** Rīga (one unit) above three territorial units of Ķekavas novads, in LKS-92 metres. */
const RECORDS: ShapeRecord[] = [
  // Clockwise, with vertices where the three units below meet it.
  unit('0001000', '0001000', 'Rīga', [[500000, 312000], [500000, 320000], [520000, 320000], [520000, 312000], [512000, 312000], [506000, 312000], [500000, 312000]]),
  // CSP codes are text with leading zeros; one written without them must still join its novads.
  unit('34000', '0034001', 'Baloži', rect(500000, 300000, 506000, 312000)),
  unit('0034000', '0034002', 'Ķekavas pagasts', rect(506000, 300000, 512000, 312000)),
  unit('0034000', '0034003', 'Daugmales pagasts', rect(512000, 300000, 520000, 312000)),
];
const FIELDS = ['L0_code', 'L1_code', 'L1_name'];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'csp-shapefile-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const verticesOf = (g: Polygon | MultiPolygon): Position[] => (g.type === 'Polygon' ? g.coordinates : g.coordinates.flat()).flat();

describe('readOfficialShapefile', () => {
  it('reads one territorial unit per feature with its municipality, as CSP area codes', async () => {
    const { file, units } = await readOfficialShapefile(writeShapefile(join(dir, 'units'), RECORDS, FIELDS));
    expect(file).toBe('units.shp');
    // CSP codes are text with leading zeros; one written without them must still join its novads.
    expect(units.map(({ code, municipalityCode, name, kind }) => ({ code, municipalityCode, name, kind }))).toEqual([
      { code: 'LV0001000', municipalityCode: 'LV0001000', name: 'Rīga', kind: 'state_city' },
      { code: 'LV0034001', municipalityCode: 'LV0034000', name: 'Baloži', kind: 'parish' },
      { code: 'LV0034002', municipalityCode: 'LV0034000', name: 'Ķekavas pagasts', kind: 'parish' },
      { code: 'LV0034003', municipalityCode: 'LV0034000', name: 'Daugmales pagasts', kind: 'parish' },
    ]);
  });

  it('reads the kind from L1_type (1 state city, 6 town, 7 parish) and refuses another', async () => {
    const typed = RECORDS.map((r, i) => ({ ...r, attributes: { ...r.attributes, L1_type: ['1', '6', '7', '7'][i]! } }));
    const { units } = await readOfficialShapefile(writeShapefile(join(dir, 'typed'), typed, [...FIELDS, 'L1_type']));
    expect(units.map((u) => u.kind)).toEqual(['state_city', 'town', 'parish', 'parish']);
    const odd = typed.map((r, i) => (i === 2 ? { ...r, attributes: { ...r.attributes, L1_type: '9' } } : r));
    const error = await readOfficialShapefile(writeShapefile(join(dir, 'odd-type'), odd, [...FIELDS, 'L1_type'])).catch((e: unknown) => e);
    expect((error as Error).message).toBe('odd-type.shp: feature 3 (LV0034002): unknown L1_type 9 (1 state city, 5 novads, 6 town, 7 parish)');
  });

  it('takes codes with the LV prefix, as the 2022 edition writes them', () => {
    expect(areaCodeOf('LV0054010')).toBe('LV0054010');
    expect(areaCodeOf('54010')).toBe('LV0054010');
    expect(areaCodeOf('Valmiera')).toBe('');
  });

  it('reprojects LKS-92 to WGS84 longitude/latitude', async () => {
    const { units } = await readOfficialShapefile(writeShapefile(join(dir, 'reproject'), RECORDS, FIELDS));
    const riga = verticesOf(units[0]!.geometry);
    const near = (lon: number, lat: number) => riga.some(([x, y]) => Math.abs(x! - lon) < 1e-5 && Math.abs(y! - lat) < 1e-5);
    expect(near(24.098641, 56.951577)).toBe(true); // x 506000, y 312000
    // x 500000 is the central meridian, 24° E.
    expect(riga.filter(([x]) => x === 24)).toHaveLength(3);
  });

  it('drops a repeated vertex, which validity checks would read as a self-intersection', async () => {
    const doubled = RECORDS.map((r, i) => (i === 1 ? { ...r, rings: [[...r.rings[0]!.slice(0, 2), r.rings[0]![1]!, ...r.rings[0]!.slice(2)]] } : r));
    const { units } = await readOfficialShapefile(writeShapefile(join(dir, 'doubled'), doubled, FIELDS));
    expect((units[1]!.geometry as Polygon).coordinates[0]).toHaveLength(5);
  });

  it('reads the same from the .zip as CSP publishes it', async () => {
    const files = shapefileFiles(RECORDS, FIELDS);
    const base = 'Territorial_units_LV_1.2m_(2025.07.01.)/Territorial_units_LV_1.2m';
    const zip = join(dir, 'Territorial_units_LV_1.2m_(2025.07.01.).zip');
    writeFileSync(zip, zipSync(Object.fromEntries(Object.entries(files).map(([ext, bytes]) => [`${base}.${ext}`, bytes]))));
    const fromZip = await readOfficialShapefile(zip);
    const fromShp = await readOfficialShapefile(writeShapefile(join(dir, 'same'), RECORDS, FIELDS));
    expect(fromZip.file).toBe('Territorial_units_LV_1.2m_(2025.07.01.).zip');
    expect(fromZip.units).toEqual(fromShp.units);
  });

  it('feeds buildDataset: municipalities dissolved from their units, each unit with its area and a label point inside it', async () => {
    const boundaries = await readOfficialShapefile(writeShapefile(join(dir, 'build'), RECORDS, FIELDS));
    const dataset = buildDataset({
      units: {
        file: 'units.csv',
        text: `code,atvk,iso3166_2,name_lv,name_en,kind,planning_region,valid_from,valid_to,successor_code,contains_state_city
LV0001000,0001000,LV-RIX,Rīga,Riga,state_city,Rīga,2021-07-01,,,
LV0034000,0034000,LV-052,Ķekavas novads,Ķekava municipality,novads,Rīga,2021-07-01,,,
`,
      },
      cities: { file: 'cities.csv', text: 'id,name_lv,name_en,municipality_code,inside_novads,lat,lon\nriga,Rīga,Riga,LV0001000,no,56.97,24.15\n' },
      catalogue: { file: 'catalogue.csv', text: 'id,name_lv,name_en,dimension,unit_lv,unit_en,kind,additive,polarity,source_label,source_url,note_en\n' },
      indicators: [],
      boundaries,
      asOf: '2025-07-01',
      simplifyKm2: 0.01,
      digits: 5,
    });
    expect(dataset.municipalities.features.map((f) => [f.properties.code, f.properties.nameLv])).toEqual([
      ['LV0001000', 'Rīga'],
      ['LV0034000', 'Ķekavas novads'],
    ]);
    const kekava = dataset.municipalities.features[1]!.geometry;
    expect(kekava.type).toBe('Polygon');
    expect((kekava as Polygon).coordinates).toHaveLength(1);
    // 20 km × 12 km of grid near the central meridian (scale 0.9996).
    expect(Math.abs(dataset.municipalities.features[1]!.properties.areaKm2 / (240 / 0.9996 ** 2) - 1)).toBeLessThan(0.002);
    const kekavasPagasts = dataset.territorialUnits.features[2]!;
    expect(kekavasPagasts.properties).toMatchObject({ code: 'LV0034002', municipalityAtvk: '0034000', name: 'Ķekavas pagasts', kind: 'parish' });
    // 6 km × 12 km of grid near the central meridian (scale 0.9996), rounded to 0.01 km².
    expect(kekavasPagasts.properties.areaKm2).toBeCloseTo(72 / 0.9996 ** 2, 1);
    expect(kekavasPagasts.properties.areaKm2).toBe(Math.round(ellipsoidalAreaKm2(boundaries.units[2]!.geometry) * 100) / 100);
    const [lon, lat] = kekavasPagasts.properties.label;
    const lons = verticesOf(kekavasPagasts.geometry).map((p) => p[0]!);
    const lats = verticesOf(kekavasPagasts.geometry).map((p) => p[1]!);
    expect(lon).toBeGreaterThan(Math.min(...lons));
    expect(lon).toBeLessThan(Math.max(...lons));
    expect(lat).toBeGreaterThan(Math.min(...lats));
    expect(lat).toBeLessThan(Math.max(...lats));
    expect(dataset.cities.features[0]!.properties).toMatchObject({ outlineCode: 'LV0001000' });
  });

  it('refuses coordinates in degrees (a shapefile not in LKS-92), naming EPSG:3059', async () => {
    const degrees = RECORDS.map((r) => ({ ...r, rings: r.rings.map((ring) => ring.map(([x, y]): [number, number] => [24 + (x - 500000) / 60000, 56.9 + (y - 300000) / 110000])) }));
    const path = writeShapefile(join(dir, 'degrees'), degrees, FIELDS);
    const error = await readOfficialShapefile(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PipelineError);
    expect((error as Error).message).toMatch(/^degrees\.shp: feature 1: coordinate \(24, 57\.0\d*\) is not in LKS-92 \/ EPSG:3059/);
  });

  it('refuses a shapefile without the L0_code field', async () => {
    const path = writeShapefile(join(dir, 'no-l0'), RECORDS, ['L1_code', 'L1_name']);
    const error = await readOfficialShapefile(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PipelineError);
    expect((error as Error).message).toBe('no-l0.shp: feature 1: fields L0_code and L1_code are required');
  });

  it('refuses an archive without a .shp and .dbf', async () => {
    const zip = join(dir, 'empty.zip');
    writeFileSync(zip, zipSync({ 'readme.txt': new TextEncoder().encode('no shapefile here') }));
    await expect(readOfficialShapefile(zip)).rejects.toThrow('empty.zip: the archive has no .shp and .dbf pair');
  });
});

describe('writeShapefile (test fixture)', () => {
  it('writes the lengths readers rely on', () => {
    const { shp, shx, dbf } = shapefileFiles(RECORDS, FIELDS);
    const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);
    expect(view(shp).getInt32(24, false) * 2).toBe(shp.byteLength);
    expect(view(shx).getInt32(24, false) * 2).toBe(100 + 8 * RECORDS.length);
    expect(view(dbf).getUint32(4, true)).toBe(RECORDS.length);
    expect(dbf[dbf.length - 1]).toBe(0x1a);
  });
});

