import { formatBytes, formatMs, formatRatio } from './format.ts';
import { ratio } from './stats.ts';

/** The figures the budgets are about: medians (p50 for switches) of one benchmark run. */
export interface BudgetInput {
  /** First meaningful map paint, ms after navigation. */
  paint: { app: number; floor: number; leaflet: number };
  firstIdle: { app: number; floor: number };
  /** Bytes of the first view, gzip-compressed as a static server would send them. */
  firstViewGzip: { app: number; floor: number };
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
  bytesVsFloor: 1.3,
  bytesMax: 600_000,
  switchFrameVsFloor: 2,
  switchIdleVsFloor: 1.2,
  gravityMs: 50,
  longTaskMs: 200,
} as const;

const status = (ok: boolean | null): BudgetStatus => (ok === null ? 'N/A' : ok ? 'PASS' : 'MISS');
/** ok only when the figures exist: a missing measurement is never a pass. */
const known = (...xs: number[]) => xs.every(Number.isFinite);

/** Checks every budget of the issue against one run's figures. */
export function checkBudgets(f: BudgetInput): BudgetResult[] {
  const idleRatio = ratio(f.firstIdle.app, f.firstIdle.floor);
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
      budget: `First map idle within ${LIMITS.idleVsFloor}× the floor page`,
      status: status(known(idleRatio) ? idleRatio <= LIMITS.idleVsFloor : false),
      measured: `app ${formatMs(f.firstIdle.app)} vs floor ${formatMs(f.firstIdle.floor)} (${formatRatio(idleRatio)})`,
    },
    {
      id: 'first-view-bytes',
      budget: `First view at most ${LIMITS.bytesVsFloor}× the floor's bytes and at most ${formatBytes(LIMITS.bytesMax)} gzip`,
      status: status(known(bytesRatio, f.firstViewGzip.app) ? bytesRatio <= LIMITS.bytesVsFloor && f.firstViewGzip.app <= LIMITS.bytesMax : false),
      measured: `app ${formatBytes(f.firstViewGzip.app)} vs floor ${formatBytes(f.firstViewGzip.floor)} gzip (${formatRatio(bytesRatio)})`,
    },
    {
      id: 'switch-frame',
      budget: `Indicator switch: first frame with the new colours within ${LIMITS.switchFrameVsFloor}× the floor's restyle`,
      status: status(known(frameRatio) ? frameRatio <= LIMITS.switchFrameVsFloor : false),
      measured: `p50 app ${formatMs(f.switchFrame.app)} vs floor ${formatMs(f.switchFrame.floor)} (${formatRatio(frameRatio)})`,
    },
    {
      id: 'switch-idle',
      budget: `Indicator switch: idle within ${LIMITS.switchIdleVsFloor}× the floor's`,
      status: status(known(switchIdleRatio) ? switchIdleRatio <= LIMITS.switchIdleVsFloor : false),
      measured: `p50 app ${formatMs(f.switchIdle.app)} vs floor ${formatMs(f.switchIdle.floor)} (${formatRatio(switchIdleRatio)})`,
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
      measured: `longest app ${formatMs(f.longestTaskAfterLoad.app)} (floor ${formatMs(f.longestTaskAfterLoad.floor)})`,
    },
  ];
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
  return results;
}
