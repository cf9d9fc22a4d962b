import { BIG_SCREENS, checkBudgets, HEAP_SIZES, type AgainstFloors, type BudgetInput, type BudgetResult } from './budgets.ts';
import { formatBytes, formatCount, formatMs, formatRatio, formatSpread } from './format.ts';
import type { AppExtras } from './appExtras.ts';
import { KINDS, PAGE_IDS, type Kind, type LoadSample, type PageId, type PanelSample, type Transfer } from './measure.ts';
import type { ParishSample, PresentingSample, Timed } from './scenarios.ts';
import { HEAP_VARIANTS, type HeapVariant } from './variants.ts';
import { crossover, ratio, summarize, type Summary } from './stats.ts';

/** Everything one `npm run bench` measured, as written to latest.json (raw samples included). */
export interface RawResults {
  meta: { date: string; quick: boolean; node: string; chromium: string; cpus: number; commit: string; dirty: boolean; runs: Record<string, number>; seconds?: number };
  sizes: { label: string; polygons: number; vertices: number; municipalitiesGzip: number; observations?: number; withNotes?: number }[];
  loads: LoadSample[];
  panels: (PanelSample & { size: string })[];
  extras: AppExtras[];
  /** Presenting at 42 units (absent in results written before issue 22). */
  presenting?: PresentingSample[];
  parishes?: ParishSample[];
}

const BASE = '42';
const BIG = '~5000';

/** The summarised figures of one page at one size. */
export type PageFigures = Record<string, Summary>;

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const maxOf = (xs: number[]) => (xs.length ? Math.max(...xs) : 0);
const firstPaint = (l: LoadSample) => (l.placeholder !== null && l.paint !== null ? Math.min(l.placeholder, l.paint) : (l.placeholder ?? l.paint));

/** Summaries of every figure of one page at one size, in the usual 1280×800 window or another `screen` ("1920x1080"). */
export function pageFigures(raw: RawResults, size: string, page: PageId, screen: string | null = null): PageFigures {
  const loads = raw.loads.filter((l) => l.size === size && l.page === page && (l.screen ?? null) === screen && !l.variant);
  const panels = raw.panels.filter((p) => p.size === size && p.page === page);
  // A file fetched twice (the page's CSS and MapLibre both ask for a font) is one file to gzip;
  // the second fetch comes from the cache, and what it really cost is in `transfer`.
  const unique = (l: LoadSample) => [...new Map(l.transfers.map((t) => [t.path, t])).values()];
  const kindBytes = (l: LoadSample, kind: Kind, field: 'gzip' | 'transfer') =>
    sum((field === 'gzip' ? unique(l) : l.transfers).filter((t) => t.kind === kind).map((t) => t[field]));
  const afterLoad = (l: LoadSample) => [...l.longTasks.quiet, ...l.longTasks.interaction].map((t) => t.duration);
  const figures: PageFigures = {
    mapCreated: summarize(loads.map((l) => l.mapCreated)),
    scriptsIn: summarize(loads.map((l) => l.scriptsIn)),
    dataIn: summarize(loads.map((l) => l.dataIn)),
    choropleth: summarize(loads.map((l) => l.choropleth)),
    paint: summarize(loads.map(firstPaint)),
    idle: summarize(loads.map((l) => l.idle)),
    framesToIdle: summarize(loads.map((l) => l.framesToIdle)),
    programsAtIdle: summarize(loads.map((l) => l.programsAtIdle)),
    panel: summarize(panels.map((p) => p.panel)),
    clickToPanel: summarize(panels.map((p) => p.fromClick)),
    heap: summarize(loads.map((l) => l.heapBytes)),
    transfer: summarize(loads.map((l) => sum(l.transfers.map((t) => t.transfer)))),
    gzip: summarize(loads.map((l) => sum(unique(l).map((t) => t.gzip)))),
    requests: summarize(loads.map((l) => l.transfers.length)),
    longLoadMax: summarize(loads.map((l) => maxOf(l.longTasks.load.map((t) => t.duration)))),
    longLoadCount: summarize(loads.map((l) => l.longTasks.load.length)),
    longQuietMax: summarize(loads.map((l) => maxOf(l.longTasks.quiet.map((t) => t.duration)))),
    longAfterMax: summarize(loads.map((l) => maxOf(afterLoad(l)))),
    longAfterOver200: summarize(loads.map((l) => afterLoad(l).filter((d) => d > 200).length)),
    switchSync: summarize(loads.flatMap((l) => l.switches.map((s) => s.sync))),
    switchFrame: summarize(loads.flatMap((l) => l.switches.map((s) => s.frame))),
    switchIdle: summarize(loads.flatMap((l) => l.switches.map((s) => s.idle))),
    hover: summarize(loads.flatMap((l) => l.hovers)),
  };
  for (const kind of KINDS) {
    figures[`gzip.${kind}`] = summarize(loads.map((l) => kindBytes(l, kind, 'gzip')));
    figures[`transfer.${kind}`] = summarize(loads.map((l) => kindBytes(l, kind, 'transfer')));
  }
  return figures;
}

export type AllFigures = Record<string, Record<PageId, PageFigures>>;

