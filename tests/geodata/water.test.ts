import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { PipelineError } from '../../geodata/errors.ts';
import { buildWater, DAUGAVA_CHECKPOINTS, joinSegments, parseGmtMultisegment, readWaterNames, serialiseWater, type WaterInputs } from '../../geodata/water.ts';
import { polygonProblem, readWater } from '../../geodata/waterInput.ts';
import { pipelineError } from './fixtures/pipelineError.ts';

describe('parseGmtMultisegment', () => {
  it('reads one array of positions per segment header', () => {
    const text = ['> Shore Bin # 11185, Level 2', '26\t58.1963073167', '25.995834287\t58.1974975204', '> Shore Bin # 11186, Level 2', '26.1 58.2', ''].join('\n');
    expect(parseGmtMultisegment(text)).toEqual([
      [
        [26, 58.1963073167],
        [25.995834287, 58.1974975204],
      ],
      [[26.1, 58.2]],
    ]);
  });

  it('skips comments and blank lines, ignores extra columns, and starts a segment for headless data', () => {
    const text = '# gmt coast\n\n24.1 56.9 12\r\n24.2 57.0\n';
    expect(parseGmtMultisegment(text)).toEqual([
      [
        [24.1, 56.9],
        [24.2, 57],
      ],
    ]);
  });

  it('treats a NaN record as a segment break and drops empty segments', () => {
    expect(parseGmtMultisegment('>\n>\n1 2\nNaN NaN\n3 4\n5 6\n')).toEqual([[[1, 2]], [[3, 4], [5, 6]]]);
  });

  it('refuses a record that is not "lon lat", naming the line', () => {
    const e = pipelineError(() => parseGmtMultisegment('> x\n24.1 56.9\n24.2\n', 'gmt coast -M'));
    expect(e.message).toBe('gmt coast -M, line 3: expected "lon lat", got "24.2"');
    const f = pipelineError(() => parseGmtMultisegment('> x\n24.1 abc\n'));
    expect([f.file, f.line]).toEqual(['gmt output', 2]);
  });
});

describe('joinSegments', () => {
  it('joins the bin pieces of a lake back into one closed ring', () => {
    // A square cut by the bin edge x = 1 into two pieces, plus a stub GMT leaves on the edge.
    const pieces: Position[][] = [
      [[1, 0], [2, 0], [2, 1], [1, 1]],
      [[1, 1], [1, 1]],
      [[1, 1], [0, 1], [0, 0], [1, 0]],
    ];
    expect(joinSegments(pieces)).toEqual([[[1, 0], [2, 0], [2, 1], [1, 1], [0, 1], [0, 0], [1, 0]]]);
  });

  it('keeps a lake that fits in one bin as it is', () => {
    const ring: Position[] = [[0, 0], [1, 0], [1, 1], [0, 0]];
    expect(joinSegments([ring])).toEqual([ring]);
  });

  it('chains river pieces end to start, in order, whatever order they come in', () => {
    const pieces: Position[][] = [
      [[2, 0], [3, 0]],
      [[0, 0], [1, 0], [2, 0]],
      [[3, 0], [4, 1]],
    ];
    expect(joinSegments(pieces)).toEqual([[[0, 0], [1, 0], [2, 0], [3, 0], [4, 1]]]);
  });

  it('does not join across a confluence (two lines ending where one begins)', () => {
    const pieces: Position[][] = [
      [[0, 0], [1, 0]],
      [[1, 1], [1, 0]],
      [[1, 0], [2, 0]],
    ];
    expect(joinSegments(pieces)).toHaveLength(3);
  });
});

// A synthetic world: Latvia as a box, one lake with an island, one small lake, a river through
// the four towns the Daugava passes and on to the sea, and a tributary.
const latvia: Polygon = { type: 'Polygon', coordinates: [[[21, 55.7], [28.2, 55.7], [28.2, 58], [21, 58], [21, 55.7]]] };
const box = (w: number, s: number, e: number, n: number): Position[] => [[w, s], [e, s], [e, n], [w, n], [w, s]];
const bigLake = box(26.8, 56.7, 26.9, 56.8); // ~68 km²
const island = box(26.84, 56.74, 26.86, 56.76).reverse();
const pond = box(25, 57, 25.01, 57.01); // ~0.7 km²
const outside = box(29, 56, 29.1, 56.1); // in Russia
const daugava: Position[] = [[29, 55.5], [27.5, 55.8], ...DAUGAVA_CHECKPOINTS.map((p) => [...p]), [24.05, 57.07]];
const inputs = (over: Partial<WaterInputs> = {}): WaterInputs => ({
  // The big lake arrives cut at x = 26.85 into two bin pieces, as GMT dumps it.
  lakes: [
    [[26.85, 56.7], [26.9, 56.7], [26.9, 56.8], [26.85, 56.8]],
    [[26.85, 56.8], [26.8, 56.8], [26.8, 56.7], [26.85, 56.7]],
    pond,
    outside,
  ],
  islands: [island],
  rivers: [daugava.slice(0, 4), daugava.slice(3), [[25, 57.5], [24.6, 56.82]]],
  latvia,
  names: [{ nameLv: 'Lubāns', nameEn: 'Lake Lubāns', point: [26.81, 56.71], line: 2 }],
  namesFile: 'water_names.csv',
  source: 'GSHHG test',
  ...over,
});

