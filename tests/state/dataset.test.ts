import { readFileSync } from 'node:fs';
import type { FeatureCollection, Position } from 'geojson';
import { describe, expect, it, vi } from 'vitest';
import { DATASET_FILES, DataLoadError, loadDataset, namesTerritorialUnits } from '../../src/domain/dataset.ts';
import { packIndicatorFile } from '../../src/domain/indicatorFile.ts';

import { topology } from 'topojson-server';
import { requestTerritorialUnits } from '../../src/state/territorialUnitsLoad.ts';
import { createAppStore } from '../../src/state/store.ts';

const UNITS_GEOJSON = JSON.parse(readFileSync(new URL('../domain/hinterland/fixtures/territorial-units.geojson', import.meta.url), 'utf8')) as FeatureCollection;
const UNITS = topology({ units: UNITS_GEOJSON });
const MINIMAL = { features: [{ type: 'Feature' }] };
/** An indicators file without indicators, in the shipped form. */
const NO_INDICATORS = packIndicatorFile({ indicators: [], sources: [], observations: [] });
const TERRITORY_TEXT = readFileSync(new URL('../../public/data/territory.topo.json', import.meta.url), 'utf8');
const shipped = (file: string) => JSON.parse(readFileSync(new URL(`../../public/data/${file}`, import.meta.url), 'utf8')) as FeatureCollection;

/** A server of the data files: every required file minimal, the territory as given, the territorial units as given (absent: 404). */
function server(files: Record<string, unknown>, territory: string = TERRITORY_TEXT) {
  const requested: string[] = [];
  const fetcher = vi.fn(async (url: string) => {
    const file = String(url).split('/').pop()!;
    requested.push(file);
    if (file === 'territory.topo.json') return new Response(territory, { status: 200 });
    if (file === 'territorial-units.topo.json') {
      return file in files ? new Response(JSON.stringify(files[file]), { status: 200 }) : new Response('', { status: 404 });
    }
    return new Response(JSON.stringify(file === 'indicators.json' ? NO_INDICATORS : MINIMAL), { status: 200 });
  });
  return { fetcher: fetcher as unknown as typeof fetch, requested };
}

describe('loading the territorial units', () => {
  it('does not fetch them for the first view, but knows from the territory topology that they exist', async () => {
    expect(namesTerritorialUnits(JSON.parse(TERRITORY_TEXT))).toBe(true);
    const { fetcher, requested } = server({ 'territorial-units.topo.json': UNITS });
    const dataset = await loadDataset('http://x/', fetcher);
    expect(dataset.territorialUnitsAvailable).toBe(true);
    expect(dataset.territorialUnits).toBeUndefined();
    expect(requested).not.toContain('territorial-units.topo.json');
    expect(dataset.cityOutlines.features.map((f) => f.properties?.id)).toHaveLength(10);
  });

  it('loads them once on first need, into a new dataset object', async () => {
    const { fetcher, requested } = server({ 'territorial-units.topo.json': UNITS });
    const store = createAppStore('lv');
    const dataset = await loadDataset('http://x/', fetcher);
    store.setState({ dataset });
    requestTerritorialUnits(store, 'http://x/', fetcher);
    requestTerritorialUnits(store, 'http://x/', fetcher);
    await vi.waitFor(() => expect(store.getState().dataset?.territorialUnits?.features).toHaveLength(5));
    expect(store.getState().dataset).not.toBe(dataset);
    expect(requested.filter((f) => f === 'territorial-units.topo.json')).toHaveLength(1);
  });

  it('takes the file the territory names, and nothing when it names none', () => {
    expect(namesTerritorialUnits({ type: 'Topology', territorialUnits: 'territorial-units.topo.json' })).toBe(true);
    expect(namesTerritorialUnits({ type: 'Topology' })).toBe(false);
    expect(namesTerritorialUnits(null)).toBe(false);
  });

  it('goes on by municipality when the territory names no units, or the units are missing or unusable', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const withoutUnits = JSON.stringify({ ...JSON.parse(TERRITORY_TEXT), territorialUnits: undefined });
    const cases: [Record<string, unknown>, string][] = [
      [{}, withoutUnits],
      [{}, TERRITORY_TEXT],
      [{ 'territorial-units.topo.json': topology({ units: { type: 'FeatureCollection', features: [] } as FeatureCollection }) }, TERRITORY_TEXT],
    ];
    const stores = [];
    for (const [files, territory] of cases) {
      const { fetcher } = server(files, territory);
      const store = createAppStore('lv');
      const dataset = await loadDataset('http://x/', fetcher);
      expect(dataset.municipalities.features).toHaveLength(42);
      store.setState({ dataset });
      requestTerritorialUnits(store, 'http://x/', fetcher);
      stores.push({ store, dataset });
    }
    // The two that ask for the units say why they go on without them; none gets a new dataset.
    await vi.waitFor(() => expect(warn.mock.calls.filter(([m]) => String(m).startsWith('territorial-units.topo.json'))).toHaveLength(2));
    for (const { store, dataset } of stores) expect(store.getState().dataset).toBe(dataset);
    warn.mockRestore();
  });
});

describe('loading the territory topology', () => {
  const points = (fc: FeatureCollection): Position[] => fc.features.flatMap((f) => JSON.stringify(f.geometry).match(/-?[\d.]+,-?[\d.]+/g)!.map((p) => p.split(',').map(Number)));

  it('gives back the municipalities, Latvia and the neighbours of the GeoJSON files, to within the 16 m grid', async () => {
    const dataset = await loadDataset('http://x/', server({}).fetcher);
    for (const [layer, file] of [['municipalities', 'municipalities.geojson'], ['latvia', 'latvia.geojson'], ['neighbours', 'neighbours.geojson']] as const) {
      const expected = shipped(file);
      const got = dataset[layer];
      expect(got.features.map((f) => f.properties)).toEqual(expected.features.map((f) => f.properties));
      // Each decoded vertex is on the grid next to a vertex of the file; a vertex that fell into
      // its neighbour's grid cell is dropped, so the counts may differ by a few (one in 36 in a
      // small neighbour's outline).
      got.features.forEach((f, i) => {
        const [a, b] = [points({ ...got, features: [f] }), points({ ...got, features: [expected.features[i]!] })];
        expect(a.length).toBeGreaterThanOrEqual(Math.min(b.length * 0.99, b.length - 2));
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

describe('index.html', () => {
  it('preloads exactly the files loadDataset fetches, so they download while the scripts load', async () => {
    const html = readFileSync(new URL('../../index.html', import.meta.url), 'utf8');
    const preloaded = [...html.matchAll(/<link rel="preload" href="\.\/data\/([^"]+)" as="fetch" crossorigin[^>]*>/g)].map((m) => m[1]);
    const fetched: string[] = [];
    const fetcher = (async (url: string) => {
      fetched.push(String(url).replace(/^.*\/data\//, ''));
      return new Response('{}', { status: 404 });
    }) as typeof fetch;
    await loadDataset('http://x.test/', fetcher).catch(() => undefined);
    expect(preloaded.sort()).toEqual([...DATASET_FILES].sort());
    expect(fetched.sort()).toEqual([...DATASET_FILES].sort());
  });
});