export function allFigures(raw: RawResults): AllFigures {
  return Object.fromEntries(raw.sizes.map((s) => [s.label, Object.fromEntries(PAGE_IDS.map((p) => [p, pageFigures(raw, s.label, p)])) as Record<PageId, PageFigures>]));
}

/** The big-screen loads (real data) by screen, for the screens that were run. */
export function screenFigures(raw: RawResults): Record<string, Record<PageId, PageFigures>> {
  const screens = [...new Set(raw.loads.map((l) => l.screen).filter((x): x is string => !!x))];
  return Object.fromEntries(screens.map((screen) => [screen, Object.fromEntries(PAGE_IDS.map((p) => [p, pageFigures(raw, BASE, p, screen)])) as Record<PageId, PageFigures>]));
}

const timedSummary = (xs: (Timed | null | undefined)[]) => ({
  frame: summarize(xs.map((x) => x?.frame)),
  idle: summarize(xs.map((x) => x?.idle)),
  frames: summarize(xs.map((x) => x?.frames)),
  sync: summarize(xs.map((x) => x?.sync)),
});
export type TimedSummary = ReturnType<typeof timedSummary>;

/** Presenting figures of one page: theme switches, exports by size, scene steps (all, and each). */
export function presentingFigures(raw: RawResults, page: PageId) {
  const runs = (raw.presenting ?? []).filter((p) => p.page === page);
  const steps = runs.flatMap((r) => r.steps);
  const stepKeys = [...new Set(steps.map((s) => s.from))].sort((a, b) => a - b);
  const exportSizes = [...new Set(runs.flatMap((r) => r.exports.map((e) => e.size)))];
  return {
    runs: runs.length,
    themeOn: timedSummary(runs.flatMap((r) => r.themeOn)),
    themeOff: timedSummary(runs.flatMap((r) => r.themeOff)),
    exports: Object.fromEntries(
      exportSizes.map((size) => {
        const es = runs.flatMap((r) => r.exports.filter((e) => e.size === size));
        // The first export of a session also fetches the app's export code.
        return [size, { first: summarize(es.filter((e) => e.order === 0).map((e) => e.ms)), all: summarize(es.map((e) => e.ms)), bytes: summarize(es.map((e) => e.bytes)) }];
      }),
    ) as Record<string, { first: Summary; all: Summary; bytes: Summary }>,
    steps: timedSummary(steps.map((s) => s.timing)),
    /** Frames per second of a step, from its start to its first complete frame. */
    stepFps: summarize(steps.map((s) => (s.timing && s.timing.frame > 0 ? (s.timing.frames / s.timing.frame) * 1000 : null))),
    byStep: stepKeys.map((from) => {
      const these = steps.filter((s) => s.from === from);
      return { from, to: from + 1, scene: these.find((s) => s.scene)?.scene ?? null, ...timedSummary(these.map((s) => s.timing)) };
    }),
  };
}

/** The parish figures: each first-time view by page, and what it fetched. */
export function parishFigures(raw: RawResults, page: PageId, what: ParishSample['what']) {
  const runs = (raw.parishes ?? []).filter((p) => p.page === page && p.what === what);
  const unique = (ts: Transfer[]) => [...new Map(ts.map((t) => [t.path, t])).values()];
  return {
    runs: runs.length,
    ...timedSummary(runs.map((r) => r.timing)),
    before: timedSummary(runs.map((r) => r.before)),
    gzip: summarize(runs.map((r) => sum(unique(r.transfers).map((t) => t.gzip)))),
    transfer: summarize(runs.map((r) => sum(r.transfers.map((t) => t.transfer)))),
    files: [...new Set(runs.flatMap((r) => r.transfers.map((t) => t.path)))],
  };
}

/** App-only figures: gravity recompute and redraw, scene changes. */
export function extrasFigures(raw: RawResults) {
  const g = raw.extras.map((e) => e.gravity);
  const s = raw.extras.map((e) => e.scenes);
  return {
    gravityAvailable: g.some((x) => x.available),
    scenesAvailable: s.some((x) => x.available),
    huff: summarize(g.flatMap((x) => x.huffMs)),
    gravityScene: summarize(g.flatMap((x) => x.sceneMs)),
    gravityCold: summarize(g.map((x) => x.coldSceneMs)),
    gravityContext: summarize(g.map((x) => x.contextMs)),
    gravityFirstShowFrame: summarize(g.map((x) => x.firstShow?.frame)),
    gravityFirstShowIdle: summarize(g.map((x) => x.firstShow?.idle)),
    gravitySync: summarize(g.flatMap((x) => x.redraws.map((r) => r.sync))),
    gravityFrame: summarize(g.flatMap((x) => x.redraws.map((r) => r.frame))),
    gravityIdle: summarize(g.flatMap((x) => x.redraws.map((r) => r.idle))),
    sceneJumpSync: summarize(s.flatMap((x) => x.jumps.map((r) => r.sync))),
    sceneJumpFrame: summarize(s.flatMap((x) => x.jumps.map((r) => r.frame))),
    sceneJumpIdle: summarize(s.flatMap((x) => x.jumps.map((r) => r.idle))),
    sceneFlightIdle: summarize(s.flatMap((x) => x.flights.map((r) => r.idle))),
    sceneFlightFps: summarize(s.flatMap((x) => x.flights.map((r) => r.fps))),
  };
}