describe('buildWater', () => {
  it('keeps the large lake touching Latvia, with its island as a hole, named, then the Daugava', () => {
    const fc = buildWater(inputs());
    expect(fc.source).toBe('GSHHG test');
    expect(fc.features.map((f) => f.properties)).toEqual([
      { kind: 'lake', nameLv: 'Lubāns', nameEn: 'Lake Lubāns', areaKm2: expect.any(Number) },
      { kind: 'river', nameLv: 'Daugava', nameEn: 'Daugava' },
    ]);
    const lake = fc.features[0]!;
    expect(lake.geometry.type).toBe('Polygon');
    expect((lake.geometry as Polygon).coordinates).toHaveLength(2);
    expect(lake.properties.kind === 'lake' && lake.properties.areaKm2).toBeGreaterThan(60);
    expect(polygonProblem((lake.geometry as Polygon).coordinates)).toBeNull();
  });

  it('clips the river to the box and leaves the tributary out', () => {
    const river = buildWater(inputs()).features[1]!;
    expect(river.geometry.type).toBe('LineString');
    const coords = river.geometry.coordinates as Position[];
    expect(coords[0]![0]).toBe(28.5);
    expect(coords[coords.length - 1]).toEqual([24.05, 57.07]);
    expect(coords.some((p) => p[0] === 25 && p[1] === 57.5)).toBe(false);
  });

  it('refuses a name whose point lies in no kept lake, naming the CSV line', () => {
    const e = pipelineError(() => buildWater(inputs({ names: [{ nameLv: 'Dīķis', nameEn: 'Pond', point: [25.005, 57.005], line: 3 }] })));
    expect(e.message).toBe('water_names.csv, line 3: the point of Dīķis lies in 0 of the kept lakes (expected exactly 1)');
  });

  it('refuses two names for one lake', () => {
    const names = [
      { nameLv: 'A', nameEn: 'A', point: [26.81, 56.71], line: 2 },
      { nameLv: 'B', nameEn: 'B', point: [26.89, 56.79], line: 3 },
    ];
    expect(pipelineError(() => buildWater(inputs({ names }))).message).toBe('water_names.csv, line 3: B and A (line 2) name the same lake');
  });

  it('refuses when no river line passes all four towns', () => {
    expect(pipelineError(() => buildWater(inputs({ rivers: [daugava.slice(0, 4)] }))).reason).toMatch(/^0 WDBII lines/);
  });

  it('writes a file that readWater accepts unchanged, one feature per line', () => {
    const fc = buildWater(inputs());
    const text = serialiseWater(fc);
    expect(text.split('\n')).toHaveLength(5);
    expect(readWater(text, 'water.geojson')).toEqual(fc);
  });
});

describe('readWaterNames', () => {
  it('reads the points and refuses one outside the box', () => {
    const head = 'name_lv,name_en,lon,lat,source\n';
    expect(readWaterNames(`${head}Rāznas ezers,Lake Rāzna,27.465,56.325,hand-placed\n`, 'n.csv')).toEqual([
      { nameLv: 'Rāznas ezers', nameEn: 'Lake Rāzna', point: [27.465, 56.325], line: 2 },
    ]);
    expect(pipelineError(() => readWaterNames(`${head}Rāzna,Lake Rāzna,56.3,27.4,x\n`, 'n.csv')).message).toMatch(/^n\.csv, line 2: position \(56\.3, 27\.4\) lies outside/);
    expect(pipelineError(() => readWaterNames('name_lv,lon,lat\n', 'n.csv')).message).toBe('n.csv: missing column(s): name_en, source');
  });
});

