import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { listsTerritorialUnits, loadDataset } from '../../src/state/dataset.ts';

const UNITS: unknown = JSON.parse(readFileSync(new URL('../domain/hinterland/fixtures/territorial-units.geojson', import.meta.url), 'utf8'));
const DEFAULT_PROVENANCE: unknown = JSON.parse(readFileSync(new URL('../../public/data/provenance.json', import.meta.url), 'utf8'));
const OFFICIAL_PROVENANCE = { boundaries: { source: 'CSP territorial units shapefile', file: 'Territorial_units_LV_1.2m_(2025.07.01.).zip' } };
const MINIMAL = { features: [{ type: 'Feature' }], observations: [] };

/** A server of the data files: every required file minimal, provenance and territorial units as given (absent: 404). */
function server(files: Record<string, unknown>) {
  const requested: string[] = [];
  const fetcher = vi.fn(async (url: string) => {
    const file = String(url).split('/').pop()!;
    requested.push(file);
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
      expect(dataset.municipalities.features).toHaveLength(1);
    }
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });
});