/** The budgets' input from the figures: medians, p50 of switches, p95 of the gravity recompute. */
export function budgetInput(raw: RawResults, figures: AllFigures, extras: ReturnType<typeof extrasFigures>, screens: ReturnType<typeof screenFigures> = screenFigures(raw)): BudgetInput {
  const f = figures[BASE]!;
  const big = figures[BIG];
  const floors = (fig: Record<PageId, PageFigures> | undefined, key: string): AgainstFloors | null =>
    fig ? { app: fig.app[key]!.median, content: fig.content[key]!.median, floor: fig.floor[key]!.median } : null;
  const territorial = raw.loads.filter((l) => l.page === 'app' && l.size === BASE).flatMap((l) => l.transfers.map((t) => t.path).filter((p) => /\/data\/territorial-units/.test(p)));
  return {
    paint: { app: f.app.paint!.median, floor: f.floor.paint!.median, leaflet: f.leaflet.paint!.median },
    firstIdle: floors(f, 'idle')!,
    bigScreens: Object.fromEntries(BIG_SCREENS.map((s) => [s, floors(screens[s], 'idle')])),
    firstViewGzip: { app: f.app.gzip!.median, floor: f.floor.gzip!.median },
    territorialInFirstView: [...new Set(territorial)],
    heap: Object.fromEntries(HEAP_SIZES.map((s) => [s, floors(figures[s], 'heap')])),
    switchFrame: { app: f.app.switchFrame!.median, floor: f.floor.switchFrame!.median },
    switchIdle: { app: f.app.switchIdle!.median, floor: f.floor.switchIdle!.median },
    // The whole store update (recompute and the map calls) is what blocks the page; p95 of it.
    gravityRecompute: extras.gravityAvailable ? extras.gravitySync.p95 : null,
    longestTaskAfterLoad: { app: f.app.longAfterMax!.max, floor: f.floor.longAfterMax!.max },
    at5000: big
      ? {
          switchFrame: { app: big.app.switchFrame!.median, leaflet: big.leaflet.switchFrame!.median },
          hover: { app: big.app.hover!.median, leaflet: big.leaflet.hover!.median },
        }
      : null,
  };
}

interface Row {
  label: string;
  key: string;
  unit: (x: number) => string;
  /** Show the spread (IQR) or p95 beside the median. */
  show: 'spread' | 'p95' | 'median' | 'max';
}

const MB = (b: number) => (Number.isFinite(b) ? `${(b / 1e6).toFixed(1)} MB` : '—');
const ROWS: Row[] = [
  { label: 'Map made (app: once all its data are in; Leaflet: layer added)', key: 'mapCreated', unit: formatMs, show: 'spread' },
  { label: 'First frame with the choropleth (labels may be missing)', key: 'choropleth', unit: formatMs, show: 'spread' },
  { label: 'First meaningful map paint (complete: choropleth and labels)', key: 'paint', unit: formatMs, show: 'spread' },
  { label: 'First map idle', key: 'idle', unit: formatMs, show: 'spread' },
  { label: '… MapLibre frames drawn until then', key: 'framesToIdle', unit: formatCount, show: 'spread' },
  { label: '… shader programs MapLibre compiled by then (each costs its first draw)', key: 'programsAtIdle', unit: formatCount, show: 'median' },
  { label: 'First interactive panel (click Rīga at first paint)', key: 'panel', unit: formatMs, show: 'spread' },
  { label: '… of which click → panel painted', key: 'clickToPanel', unit: formatMs, show: 'spread' },
  { label: 'Indicator switch: handler (sync)', key: 'switchSync', unit: formatMs, show: 'p95' },
  { label: 'Indicator switch: first frame, new colours', key: 'switchFrame', unit: formatMs, show: 'p95' },
  { label: 'Indicator switch: idle', key: 'switchIdle', unit: formatMs, show: 'p95' },
  { label: 'Hover → highlighted frame', key: 'hover', unit: formatMs, show: 'p95' },
  { label: 'JS heap after load (main thread, after GC)', key: 'heap', unit: MB, show: 'spread' },
  { label: 'First view, gzip', key: 'gzip', unit: formatBytes, show: 'median' },
  { label: 'First view, as sent by vite preview', key: 'transfer', unit: formatBytes, show: 'median' },
  { label: 'First view, requests', key: 'requests', unit: formatCount, show: 'median' },
  { label: 'Long tasks until first idle (count)', key: 'longLoadCount', unit: formatCount, show: 'spread' },
  { label: 'Longest task until first idle', key: 'longLoadMax', unit: formatMs, show: 'spread' },
  { label: 'Longest task, quiet page after load', key: 'longQuietMax', unit: formatMs, show: 'max' },
  { label: 'Longest task after load (quiet + interactions)', key: 'longAfterMax', unit: formatMs, show: 'max' },
];

function cell(s: Summary | undefined, row: Row): string {
  if (!s || s.n === 0) return '—';
  if (row.show === 'spread') return formatSpread(s, row.unit);
  if (row.show === 'p95') return `${row.unit(s.median)} / ${row.unit(s.p95)}`;
  if (row.show === 'max') return row.unit(s.max);
  return row.unit(s.median);
}
const pick = (s: Summary | undefined, row: Row) => (!s ? Number.NaN : row.show === 'max' ? s.max : s.median);