describe('readWater', () => {
  const lake = (coordinates: unknown, props: Record<string, unknown> = {}) => ({
    type: 'Feature',
    properties: { kind: 'lake', areaKm2: 12.3, ...props },
    geometry: { type: 'Polygon', coordinates },
  });
  const river = (props: Record<string, unknown> = { nameLv: 'Daugava', nameEn: 'Daugava' }, geometry: unknown = { type: 'LineString', coordinates: [[25, 56.5], [24.1, 57]] }) => ({
    type: 'Feature',
    properties: { kind: 'river', ...props },
    geometry,
  });
  const file = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', source: 'GSHHG 2.3.7', features });
  const square = box(26, 56, 26.1, 56.1);
  const refused = (text: string) => pipelineError(() => readWater(text, 'geodata/inputs/water.geojson'));

  it('returns the typed features and the source', () => {
    const fc = readWater(file(lake([square], { nameLv: 'Rāznas ezers', nameEn: 'Lake Rāzna' }), lake([square]), river()), 'w.geojson');
    expect(fc.source).toBe('GSHHG 2.3.7');
    expect(fc.features.map((f) => f.properties)).toEqual([
      { kind: 'lake', nameLv: 'Rāznas ezers', nameEn: 'Lake Rāzna', areaKm2: 12.3 },
      { kind: 'lake', areaKm2: 12.3 },
      { kind: 'river', nameLv: 'Daugava', nameEn: 'Daugava' },
    ]);
    expect(readWater(file(river(undefined, { type: 'MultiLineString', coordinates: [[[25, 56.5], [24.1, 57]]] })), 'w').features[0]!.geometry.type).toBe('MultiLineString');
  });

  it('refuses a file that is not a FeatureCollection with a source', () => {
    expect(refused('{').message).toMatch(/^geodata\/inputs\/water\.geojson: not JSON: /);
    expect(refused('{"type":"Feature"}').message).toBe('geodata/inputs/water.geojson: not a GeoJSON FeatureCollection');
    expect(refused('{"type":"FeatureCollection","features":[]}').message).toBe('geodata/inputs/water.geojson: no "source" string (data set, version, licence)');
  });

  it('names the feature with a bad kind, property or name pair', () => {
    const e = refused(file(lake([square]), river({ kind: 'canal', nameLv: 'X', nameEn: 'X' })));
    expect(e.message).toBe('geodata/inputs/water.geojson: feature 2: unknown kind "canal" (expected lake, river)');
    expect([e.file, e.line]).toEqual(['geodata/inputs/water.geojson', null]);
    expect(refused(file(lake([square], { nameLv: 'Rāzna' }))).reason).toBe('feature 1: nameLv and nameEn go together, as non-empty strings');
    expect(refused(file(river({ nameLv: 'Daugava' }))).reason).toBe('feature 1: a river needs nameLv and nameEn');
    expect(refused(file(lake([square], { depth: 3 }))).reason).toBe('feature 1: unknown property depth');
    expect(refused(file(lake([square], { areaKm2: 0 }))).reason).toBe('feature 1: areaKm2 must be a positive number');
  });

  it('refuses the wrong geometry type for the kind', () => {
    expect(refused(file(river(undefined, { type: 'Polygon', coordinates: [square] }))).reason).toBe('feature 1: a river must be a LineString or a non-empty MultiLineString');
    expect(refused(file({ type: 'Feature', properties: { kind: 'lake', areaKm2: 1 }, geometry: { type: 'LineString', coordinates: square } })).reason).toBe('feature 1: a lake must be a Polygon');
  });

  it('refuses positions out of range or malformed (e.g. lat, lon swapped)', () => {
    expect(refused(file(river(undefined, { type: 'LineString', coordinates: [[56.5, 25], [24.1, 57]] }))).reason).toBe('feature 1: position [56.5, 25] lies outside 20.5–28.5° E, 55.5–58.2° N');
    expect(refused(file(river(undefined, { type: 'LineString', coordinates: [[25, 56.5, 3], [24.1, 57]] }))).reason).toBe('feature 1: position [25,56.5,3] is not [lon, lat]');
    expect(refused(file(river(undefined, { type: 'LineString', coordinates: [[25, 56.5]] }))).reason).toBe('feature 1: the line has fewer than 2 positions');
  });

  it('refuses invalid polygons', () => {
    const bowTie = [[26, 56], [26.1, 56.1], [26.1, 56], [26, 56.1], [26, 56]];
    expect(refused(file(lake([bowTie]))).reason).toBe('feature 1: invalid polygon: the outer ring crosses itself (edges 1 and 3)');
    expect(refused(file(lake([square.slice(0, -1)]))).reason).toBe('feature 1: invalid polygon: the outer ring is not closed');
    expect(refused(file(lake([[[26, 56], [26.1, 56], [26, 56]]]))).reason).toBe('feature 1: invalid polygon: the outer ring has fewer than 4 positions');
    expect(refused(file(lake([square, box(27, 57, 27.01, 57.01)]))).reason).toBe('feature 1: invalid polygon: hole 1 lies outside the outer ring');
    expect(refused(file(lake([square, box(26.05, 56.05, 26.2, 56.06)]))).reason).toBe('feature 1: invalid polygon: the outer ring and hole 1 meet');
    expect(refused(file(lake([[[26, 56], [26.1, 56], [26.1, 56], [26, 56.1], [26, 56]]]))).reason).toBe('feature 1: the outer ring repeats position 3');
  });
});

describe('the committed geodata/inputs/water.geojson', () => {
  it('passes readWater: named large lakes, then the Daugava into the Gulf of Riga', async () => {
    const { readFileSync } = await import('node:fs');
    const fc = readWater(readFileSync(new URL('../../geodata/inputs/water.geojson', import.meta.url), 'utf8'), 'water.geojson');
    const names = fc.features.flatMap((f) => (f.properties.kind === 'lake' && f.properties.nameLv ? [f.properties.nameLv] : []));
    expect(names.slice(0, 2)).toEqual(['Lubāns', 'Rāznas ezers']);
    expect(fc.features.filter((f) => f.properties.kind === 'river').map((f) => f.properties.nameLv)).toEqual(['Daugava']);
    expect(fc.source).toMatch(/^GSHHG \d+\.\d+\.\d+ .*LGPL-3\.0-or-later/);
  });
});
