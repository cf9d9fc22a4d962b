/**
 * `npm run bench`: builds the app and the two reference pages, then measures all three in the same
 * headless Chromium, interleaved, at 42 / 592 (the real territorial units) / ~5 000 polygons, and writes
 * tests/bench/results/latest.json and latest.md. Options:
 *   --quick            a couple of runs of the real data only (for development)
 *   --runs N           loads per page at 42 units (default 5); synthetic sizes get N − 2, at least 2
 *   --switches N       indicator switches per load (default 8 at 42, 5 beyond)
 *   --sizes a,b        which sizes to run, from 42, 592, ~5000 (default all)
 *   --no-build         reuse the builds of the last run (in --tmp)
 *   --report-only      measure nothing: write latest.md again from latest.json
 *   --tmp DIR          where builds and synthetic data go (default /tmp)
 *   --out DIR          where the results go (default tests/bench/results)
 * On a shared machine run it under the heavy-jobs lock: `flock /tmp/heavy.lock npm run bench`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { FeatureCollection } from 'geojson';
import { chromium } from 'playwright-core';
import { territoryTopology } from '../../geodata/territory.ts';
import { CHROMIUM_ARGS } from '../e2e/harness.ts';
import { buildApp, buildReferences, defaultDirs, ROOT, serve } from './build.ts';
import { appExtrasRun } from './appExtras.ts';
import { loadRun, panelRun, type SizeCase, type Target } from './measure.ts';
import { renderMarkdown, type RawResults } from './report.ts';
import { SYNTHETIC_SIZES, syntheticSet } from './synthetic.ts';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    runs: { type: 'string' },
    switches: { type: 'string' },
    sizes: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    'report-only': { type: 'boolean', default: false },
    tmp: { type: 'string', default: '/tmp' },
    out: { type: 'string', default: join(ROOT, 'tests/bench/results') },
  },
});

const started = Date.now();
const log = (msg: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${msg}`);
const quick = args.quick!;
const runs = Number(args.runs ?? (quick ? 2 : 5));
const switches = Number(args.switches ?? (quick ? 4 : 8));
const sizeLabels = (args.sizes ?? (quick ? '42' : ['42', ...SYNTHETIC_SIZES.map((s) => s.label)].join(','))).split(',');
// The budgets and the report's first tables are read from the real data.
if (!sizeLabels.includes('42')) throw new Error('--sizes must include 42 (the budgets are measured on the real data)');
const dirs = defaultDirs(args.tmp);
// Numbers to 0.1 (ms, bytes): the JSON stays readable and its diffs small.
const rounded = (_: string, v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 10) / 10 : v);

if (args['report-only']) {
  const raw = JSON.parse(readFileSync(join(args.out!, 'latest.json'), 'utf8')) as RawResults;
  writeFileSync(join(args.out!, 'latest.md'), renderMarkdown(raw).markdown + '\n');
  log(`wrote ${join(args.out!, 'latest.md')} from latest.json`);
  process.exit(0);
}

if (!args['no-build']) {
  log(`building the app into ${dirs.app}`);
  await buildApp(dirs);
  log(`building the reference pages into ${dirs.pages}`);
  await buildReferences(dirs);
}

const dataDir = join(ROOT, 'public/data');
const gz = (text: string) => gzipSync(Buffer.from(text), { level: 6 }).length;
const sizes: { size: SizeCase; vertices: number; gzip: number }[] = [];
for (const label of sizeLabels) {
  if (label === '42') {
    const labels = JSON.parse(readFileSync(join(dataDir, 'municipality-labels.geojson'), 'utf8')) as {
      features: { geometry: { type: string; coordinates: [number, number] }; properties: { kind?: string } }[];
    };
    const munis = readFileSync(join(dataDir, 'municipalities.geojson'), 'utf8');
    const probes = labels.features.filter((f) => f.geometry.type === 'Point' && f.properties.kind === 'novads').map((f) => f.geometry.coordinates);
    const vertices = (munis.match(/\[-?\d/g) ?? []).length;
    sizes.push({ size: { label, polygons: 42, routes: new Map(), probes: probes.filter((_, i) => i % 4 === 0).slice(0, 10) }, vertices, gzip: gz(munis) });
    continue;
  }
  const spec = SYNTHETIC_SIZES.find((s) => s.label === label);
  if (!spec) throw new Error(`unknown size ${label}; use 42, ${SYNTHETIC_SIZES.map((s) => s.label).join(', ')}`);
  log(`synthetic data ${label}`);
  const set = syntheticSet(dataDir, spec, join(args.tmp!, 'bench-synthetic'));
  const municipalities = JSON.stringify(set.municipalities);
  const territory = territoryTopology({
    municipalities: set.municipalities,
    latvia: JSON.parse(readFileSync(join(dataDir, 'latvia.geojson'), 'utf8')) as FeatureCollection,
    neighbours: JSON.parse(readFileSync(join(dataDir, 'neighbours.geojson'), 'utf8')) as FeatureCollection,
    cities: { type: 'FeatureCollection', features: [] },
  });
  const routes = new Map([
    // The reference pages read the GeoJSON, the app the same geometry as its quantised topology.
    ['municipalities.geojson', municipalities],
    ['territory.topo.json', JSON.stringify(territory)],
    ['indicators.json', JSON.stringify(set.indicators)],
  ]);
  sizes.push({ size: { label, polygons: set.municipalities.features.length, routes, probes: set.probes }, vertices: set.vertices, gzip: gz(municipalities) });
}

const [appServer, pagesServer] = await Promise.all([serve(dirs.app), serve(dirs.pages)]);
const targets: Target[] = [
  { id: 'app', url: appServer.url, dir: dirs.app, panelSelector: 'aside.panel[data-place="riga"]' },
  { id: 'floor', url: `${pagesServer.url}floor.html`, dir: dirs.pages, panelSelector: '#panel[data-place]' },
  { id: 'leaflet', url: `${pagesServer.url}leaflet.html`, dir: dirs.pages, panelSelector: '#panel[data-place]' },
];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
const raw: RawResults = {
  meta: {
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    quick,
    node: process.version,
    chromium: `Chromium ${browser.version()}`,
    cpus: cpus().length,
    commit: git(['rev-parse', '--short', 'HEAD']),
    dirty: git(['--no-optional-locks', 'status', '--porcelain', '--untracked-files=no']).length > 0,
    runs: {},
  },
  sizes: sizes.map((s) => ({ label: s.size.label, polygons: s.size.polygons, vertices: s.vertices, municipalitiesGzip: s.gzip })),
  loads: [],
  panels: [],
  extras: [],
};

/** Page order rotates from run to run, so that no page always goes first on a fresh browser. */
const rotated = (r: number): Target[] => targets.map((_, i) => targets[(i + r) % targets.length]!);