function sizeTable(fig: Record<PageId, PageFigures>, rows: Row[]): string[] {
  const out = [
    '| Figure | App | Same-content floor | One-fill floor | Leaflet | App ÷ same-content | App ÷ one-fill | App ÷ Leaflet | One-fill ÷ Leaflet |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const row of rows) {
    if (PAGE_IDS.every((p) => (fig[p][row.key]?.n ?? 0) === 0)) continue;
    const [a, c, f, l] = PAGE_IDS.map((p) => pick(fig[p][row.key], row)) as [number, number, number, number];
    const cells = PAGE_IDS.map((p) => cell(fig[p][row.key], row));
    out.push(`| ${row.label}${row.show === 'p95' ? ' (p50 / p95)' : ''} | ${cells.join(' | ')} | ${formatRatio(ratio(a, c))} | ${formatRatio(ratio(a, f))} | ${formatRatio(ratio(a, l))} | ${formatRatio(ratio(f, l))} |`);
  }
  return out;
}

function bytesTable(fig: Record<PageId, PageFigures>): string[] {
  const out = ['| Kind | App gzip | App as sent | Same-content floor gzip | One-fill floor gzip | Leaflet gzip | App ÷ one-fill | App ÷ Leaflet |', '|---|---|---|---|---|---|---|---|'];
  for (const kind of KINDS) {
    const g = PAGE_IDS.map((p) => fig[p][`gzip.${kind}`]?.median ?? Number.NaN) as [number, number, number, number];
    const sent = fig.app[`transfer.${kind}`]?.median ?? Number.NaN;
    if (g.every((x) => !x) && !sent) continue;
    out.push(`| ${kind} | ${formatBytes(g[0])} | ${formatBytes(sent)} | ${formatBytes(g[1])} | ${formatBytes(g[2])} | ${formatBytes(g[3])} | ${formatRatio(ratio(g[0], g[2]))} | ${formatRatio(ratio(g[0], g[3]))} |`);
  }
  return out;
}

/** What the line through the last two sizes says, when it says something believable. */
function extrapolation(count: number | null, largest: number): string {
  if (count === null) return ' and the gap does not close';
  if (count > 100 * largest) return ' and the gap closes too slowly to cross at any size a map would have';
  const rounded = Number(count.toPrecision(2));
  return ` (the last two sizes, extended, would cross at ~${rounded.toLocaleString('en-GB')} polygons)`;
}

function crossoverText(raw: RawResults, figures: AllFigures, key: string, page: 'app' | 'content' | 'floor' = 'app'): string {
  const points = raw.sizes.map((s) => ({ count: s.polygons, ratio: ratio(figures[s.label]![page][key]!.median, figures[s.label]!.leaflet[key]!.median) }));
  const c = crossover(points);
  const who = page === 'app' ? 'the app' : page === 'content' ? 'the same-content floor' : 'the one-fill floor';
  const curve = points.map((p) => `${p.count}: ${formatRatio(p.ratio)}`).join(', ');
  const where =
    c.kind === 'at'
      ? `${who} gets ahead of Leaflet at about **${c.count} polygons**`
      : c.kind === 'below'
        ? `${who} is ahead of Leaflet at every size measured`
        : c.kind === 'above'
          ? `${who} stays behind Leaflet at every size measured${extrapolation(c.extrapolated, Math.max(...points.map((p) => p.count)))}`
          : 'not measured';
  return `${where} — ${page === 'app' ? 'app' : page === 'content' ? 'same-content floor' : 'one-fill floor'} ÷ Leaflet by polygons: ${curve}`;
}

const times = (screen: string) => screen.replace('x', '×');
const minus = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) ? `${a - b >= 0 ? '+' : '−'}${formatMs(Math.abs(a - b))}` : '—');
const p50p95 = (s: Summary, unit: (x: number) => string = formatMs) => (s.n === 0 ? '—' : s.n === 1 ? unit(s.median) : `${unit(s.median)} / ${unit(s.p95)}`);

