import { formatBytes, formatMs, formatRatio } from './format.ts';
import { ratio } from './stats.ts';

/** One figure on the app and on both floors: `content` is the same-content floor, `floor` the one-fill floor. */
export interface AgainstFloors {
  app: number;
  content: number;
  floor: number;
}

/** The figures the issues' budgets are about: medians (p50 for switches) of one benchmark run. */
export interface BudgetInput {
  /** First meaningful map paint, ms after navigation. */
  paint: { app: number; floor: number; leaflet: number };
  /** First idle at 1280×800: the budget is against the same-content floor; the one-fill floor is context. */
  firstIdle: AgainstFloors;
  /** First idle at the big screens, by "WxH"; null when that screen was not run. */
  bigScreens: Record<string, AgainstFloors | null>;
  /** Bytes of the first view, gzip-compressed as a static server would send them. */
  firstViewGzip: { app: number; floor: number };
  /** Files of the app's first view that hold territorial units (parishes): none is the budget. */
  territorialInFirstView: string[];
  /** JS heap after load, by polygon count ("42", "592"); null when that size was not run. */
  heap: Record<string, AgainstFloors | null>;
  switchFrame: { app: number; floor: number };
  switchIdle: { app: number; floor: number };
  /** Gravity recompute for 42 units, p95 ms; null when the app has no gravity hinterlands. */
  gravityRecompute: number | null;
  /** The longest task after the first idle (quiet page and interactions), ms. */
  longestTaskAfterLoad: { app: number; floor: number };
  /** Interaction at ~5 000 polygons, p50 ms; null when that size was not run. */
  at5000: { switchFrame: { app: number; leaflet: number }; hover: { app: number; leaflet: number } } | null;
}

export type BudgetStatus = 'PASS' | 'MISS' | 'N/A';

export interface BudgetResult {
  id: string;
  budget: string;
  status: BudgetStatus;
  measured: string;
}

/** The limits written in the issue. */
export const LIMITS = {
  idleVsFloor: 1.2,
  heapVsFloor: 2,
  bytesVsFloor: 1.3,
  bytesMax: 600_000,
  switchFrameVsFloor: 2,
  switchIdleVsFloor: 1.2,
  gravityMs: 50,
  longTaskMs: 200,
} as const;

/** The big screens with a first-idle budget, and the polygon counts with a heap budget (issue 22). */
export const BIG_SCREENS = ['1920x1080', '3840x2160'] as const;
export const HEAP_SIZES = ['42', '592'] as const;
const times = (screen: string) => screen.replace('x', '×');
const MB = (b: number) => (Number.isFinite(b) ? `${(b / 1e6).toFixed(1)} MB` : '—');

const status = (ok: boolean | null): BudgetStatus => (ok === null ? 'N/A' : ok ? 'PASS' : 'MISS');
/** ok only when the figures exist: a missing measurement is never a pass. */
const known = (...xs: number[]) => xs.every(Number.isFinite);

