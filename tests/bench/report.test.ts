import { describe, expect, it } from 'vitest';
import type { LoadSample } from './measure.ts';
import { pageFigures, type RawResults } from './report.ts';

const load = (page: LoadSample['page'], drawn: Partial<Pick<LoadSample, 'framesToIdle' | 'programsAtIdle'>>): LoadSample => ({
  page,
  size: '42',
  mapCreated: 300,
  choropleth: 900,
  paint: 900,
  idle: 1000,
  placeholder: null,
  heapBytes: 1e6,
  transfers: [],
  longTasks: { load: [], quiet: [], interaction: [] },
  switches: [],
  hovers: [],
  errors: [],
  ...drawn,
});
const raw = (loads: LoadSample[]): RawResults => ({
  meta: { date: '', quick: true, node: '', chromium: '', cpus: 2, commit: '', dirty: false, runs: {} },
  sizes: [{ label: '42', polygons: 42, vertices: 0, municipalitiesGzip: 0 }],
  loads,
  panels: [],
  extras: [],
});

describe('what a load drew', () => {
  it('summarises the frames until the first idle and the shader programs compiled by then', () => {
    const r = raw([load('app', { framesToIdle: 5, programsAtIdle: 9 }), load('app', { framesToIdle: 7, programsAtIdle: 9 }), load('app', { framesToIdle: 6, programsAtIdle: 9 })]);
    const f = pageFigures(r, '42', 'app');
    expect(f.framesToIdle).toMatchObject({ n: 3, median: 6, min: 5, max: 7 });
    expect(f.programsAtIdle).toMatchObject({ n: 3, median: 9 });
  });

  it('has none for a page without MapLibre, or in results written before the figures existed', () => {
    const f = pageFigures(raw([load('leaflet', { framesToIdle: null, programsAtIdle: null }), load('leaflet', {})]), '42', 'leaflet');
    expect(f.framesToIdle!.n).toBe(0);
    expect(f.programsAtIdle!.n).toBe(0);
  });
});