/** What the app adds to the same map on a bare MapLibre page, at 42 units and 1280×800. */
function overheadSection(raw: RawResults, fig: Record<PageId, PageFigures>): string[] {
  const a = fig.app;
  const c = fig.content;
  const rows: [string, string, (x: number) => string][] = [
    ['Scripts in (the last one asked for before the map is made)', 'scriptsIn', formatMs],
    ['Data files in (the last one asked for before the map is made)', 'dataIn', formatMs],
    ['Map made (app: once all its data are in)', 'mapCreated', formatMs],
    ['First frame with the choropleth', 'choropleth', formatMs],
    ['First map idle', 'idle', formatMs],
    ['… MapLibre frames drawn until then', 'framesToIdle', formatCount],
    ['… shader programs compiled by then', 'programsAtIdle', formatCount],
    ['Longest task until first idle', 'longLoadMax', formatMs],
    ['JS heap after load', 'heap', MB],
    ['First view, gzip', 'gzip', formatBytes],
    ['First view, requests', 'requests', formatCount],
  ];
  const out = ['| Figure | App | Same-content floor | App − floor | App ÷ floor |', '|---|---|---|---|---|'];
  for (const [label, key, unit] of rows) {
    const [x, y] = [a[key]?.median ?? Number.NaN, c[key]?.median ?? Number.NaN];
    const diff = unit === formatMs ? minus(x, y) : unit === MB ? `${x - y >= 0 ? '+' : '−'}${MB(Math.abs(x - y))}` : unit === formatBytes ? `${x - y >= 0 ? '+' : '−'}${formatBytes(Math.abs(x - y))}` : formatCount(x - y);
    out.push(`| ${label} | ${unit(x)} | ${unit(y)} | ${Number.isFinite(x - y) ? diff : '—'} | ${formatRatio(ratio(x, y))} |`);
  }
  const at = (f: PageFigures, key: string) => f[key]?.median ?? Number.NaN;
  const made = (f: PageFigures) => at(f, 'mapCreated');
  const toIdle = (f: PageFigures) => at(f, 'idle') - made(f);
  const inToMade = (f: PageFigures) => made(f) - Math.max(at(f, 'dataIn'), at(f, 'scriptsIn'));
  if (Number.isFinite(made(a) - made(c)) && Number.isFinite(toIdle(a) - toIdle(c))) {
    out.push(
      '',
      `Before the map: the app makes its map ${minus(made(a), made(c))} after the floor. Its scripts and data files are in ${minus(Math.max(at(a, 'dataIn'), at(a, 'scriptsIn')), Math.max(at(c, 'dataIn'), at(c, 'scriptsIn')))} later than the floor's, and from then to the map made it takes ${formatMs(inToMade(a))} (floor ${formatMs(inToMade(c))}): the app parses its code, builds its store and interface and makes its map only once all six data files are in; the floor fetches four geometry files and its precomputed colours. From the map made to its first idle: app ${formatMs(toIdle(a))}, floor ${formatMs(toIdle(c))} (${minus(toIdle(a), toIdle(c))}: what the app's map does beyond drawing the same map, and the work of its interface meanwhile).`,
    );
  }
  const ab = raw.loads.filter((l) => l.page === 'app' && l.size === BASE && !l.screen && l.variant === 'first-view-only');
  if (ab.length) {
    const idle = summarize(ab.map((l) => l.idle));
    out.push(
      '',
      `A/B in the same run, the app with only the first view's observations in its indicators file (${ab.length} load${ab.length > 1 ? 's' : ''}): map made ${formatMs(summarize(ab.map((l) => l.mapCreated)).median)}, data files in ${formatMs(summarize(ab.map((l) => l.dataIn)).median)}, first idle ${formatSpread(idle, formatMs)} (${formatRatio(ratio(idle.median, at(c, 'idle')))} the same-content floor).`,
    );
  }
  return out;
}

function screensSection(screens: ReturnType<typeof screenFigures>, runs: Record<string, number>): string[] {
  const out = [
    '| Window | App | Same-content floor | One-fill floor | App ÷ same-content | App ÷ one-fill | Frames until idle (app / same-content / one-fill) | Loads per page |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const screen of Object.keys(screens).sort((x, y) => parseInt(x) - parseInt(y))) {
    const f = screens[screen]!;
    const idle = (p: PageId) => f[p].idle!;
    const frames = (p: PageId) => formatCount(f[p].framesToIdle!.median);
    out.push(
      `| ${times(screen)} | ${formatSpread(idle('app'), formatMs)} | ${formatSpread(idle('content'), formatMs)} | ${formatSpread(idle('floor'), formatMs)} | ${formatRatio(ratio(idle('app').median, idle('content').median))} | ${formatRatio(ratio(idle('app').median, idle('floor').median))} | ${frames('app')} / ${frames('content')} / ${frames('floor')} | ${runs[screen] ?? '—'} |`,
    );
  }
  return out;
}

