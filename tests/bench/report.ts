import { checkBudgets, type BudgetInput, type BudgetResult } from './budgets.ts';
import { formatBytes, formatCount, formatMs, formatRatio, formatSpread } from './format.ts';
import type { AppExtras } from './appExtras.ts';
import { KINDS, PAGE_IDS, type Kind, type LoadSample, type PageId, type PanelSample } from './measure.ts';
import { crossover, ratio, summarize, type Summary } from './stats.ts';

/** Everything one `npm run bench` measured, as written to latest.json (raw samples included). */
export interface RawResults {
  meta: { date: string; quick: boolean; node: string; chromium: string; cpus: number; commit: string; dirty: boolean; runs: Record<string, number>; seconds?: number };
  sizes: { label: string; polygons: number; vertices: number; municipalitiesGzip: number }[];
  loads: LoadSample[];
  panels: (PanelSample & { size: string })[];
  extras: AppExtras[];
}

/** The summarised figures of one page at one size. */
export type PageFigures = Record<string, Summary>;

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const maxOf = (xs: number[]) => (xs.length ? Math.max(...xs) : 0);
const firstPaint = (l: LoadSample) => (l.placeholder !== null && l.paint !== null ? Math.min(l.placeholder, l.paint) : (l.placeholder ?? l.paint));

