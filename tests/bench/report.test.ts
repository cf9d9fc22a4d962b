import { describe, expect, it } from 'vitest';
import type { LoadSample, Transfer } from './measure.ts';
import { allFigures, budgetInput, extrasFigures, pageFigures, parishFigures, presentingFigures, renderMarkdown, screenFigures, type RawResults } from './report.ts';
import type { PresentingSample, Timed } from './scenarios.ts';

const load = (page: LoadSample['page'], drawn: Partial<LoadSample> = {}): LoadSample => ({
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
const raw = (loads: LoadSample[], more: Partial<RawResults> = {}): RawResults => ({
  meta: { date: '', quick: true, node: '', chromium: '', cpus: 2, commit: '', dirty: false, runs: {} },
  sizes: [{ label: '42', polygons: 42, vertices: 0, municipalitiesGzip: 0 }],
  loads,
  panels: [],
  extras: [],
  ...more,
});
const timed = (frame: number, idle: number, frames = 10): Timed => ({ sync: 2, frame, idle, frames });
const file = (path: string, gzip: number): Transfer => ({ path, kind: 'data', transfer: gzip * 2, raw: gzip * 3, gzip });

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

describe('big screens', () => {
  it('keeps each window’s loads apart from the 1280×800 ones', () => {
    const r = raw([load('app', { idle: 1000 }), load('app', { idle: 3000, screen: '1920x1080' }), load('app', { idle: 9000, screen: '3840x2160' }), load('content', { idle: 7500, screen: '3840x2160' })]);
    expect(pageFigures(r, '42', 'app').idle!.median).toBe(1000);
    const screens = screenFigures(r);
    expect(Object.keys(screens).sort()).toEqual(['1920x1080', '3840x2160']);
    expect(screens['3840x2160']!.app.idle!.median).toBe(9000);
    expect(screens['3840x2160']!.content.idle!.median).toBe(7500);
    expect(screens['3840x2160']!.floor.idle!.n).toBe(0);
  });
});

describe('the budgets’ input', () => {
  const pages = ['app', 'content', 'floor', 'leaflet'] as const;
  const loads = pages.flatMap((p, i) => [load(p, { idle: 1000 + i * 100, heapBytes: (i + 1) * 1e6 }), load(p, { idle: 2000 + i * 100, heapBytes: (i + 1) * 1e6, screen: '1920x1080' })]);
  it('reads first idle and heap against both floors, and big screens by window', () => {
    const r = raw(loads);
    const input = budgetInput(r, allFigures(r), extrasFigures(r));
    expect(input.firstIdle).toEqual({ app: 1000, content: 1100, floor: 1200 });
    expect(input.heap['42']).toEqual({ app: 1e6, content: 2e6, floor: 3e6 });
    expect(input.heap['592']).toBeNull();
    expect(input.bigScreens['1920x1080']).toEqual({ app: 2000, content: 2100, floor: 2200 });
    expect(input.bigScreens['3840x2160']).toBeNull();
    expect(input.territorialInFirstView).toEqual([]);
  });
  it('names territorial units the app fetched in its first view', () => {
    const r = raw([...loads, load('app', { transfers: [file('/data/territorial-units.topo.json', 90_000), file('/data/cities.geojson', 1000)] })]);
    expect(budgetInput(r, allFigures(r), extrasFigures(r)).territorialInFirstView).toEqual(['/data/territorial-units.topo.json']);
  });
});

describe('presenting and parishes', () => {
  const app: PresentingSample = {
    page: 'app',
    themeOn: [timed(300, 500)],
    themeOff: [timed(200, 400)],
    exports: [
      { size: '1920x1080', ms: 2000, bytes: 1e6, order: 0 },
      { size: '3840x2160', ms: 6000, bytes: 3e6, order: 1 },
    ],
    steps: [
      { from: 0, to: 1, scene: 'b', timing: timed(1800, 2000, 18) },
      { from: 1, to: 2, scene: 'c', timing: timed(1700, 1900, 17) },
      { from: 1, to: 2, scene: 'c', timing: null },
    ],
    errors: [],
  };
  it('summarises the steps overall and one by one, and the exports by size', () => {
    const f = presentingFigures(raw([], { presenting: [app] }), 'app');
    expect(f.steps.frame).toMatchObject({ n: 2, median: 1750 });
    expect(f.stepFps.median).toBeCloseTo(10, 5);
    expect(f.byStep.map((s) => [s.from, s.scene, s.frame.median])).toEqual([
      [0, 'b', 1800],
      [1, 'c', 1700],
    ]);
    expect(f.exports['3840x2160']!.all.median).toBe(6000);
    expect(f.exports['1920x1080']!.first.median).toBe(2000);
    expect(presentingFigures(raw([]), 'content').runs).toBe(0);
  });
  it('counts a file fetched for a parish view once in gzip', () => {
    const r = raw([], {
      parishes: [
        { page: 'app', what: 'zoom', timing: timed(900, 1200), transfers: [file('/data/territorial-units.topo.json', 90_000), file('/data/territorial-units.topo.json', 90_000), file('/assets/t.js', 1000)], errors: [] },
        { page: 'content', what: 'zoom', timing: timed(300, 350), transfers: [], errors: [] },
      ],
    });
    const f = parishFigures(r, 'app', 'zoom');
    expect(f.gzip.median).toBe(91_000);
    expect(f.files).toEqual(['/data/territorial-units.topo.json', '/assets/t.js']);
    expect(parishFigures(r, 'content', 'zoom').idle.median).toBe(350);
  });
  it('renders a report from results without the issue 22 parts (older results)', () => {
    const r = raw(['app', 'content', 'floor', 'leaflet'].map((p) => load(p as LoadSample['page'])));
    const { markdown, budgets } = renderMarkdown(r);
    expect(markdown).toContain('## Budgets (issues 8 and 22)');
    expect(markdown).toContain('Not run');
    expect(budgets.find((b) => b.id === 'first-idle-3840x2160')!.status).toBe('N/A');
  });
});