function memorySection(raw: RawResults, figures: AllFigures): string[] {
  const variants = Object.keys(HEAP_VARIANTS) as HeapVariant[];
  const heapOf = (size: string, variant: HeapVariant) => summarize(raw.loads.filter((l) => l.page === 'app' && l.size === size && l.variant === variant).map((l) => l.heapBytes)).median;
  const measured = variants.filter((v) => raw.sizes.some((s) => Number.isFinite(heapOf(s.label, v))));
  const out = [
    `| Polygons | Observations (with a note) | App | Same-content floor | One-fill floor | Leaflet | App ÷ same-content | App ÷ one-fill |${measured.map((v) => ` App, A/B: ${v} |`).join('')}`,
    `|---|---|---|---|---|---|---|---|${measured.map(() => '---|').join('')}`,
  ];
  for (const s of raw.sizes) {
    const f = figures[s.label]!;
    const h = (p: PageId) => f[p].heap!.median;
    const obs = s.observations === undefined ? '—' : `${s.observations.toLocaleString('en-GB')} (${(s.withNotes ?? 0).toLocaleString('en-GB')})`;
    out.push(
      `| ${s.label === BASE ? '42 (real)' : `${s.polygons} (${s.label})`} | ${obs} | ${MB(h('app'))} | ${MB(h('content'))} | ${MB(h('floor'))} | ${MB(h('leaflet'))} | ${formatRatio(ratio(h('app'), h('content')))} | ${formatRatio(ratio(h('app'), h('floor')))} |${measured.map((v) => ` ${MB(heapOf(s.label, v))} (${formatRatio(ratio(heapOf(s.label, v), h('content')))}) |`).join('')}`,
    );
  }
  const largest = raw.sizes.at(-1);
  if (largest && measured.length === variants.length) {
    const f = figures[largest.label]!;
    const [app, floor] = [f.app.heap!.median, f.content.heap!.median];
    const [noNotes, firstOnly] = [heapOf(largest.label, 'without-notes'), heapOf(largest.label, 'first-view-only')];
    out.push(
      '',
      `What holds the memory at ${largest.polygons} polygons: the app holds ${MB(app)} against the same-content floor's ${MB(floor)}. Without the notes of its ${(largest.withNotes ?? Number.NaN).toLocaleString('en-GB')} noted observations it holds ${MB(noNotes)}, and with only the first view's observations ${MB(firstOnly)}: the notes hold ${MB(app - noNotes)}${app - noNotes < 0.05 * app ? ' (the file stores each note once, and the observations share it as it is read: src/domain/indicatorFile.ts)' : ' (one string per observation as the file is read: store each note once, as the sources are)'}, the other observations (${(largest.observations ?? Number.NaN).toLocaleString('en-GB')} objects in all) ${MB(noNotes - firstOnly)}, and what is left is ${formatRatio(ratio(firstOnly, floor))} the floor's. What the observations hold is the data, not the map: loading each indicator's observations on first use would leave only the first view's.`,
    );
  }
  if (measured.length) {
    out.push('', 'A/B, in the same run: the app loaded once more with its indicators file changed (served in its place; the app unchanged), its heap and its ratio to the same-content floor:', '', ...measured.map((v) => `- **${v}**: ${HEAP_VARIANTS[v]}.`));
  }
  return out;
}

function presentingSection(raw: RawResults): string[] {
  const a = presentingFigures(raw, 'app');
  const c = presentingFigures(raw, 'content');
  if (a.runs === 0) return ['Not run (`--parts` without presenting).'];
  const row = (label: string, x: Summary, y: Summary) => `| ${label} | ${p50p95(x)} | ${p50p95(y)} | ${formatRatio(ratio(x.median, y.median))} |`;
  const out = [
    `Sessions: ${a.runs} of each page; the app presents in the projector theme and the floor flies in it too. p50 / p95 over all steps of all sessions.`,
    '',
    '| Figure (p50 / p95) | App | Same-content floor | App ÷ floor |',
    '|---|---|---|---|',
    row('Scene step (→ key; floor: `flyTo` the same camera, 1.6 s): first complete frame', a.steps.frame, c.steps.frame),
    row('… idle', a.steps.idle, c.steps.idle),
    `| … frames per second until the complete frame | ${a.stepFps.median.toFixed(1)} | ${c.stepFps.median.toFixed(1)} | ${formatRatio(ratio(a.stepFps.median, c.stepFps.median))} |`,
    row('… the key handler (sync)', a.steps.sync, c.steps.sync),
    row('Projector theme on (T while exploring): first complete frame', a.themeOn.frame, c.themeOn.frame),
    row('… idle', a.themeOn.idle, c.themeOn.idle),
    row('Projector theme off: first complete frame', a.themeOff.frame, c.themeOff.frame),
    row('… idle', a.themeOff.idle, c.themeOff.idle),
  ];
  for (const size of Object.keys(a.exports)) {
    const [x, y] = [a.exports[size]!, c.exports[size]];
    const first = size === Object.keys(a.exports)[0];
    out.push(
      `| PNG export ${times(size)}${first ? ' (first export: also fetches the export code)' : ''}: click → PNG made (floor: the map part only) | ${formatSpread(x.all, formatMs)} | ${y ? formatSpread(y.all, formatMs) : '—'} | ${formatRatio(ratio(x.all.median, y?.all.median ?? Number.NaN))} |`,
    );
  }
  out.push('', '| Step (to scene) | App: frame | App: idle | Floor: frame | Floor: idle | App ÷ floor (frame) |', '|---|---|---|---|---|---|');
  for (const s of a.byStep) {
    const f = c.byStep.find((x) => x.from === s.from);
    out.push(`| ${s.from + 1} → ${s.to + 1}${s.scene ? ` (${s.scene})` : ''} | ${formatMs(s.frame.median)} | ${formatMs(s.idle.median)} | ${formatMs(f?.frame.median ?? Number.NaN)} | ${formatMs(f?.idle.median ?? Number.NaN)} | ${formatRatio(ratio(s.frame.median, f?.frame.median ?? Number.NaN))} |`);
  }
  out.push(
    '',
    'The floor flies the camera alone; the app also recolours the map for the next scene, and a scene that shows hinterlands or the cooperation links adds their layers (loaded on that first step), which the floor does not draw. The export on the floor is the map part of the app\'s export (`exportFrame`, pixel ratio, canvas copy, PNG encoding) without the legend and text the app draws in.',
  );
  return out;
}