/** Summaries of every figure of one page at one size. */
export function pageFigures(raw: RawResults, size: string, page: PageId): PageFigures {
  const loads = raw.loads.filter((l) => l.size === size && l.page === page);
  const panels = raw.panels.filter((p) => p.size === size && p.page === page);
  // A file fetched twice (the page's CSS and MapLibre both ask for a font) is one file to gzip;
  // the second fetch comes from the cache, and what it really cost is in `transfer`.
  const unique = (l: LoadSample) => [...new Map(l.transfers.map((t) => [t.path, t])).values()];
  const kindBytes = (l: LoadSample, kind: Kind, field: 'gzip' | 'transfer') =>
    sum((field === 'gzip' ? unique(l) : l.transfers).filter((t) => t.kind === kind).map((t) => t[field]));
  const afterLoad = (l: LoadSample) => [...l.longTasks.quiet, ...l.longTasks.interaction].map((t) => t.duration);
  const figures: PageFigures = {
    mapCreated: summarize(loads.map((l) => l.mapCreated)),
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

const BASE = '42';
const BIG = '~5000';

/** The budgets' input from the figures: medians, p50 of switches, p95 of the gravity recompute. */
export function budgetInput(figures: AllFigures, extras: ReturnType<typeof extrasFigures>): BudgetInput {
  const f = figures[BASE]!;
  const big = figures[BIG];
  return {
    paint: { app: f.app.paint!.median, floor: f.floor.paint!.median, leaflet: f.leaflet.paint!.median },
    firstIdle: { app: f.app.idle!.median, floor: f.floor.idle!.median },
    firstViewGzip: { app: f.app.gzip!.median, floor: f.floor.gzip!.median },
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
  const out = ['| Figure | App | Floor (MapLibre) | Leaflet | App ÷ floor | App ÷ Leaflet | Floor ÷ Leaflet |', '|---|---|---|---|---|---|---|'];
  for (const row of rows) {
    if (PAGE_IDS.every((p) => (fig[p][row.key]?.n ?? 0) === 0)) continue;
    const [a, f, l] = PAGE_IDS.map((p) => pick(fig[p][row.key], row)) as [number, number, number];
    const cells = PAGE_IDS.map((p) => cell(fig[p][row.key], row));
    out.push(`| ${row.label}${row.show === 'p95' ? ' (p50 / p95)' : ''} | ${cells.join(' | ')} | ${formatRatio(ratio(a, f))} | ${formatRatio(ratio(a, l))} | ${formatRatio(ratio(f, l))} |`);
  }
  return out;
}

function bytesTable(fig: Record<PageId, PageFigures>): string[] {
  const out = ['| Kind | App gzip | App as sent | Floor gzip | Leaflet gzip | App ÷ floor | App ÷ Leaflet |', '|---|---|---|---|---|---|---|'];
  for (const kind of KINDS) {
    const g = PAGE_IDS.map((p) => fig[p][`gzip.${kind}`]?.median ?? Number.NaN) as [number, number, number];
    const sent = fig.app[`transfer.${kind}`]?.median ?? Number.NaN;
    if (g.every((x) => !x) && !sent) continue;
    out.push(`| ${kind} | ${formatBytes(g[0])} | ${formatBytes(sent)} | ${formatBytes(g[1])} | ${formatBytes(g[2])} | ${formatRatio(ratio(g[0], g[1]))} | ${formatRatio(ratio(g[0], g[2]))} |`);
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

function crossoverText(raw: RawResults, figures: AllFigures, key: string, page: 'app' | 'floor' = 'app'): string {
  const points = raw.sizes.map((s) => ({ count: s.polygons, ratio: ratio(figures[s.label]![page][key]!.median, figures[s.label]!.leaflet[key]!.median) }));
  const c = crossover(points);
  const who = page === 'app' ? 'the app' : 'the floor';
  const curve = points.map((p) => `${p.count}: ${formatRatio(p.ratio)}`).join(', ');
  const where =
    c.kind === 'at'
      ? `${who} gets ahead of Leaflet at about **${c.count} polygons**`
      : c.kind === 'below'
        ? `${who} is ahead of Leaflet at every size measured`
        : c.kind === 'above'
          ? `${who} stays behind Leaflet at every size measured${extrapolation(c.extrapolated, Math.max(...points.map((p) => p.count)))}`
          : 'not measured';
  return `${where} — ${page} ÷ Leaflet by polygons: ${curve}`;
}

/** The Markdown report: budgets, one table per size, bytes by kind, growth, app-only figures. */
export function renderMarkdown(raw: RawResults): { markdown: string; budgets: BudgetResult[] } {
  const figures = allFigures(raw);
  const extras = extrasFigures(raw);
  const budgets = checkBudgets(budgetInput(figures, extras));
  const m = raw.meta;
  const lines: string[] = [
    '# Benchmark: the app against a minimal MapLibre page (floor) and a Leaflet choropleth',
    '',
    `Run ${m.date}${m.quick ? ' (**quick**: too few runs to rely on)' : ''} · commit ${m.commit}${m.dirty ? ' + uncommitted changes' : ''} · Node ${m.node} · ${m.chromium} · ${m.cpus} CPUs, WebGL by SwiftShader (software) · runs per page: ${Object.entries(m.runs).map(([k, v]) => `${k} ${v}`).join(', ')}${m.seconds ? ` · ${Math.round(m.seconds)} s` : ''}.`,
    '',
    'Absolute times on this machine mean little (every MapLibre frame is drawn by the CPU); read the ratios. Figures are medians with the interquartile range in brackets, or p50 / p95 over all switches and hovers of all runs; bytes are gzip level 6 of the files fetched until the first idle (service worker blocked). How each figure is taken: README, section Benchmark.',
    '',
    '## Budgets (issue 8)',
    '',
    '| Budget | Status | Measured |',
    '|---|---|---|',
    ...budgets.map((b) => `| ${b.budget} | **${b.status}** | ${b.measured} |`),
    '',
  ];
  for (const s of raw.sizes) {
    const title = s.label === BASE ? '42 municipalities (the real data)' : `${s.label} polygons (synthetic: ${s.polygons} pieces, ${s.vertices} vertices, ${formatBytes(s.municipalitiesGzip)} gzip)`;
    const rows = s.label === BASE ? ROWS : ROWS.filter((r) => !['gzip', 'transfer', 'requests'].includes(r.key));
    lines.push(`## ${title}`, '', ...sizeTable(figures[s.label]!, rows), '');
    if (s.label === BASE) lines.push('### First view by kind', '', ...bytesTable(figures[s.label]!), '');
  }
  if (raw.sizes.length > 1) {
    lines.push('## Growth with the number of polygons', '', '| Figure | ' + raw.sizes.map((s) => `${s.polygons}: app ÷ floor / app ÷ Leaflet`).join(' | ') + ' |', '|---|' + raw.sizes.map(() => '---|').join(''));
    for (const key of ['choropleth', 'paint', 'idle', 'switchFrame', 'switchIdle', 'hover', 'heap']) {
      const row = ROWS.find((r) => r.key === key)!;
      const cells = raw.sizes.map((s) => {
        const f = figures[s.label]!;
        return `${formatRatio(ratio(f.app[key]!.median, f.floor[key]!.median))} / ${formatRatio(ratio(f.app[key]!.median, f.leaflet[key]!.median))}`;
      });
      lines.push(`| ${row.label} | ${cells.join(' | ')} |`);
    }
    lines.push(
      '',
      'Crossover with Leaflet (where MapLibre\'s cost per polygon, lower than SVG\'s, pays for its fixed cost per frame):',
      '',
      `- Indicator switch, first frame: ${crossoverText(raw, figures, 'switchFrame')}.`,
      `- … the same for the floor page: ${crossoverText(raw, figures, 'switchFrame', 'floor')}.`,
      `- Hover: ${crossoverText(raw, figures, 'hover')}.`,
      `- First paint: ${crossoverText(raw, figures, 'paint')}.`,
      `- … the same for the floor page: ${crossoverText(raw, figures, 'paint', 'floor')}.`,
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
  const errors = [...raw.loads.flatMap((l) => l.errors.map((e) => `${l.page}@${l.size}: ${e}`)), ...raw.extras.flatMap((e) => e.errors.map((x) => `app extras: ${x}`))];
  if (errors.length) lines.push('## Console errors seen during the runs', '', ...[...new Set(errors)].slice(0, 20).map((e) => `- ${e.slice(0, 200)}`), '');
  return { markdown: lines.join('\n'), budgets };
}