/** Checks every budget of issues 8 and 22 against one run's figures. */
export function checkBudgets(f: BudgetInput): BudgetResult[] {
  const idleRatio = ratio(f.firstIdle.app, f.firstIdle.content);
  const bytesRatio = ratio(f.firstViewGzip.app, f.firstViewGzip.floor);
  const frameRatio = ratio(f.switchFrame.app, f.switchFrame.floor);
  const switchIdleRatio = ratio(f.switchIdle.app, f.switchIdle.floor);
  const results: BudgetResult[] = [
    {
      id: 'first-paint',
      budget: 'First meaningful map paint no later than the Leaflet page',
      status: status(known(f.paint.app, f.paint.leaflet) ? f.paint.app <= f.paint.leaflet : false),
      measured: `app ${formatMs(f.paint.app)} vs Leaflet ${formatMs(f.paint.leaflet)} (${formatRatio(ratio(f.paint.app, f.paint.leaflet))})`,
    },
    {
      id: 'first-idle',
      budget: `First map idle within ${LIMITS.idleVsFloor}× the same-content floor page`,
      status: status(known(idleRatio) ? idleRatio <= LIMITS.idleVsFloor : false),
      measured: `app ${formatMs(f.firstIdle.app)} vs same-content floor ${formatMs(f.firstIdle.content)} (${formatRatio(idleRatio)}); one-fill floor ${formatMs(f.firstIdle.floor)} (${formatRatio(ratio(f.firstIdle.app, f.firstIdle.floor))}, no budget)`,
    },
    {
      id: 'first-view-bytes',
      budget: `First view at most ${LIMITS.bytesVsFloor}× the one-fill floor's bytes and at most ${formatBytes(LIMITS.bytesMax)} gzip, without the territorial units`,
      status: status(known(bytesRatio, f.firstViewGzip.app) ? bytesRatio <= LIMITS.bytesVsFloor && f.firstViewGzip.app <= LIMITS.bytesMax && f.territorialInFirstView.length === 0 : false),
      measured:
        `app ${formatBytes(f.firstViewGzip.app)} vs one-fill floor ${formatBytes(f.firstViewGzip.floor)} gzip (${formatRatio(bytesRatio)}); ` +
        (f.territorialInFirstView.length === 0 ? 'no territorial units' : `territorial units in it: ${f.territorialInFirstView.join(', ')}`),
    },
    {
      id: 'switch-frame',
      budget: `Indicator switch: first frame with the new colours within ${LIMITS.switchFrameVsFloor}× the one-fill floor's restyle`,
      status: status(known(frameRatio) ? frameRatio <= LIMITS.switchFrameVsFloor : false),
      measured: `p50 app ${formatMs(f.switchFrame.app)} vs one-fill floor ${formatMs(f.switchFrame.floor)} (${formatRatio(frameRatio)})`,
    },
    {
      id: 'switch-idle',
      budget: `Indicator switch: idle within ${LIMITS.switchIdleVsFloor}× the one-fill floor's`,
      status: status(known(switchIdleRatio) ? switchIdleRatio <= LIMITS.switchIdleVsFloor : false),
      measured: `p50 app ${formatMs(f.switchIdle.app)} vs one-fill floor ${formatMs(f.switchIdle.floor)} (${formatRatio(switchIdleRatio)})`,
    },
    {
      id: 'gravity',
      budget: `Gravity recompute under ${LIMITS.gravityMs} ms for 42 units`,
      status: status(f.gravityRecompute === null ? null : known(f.gravityRecompute) ? f.gravityRecompute < LIMITS.gravityMs : false),
      measured: f.gravityRecompute === null ? 'no gravity hinterlands in the app' : `p95 ${formatMs(f.gravityRecompute)}`,
    },
    {
      id: 'long-tasks',
      budget: `No long task over ${LIMITS.longTaskMs} ms after load`,
      status: status(known(f.longestTaskAfterLoad.app) ? f.longestTaskAfterLoad.app <= LIMITS.longTaskMs : false),
      measured: `longest app ${formatMs(f.longestTaskAfterLoad.app)} (one-fill floor ${formatMs(f.longestTaskAfterLoad.floor)})`,
    },
  ];
  for (const size of HEAP_SIZES) {
    const h = f.heap[size] ?? null;
    const r = h ? ratio(h.app, h.content) : Number.NaN;
    results.push({
      id: `heap-${size}`,
      budget: `JS heap after load within ${LIMITS.heapVsFloor}× the same-content floor's, ${size} units`,
      status: status(h === null ? null : known(r) ? r <= LIMITS.heapVsFloor : false),
      measured: h ? `app ${MB(h.app)} vs same-content floor ${MB(h.content)} (${formatRatio(r)}); one-fill floor ${MB(h.floor)} (${formatRatio(ratio(h.app, h.floor))})` : 'size not run',
    });
  }
  for (const screen of BIG_SCREENS) {
    const s = f.bigScreens[screen] ?? null;
    const r = s ? ratio(s.app, s.content) : Number.NaN;
    results.push({
      id: `first-idle-${screen}`,
      budget: `First map idle at ${times(screen)} within ${LIMITS.idleVsFloor}× the same-content floor's at that size`,
      status: status(s === null ? null : known(r) ? r <= LIMITS.idleVsFloor : false),
      measured: s
        ? `app ${formatMs(s.app)} vs same-content floor ${formatMs(s.content)} (${formatRatio(r)}); one-fill floor ${formatMs(s.floor)} (${formatRatio(ratio(s.app, s.floor))}, no budget)`
        : 'screen not run',
    });
  }
  const at = f.at5000;
  const sw = at ? ratio(at.switchFrame.app, at.switchFrame.leaflet) : Number.NaN;
  const hv = at ? ratio(at.hover.app, at.hover.leaflet) : Number.NaN;
  results.push({
    id: 'interaction-5000',
    budget: 'With 5 000 polygons, interaction stays ahead of the Leaflet page',
    status: status(at === null ? null : known(sw, hv) ? sw < 1 && hv < 1 : false),
    measured: at
      ? `switch ${formatMs(at.switchFrame.app)} vs ${formatMs(at.switchFrame.leaflet)} (${formatRatio(sw)}); hover ${formatMs(at.hover.app)} vs ${formatMs(at.hover.leaflet)} (${formatRatio(hv)})`
      : 'size not run',
  });
  // The first-view budgets together, then memory, then interaction.
  const order = ['first-paint', 'first-idle', ...BIG_SCREENS.map((s) => `first-idle-${s}`), 'first-view-bytes', ...HEAP_SIZES.map((s) => `heap-${s}`)];
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  return results.map((r, i) => ({ r, i })).sort((a, b) => rank(a.r.id) - rank(b.r.id) || a.i - b.i).map(({ r }) => r);
}