try {
  for (const { size } of sizes) {
    const base = size.label === '42';
    const n = base ? runs : Math.max(2, runs - 2);
    raw.meta.runs[size.label] = n;
    for (let r = 0; r < n; r++) {
      for (const target of rotated(r)) {
        // The floor has no hover highlight (one fill, one line): nothing to time there.
        const hovers = target.id === 'floor' ? 0 : 16;
        const sample = await loadRun(browser, target, size, { switches: base ? switches : Math.max(3, Math.round(switches * 0.6)), hovers, quietMs: 1500 });
        raw.loads.push(sample);
        log(`${size.label} run ${r + 1}/${n} ${target.id}: paint ${Math.round(sample.paint ?? NaN)} ms, idle ${Math.round(sample.idle ?? NaN)} ms`);
      }
    }
    if (base) {
      const panelRuns = quick ? 1 : 3;
      for (let r = 0; r < panelRuns; r++) {
        for (const target of rotated(r)) {
          const p = await panelRun(browser, target, size);
          raw.panels.push({ ...p, size: size.label });
          log(`panel run ${r + 1}/${panelRuns} ${target.id}: ${Math.round(p.panel ?? NaN)} ms`);
        }
      }
      const extraRuns = quick ? 1 : 2;
      for (let r = 0; r < extraRuns; r++) {
        raw.extras.push(await appExtrasRun(browser, targets[0]!, join(dirs.kernels, 'kernels.js'), { redraws: quick ? 3 : 6, jumps: quick ? 2 : 4, flights: 1 }));
        log(`app extras ${r + 1}/${extraRuns}`);
      }
    }
  }
} finally {
  await browser.close();
  await Promise.all([appServer.close(), pagesServer.close()]);
}

raw.meta.seconds = (Date.now() - started) / 1000;
const { markdown, budgets } = renderMarkdown(raw);
mkdirSync(args.out!, { recursive: true });
writeFileSync(join(args.out!, 'latest.json'), JSON.stringify({ ...raw, budgets }, rounded, 1) + '\n');
writeFileSync(join(args.out!, 'latest.md'), markdown + '\n');
for (const b of budgets) log(`${b.status.padEnd(4)} ${b.budget}: ${b.measured}`);
log(`wrote ${join(args.out!, 'latest.md')}`);

function git(argv: string[]): string {
  try {
    return execFileSync('git', argv, { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