function parishesSection(raw: RawResults): string[] {
  const zoomApp = parishFigures(raw, 'app', 'zoom');
  const zoomFloor = parishFigures(raw, 'content', 'zoom');
  const hint = parishFigures(raw, 'app', 'hinterland');
  if (zoomApp.runs + hint.runs === 0) return ['Not run (`--parts` without parishes).'];
  const files = (xs: string[]) => (xs.length ? xs.map((f) => `\`${f.replace(/^.*\//, '')}\``).join(', ') : 'nothing');
  return [
    `Runs: ${zoomApp.runs} of each, each on a fresh page (the parishes load once per page). Times from the change; bytes: what the page fetched for it, gzip.`,
    '',
    '| Figure | First complete frame | Idle | Fetched (gzip) | Files |',
    '|---|---|---|---|---|',
    `| First zoom that shows parish borders (jump to Rīga, zoom 8): app, with the parishes drawn | ${formatSpread(zoomApp.frame, formatMs)} | ${formatSpread(zoomApp.idle, formatMs)} | ${formatBytes(zoomApp.gzip.median)} | ${files(zoomApp.files)} |`,
    `| … the same jump on the same-content floor (no parishes: the zoom alone) | ${formatSpread(zoomFloor.frame, formatMs)} | ${formatSpread(zoomFloor.idle, formatMs)} | ${formatBytes(zoomFloor.gzip.median)} | ${files(zoomFloor.files)} |`,
    `| Hinterlands (administrative) first shown, by municipalities: app | ${formatSpread(hint.before.frame, formatMs)} | ${formatSpread(hint.before.idle, formatMs)} | — | — |`,
    `| … switched to parish level (parishes and towns): app | ${formatSpread(hint.frame, formatMs)} | ${formatSpread(hint.idle, formatMs)} | ${formatBytes(hint.gzip.median)} | ${files(hint.files)} |`,
  ];
}

