import { readFileSync } from 'node:fs';
import type { FeatureCollection, Position } from 'geojson';
import { describe, expect, it, vi } from 'vitest';
import { DataLoadError, listsTerritorialUnits, loadDataset } from '../../src/state/dataset.ts';

const UNITS: unknown = JSON.parse(readFileSync(new URL('../domain/hinterland/fixtures/territorial-units.geojson', import.meta.url), 'utf8'));
const DEFAULT_PROVENANCE: unknown = JSON.parse(readFileSync(new URL('../../public/data/provenance.json', import.meta.url), 'utf8'));
const OFFICIAL_PROVENANCE = { boundaries: { source: 'CSP territorial units shapefile', file: 'Territorial_units_LV_1.2m_(2025.07.01.).zip' } };
const MINIMAL = { features: [{ type: 'Feature' }], observations: [] };
const TERRITORY_TEXT = readFileSync(new URL('../../public/data/territory.topo.json', import.meta.url), 'utf8');
const shipped = (file: string) => JSON.parse(readFileSync(new URL(`../../public/data/${file}`, import.meta.url), 'utf8')) as FeatureCollection;

/** A server of the data files: every required file minimal, provenance and territorial units as given (absent: 404). */
function server(files: Record<string, unknown>, territory: string = TERRITORY_TEXT) {
  const requested: string[] = [];
  const fetcher = vi.fn(async (url: string) => {
    const file = String(url).split('/').pop()!;
    requested.push(file);
    if (file === 'territory.topo.json') return new Response(territory, { status: 200 });
    if (file === 'provenance.json' || file === 'territorial-units.geojson') {
      return file in files ? new Response(JSON.stringify(files[file]), { status: 200 }) : new Response('', { status: 404 });
    }
    return new Response(JSON.stringify(MINIMAL), { status: 200 });
  });
  return { fetcher: fetcher as unknown as typeof fetch, requested };
}

describe('loading the territorial units', () => {
  it('loads them when the provenance says the official shapefile made the data', async () => {
    const { fetcher, requested } = server({ 'provenance.json': OFFICIAL_PROVENANCE, 'territorial-units.geojson': UNITS });
    const dataset = await loadDataset('http://x/', fetcher);
    expect(dataset.territorialUnits?.features).toHaveLength(5);
    expect(requested).toContain('territorial-units.geojson');
  });

  it('does not ask for them with the default boundaries, so there is no 404', async () => {
    expect(listsTerritorialUnits(DEFAULT_PROVENANCE)).toBe(false);
    const { fetcher, requested } = server({ 'provenance.json': DEFAULT_PROVENANCE });
    const dataset = await loadDataset('http://x/', fetcher);
    expect(dataset.territorialUnits).toBeUndefined();
    expect(requested).not.toContain('territorial-units.geojson');
  });

  it('follows a list of outputs when the provenance has one', () => {
    expect(listsTerritorialUnits({ ...OFFICIAL_PROVENANCE, outputs: ['municipalities.geojson'] })).toBe(false);
    expect(listsTerritorialUnits({ outputs: ['municipalities.geojson', 'territorial-units.geojson'] })).toBe(true);
  });

  it('goes on by municipality when the provenance or the units are missing or unusable', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (const files of [{}, { 'provenance.json': OFFICIAL_PROVENANCE }, { 'provenance.json': OFFICIAL_PROVENANCE, 'territorial-units.geojson': { type: 'FeatureCollection', features: [] } }]) {
      const dataset = await loadDataset('http://x/', server(files).fetcher);
      expect(dataset.territorialUnits).toBeUndefined();
      expect(dataset.municipalities.features).toHaveLength(42);
    }
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });
});

describe('loading the territory topology', () => {
  const points = (fc: FeatureCollection): Position[] => fc.features.flatMap((f) => JSON.stringify(f.geometry).match(/-?[\d.]+,-?[\d.]+/g)!.map((p) => p.split(',').map(Number)));

  it('gives back the municipalities, Latvia and the neighbours of the GeoJSON files, to within the 8 m grid', async () => {
    const dataset = await loadDataset('http://x/', server({}).fetcher);
    for (const [layer, file] of [['municipalities', 'municipalities.geojson'], ['latvia', 'latvia.geojson'], ['neighbours', 'neighbours.geojson']] as const) {
      const expected = shipped(file);
      const got = dataset[layer];
      expect(got.features.map((f) => f.properties)).toEqual(expected.features.map((f) => f.properties));
      // Each decoded vertex is on the grid next to a vertex of the file; a vertex that fell into
      // its neighbour's grid cell is dropped, so the counts may differ by a few.
      got.features.forEach((f, i) => {
        const [a, b] = [points({ ...got, features: [f] }), points({ ...got, features: [expected.features[i]!] })];
        expect(a.length).toBeGreaterThanOrEqual(b.length * 0.99);
        const worst = Math.max(...a.map((p) => Math.min(...b.map((q) => Math.max(Math.abs(p[0]! - q[0]!), Math.abs(p[1]! - q[1]!))))));
        expect(worst).toBeLessThan(1.5e-4);
      });
    }
  });

  it('names the file when it is not the expected topology', async () => {
    for (const text of ['{"type":"FeatureCollection","features":[]}', JSON.stringify({ ...JSON.parse(TERRITORY_TEXT), objects: {} })]) {
      const error = await loadDataset('http://x/', server({}, text).fetcher).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DataLoadError);
      expect((error as DataLoadError).file).toBe('territory.topo.json');
    }
  });
});