/** The Markdown report: budgets, the app's own overhead, one table per size, big screens, memory, presenting, parishes, growth, app-only figures. */
export function renderMarkdown(raw: RawResults): { markdown: string; budgets: BudgetResult[] } {
  const figures = allFigures(raw);
  const screens = screenFigures(raw);
  const extras = extrasFigures(raw);
  const budgets = checkBudgets(budgetInput(raw, figures, extras, screens));
  const m = raw.meta;
  const lines: string[] = [
    '# Benchmark: the app against the same map on a bare MapLibre page, a one-fill MapLibre page and a Leaflet choropleth',
    '',
    `Run ${m.date}${m.quick ? ' (**quick**: too few runs to rely on)' : ''} · commit ${m.commit}${m.dirty ? ' + uncommitted changes' : ''} · Node ${m.node} · ${m.chromium} · ${m.cpus} CPUs, WebGL by SwiftShader (software) · runs per page: ${Object.entries(m.runs).map(([k, v]) => `${times(k)} ${v}`).join(', ')}${m.seconds ? ` · ${Math.round(m.seconds)} s` : ''}.`,
    '',
    'Absolute times on this machine mean little (every MapLibre frame is drawn by the CPU); read the ratios. The **same-content floor** is the app\'s first-view map (its own style, fonts, hatch, colours and camera, from its own files) on a bare MapLibre page: what MapLibre itself costs for this map, so app ÷ same-content is the app\'s own overhead. The **one-fill floor** (one fill, one line) is context. Figures are medians with the interquartile range in brackets, or p50 / p95 over all switches, hovers and steps of all runs; bytes are gzip level 6 of the files fetched until the first idle (service worker blocked). Window 1280×800 unless a section says otherwise. How each figure is taken: README, section Benchmark.',
    '',
    '## Budgets (issues 8 and 22)',
    '',
    '| Budget | Status | Measured |',
    '|---|---|---|',
    ...budgets.map((b) => `| ${b.budget} | **${b.status}** | ${b.measured} |`),
    '',
    '## The app\'s own overhead: app against the same-content floor (42 units)',
    '',
    ...overheadSection(raw, figures[BASE]!),
    '',
  ];
  for (const s of raw.sizes) {
    const title = s.label === BASE ? '42 municipalities (the real data)' : `${s.label} polygons (${s.label === '592' ? 'the real territorial units as pieces of their municipalities' : 'synthetic'}: ${s.polygons} pieces, ${s.vertices} vertices, ${formatBytes(s.municipalitiesGzip)} gzip)`;
    const rows = s.label === BASE ? ROWS : ROWS.filter((r) => !['gzip', 'transfer', 'requests'].includes(r.key));
    lines.push(`## ${title}`, '', ...sizeTable(figures[s.label]!, rows), '');
    if (s.label === BASE) lines.push('### First view by kind', '', ...bytesTable(figures[s.label]!), '');
  }
  if (Object.keys(screens).length) {
    lines.push('## Big screens: first map idle (42 units)', '', 'The app enlarges its interface ×1.5 from 2200 px wide and ×2 from 3200 px, and its map\'s labels, lines and symbols with it; the same-content floor uses the same style at the same scale. Each frame at 4K takes the CPU about eight times as long as at 1280×800, and its first idle moves by about ±10 % between loads of the same build.', '', ...screensSection(screens, m.runs), '');
  }
  lines.push('## Memory: JS heap after load (main thread, after a forced GC)', '', ...memorySection(raw, figures), '');
  lines.push('## Presenting (42 units)', '', ...presentingSection(raw), '');
  lines.push('## Parishes (42 units)', '', ...parishesSection(raw), '');
  if (raw.sizes.length > 1) {
    lines.push('## Growth with the number of polygons', '', '| Figure | ' + raw.sizes.map((s) => `${s.polygons}: app ÷ same-content / ÷ one-fill / ÷ Leaflet`).join(' | ') + ' |', '|---|' + raw.sizes.map(() => '---|').join(''));
    for (const key of ['choropleth', 'paint', 'idle', 'switchFrame', 'switchIdle', 'hover', 'heap']) {
      const row = ROWS.find((r) => r.key === key)!;
      const cells = raw.sizes.map((s) => {
        const f = figures[s.label]!;
        const a = f.app[key]!.median;
        return `${formatRatio(ratio(a, f.content[key]!.median))} / ${formatRatio(ratio(a, f.floor[key]!.median))} / ${formatRatio(ratio(a, f.leaflet[key]!.median))}`;
      });
      lines.push(`| ${row.label} | ${cells.join(' | ')} |`);
    }
    lines.push(
      '',
      'Crossover with Leaflet (where MapLibre\'s cost per polygon, lower than SVG\'s, pays for its fixed cost per frame):',
      '',
      `- Indicator switch, first frame: ${crossoverText(raw, figures, 'switchFrame')}.`,
      `- … the same for the one-fill floor: ${crossoverText(raw, figures, 'switchFrame', 'floor')}.`,
      `- Hover: ${crossoverText(raw, figures, 'hover')}.`,
      `- First paint: ${crossoverText(raw, figures, 'paint')}.`,
      `- … the same for the one-fill floor: ${crossoverText(raw, figures, 'paint', 'floor')}.`,
      `- First idle: ${crossoverText(raw, figures, 'idle')}.`,
      `- … the same for the same-content floor: ${crossoverText(raw, figures, 'idle', 'content')}.`,
      '',
    );
  }
  lines.push('## App only: hinterlands and scenes (42 units)', '');
  if (extras.gravityAvailable) {
    lines.push(
      '| Figure | p50 | p95 |',
      '|---|---|---|',
      `| Huff shares alone (42 × 10) | ${formatMs(extras.huff.median)} | ${formatMs(extras.huff.p95)} |`,
      `| Gravity recompute, pure (\`gravityScene\`: Huff, partition, outlines, labels) | ${formatMs(extras.gravityScene.median)} | ${formatMs(extras.gravityScene.p95)} |`,
      `| … first time, incl. the unit topology | ${formatMs(extras.gravityCold.median)} | — |`,
      `| Gravity parameter change in the app: store update (recompute + map calls) | ${formatMs(extras.gravitySync.median)} | ${formatMs(extras.gravitySync.p95)} |`,
      `| … first frame redrawn | ${formatMs(extras.gravityFrame.median)} | ${formatMs(extras.gravityFrame.p95)} |`,
      `| … idle | ${formatMs(extras.gravityIdle.median)} | ${formatMs(extras.gravityIdle.p95)} |`,
      `| Gravity hinterlands first shown: first frame / idle | ${formatMs(extras.gravityFirstShowFrame.median)} | ${formatMs(extras.gravityFirstShowIdle.median)} (idle) |`,
      '',
    );
  } else lines.push('Gravity hinterlands: n/a (not in the app yet).', '');
  if (extras.scenesAvailable) {
    lines.push(
      '| Scene transition | p50 | p95 |',
      '|---|---|---|',
      `| Jump (reduced motion): store update | ${formatMs(extras.sceneJumpSync.median)} | ${formatMs(extras.sceneJumpSync.p95)} |`,
      `| Jump: first frame of the new scene | ${formatMs(extras.sceneJumpFrame.median)} | ${formatMs(extras.sceneJumpFrame.p95)} |`,
      `| Jump: idle | ${formatMs(extras.sceneJumpIdle.median)} | ${formatMs(extras.sceneJumpIdle.p95)} |`,
      `| Flight (1.6 s by design): idle | ${formatMs(extras.sceneFlightIdle.median)} | ${formatMs(extras.sceneFlightIdle.p95)} |`,
      `| Flight: frames per second | ${extras.sceneFlightFps.median.toFixed(1)} | — |`,
      '',
    );
  } else lines.push('Scene transitions: n/a (no presentation deck in the app yet).', '');
  const errors = [
    ...raw.loads.flatMap((l) => l.errors.map((e) => `${l.page}@${l.size}${l.screen ? `@${l.screen}` : ''}: ${e}`)),
    ...raw.extras.flatMap((e) => e.errors.map((x) => `app extras: ${x}`)),
    ...(raw.presenting ?? []).flatMap((p) => p.errors.map((x) => `${p.page} presenting: ${x}`)),
    ...(raw.parishes ?? []).flatMap((p) => p.errors.map((x) => `${p.page} parishes (${p.what}): ${x}`)),
  ];
  if (errors.length) lines.push('## Console errors seen during the runs', '', ...[...new Set(errors)].slice(0, 20).map((e) => `- ${e.slice(0, 200)}`), '');
  return { markdown: lines.join('\n'), budgets };
}
