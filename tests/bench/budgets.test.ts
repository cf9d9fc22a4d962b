import { describe, expect, it } from 'vitest';
import { checkBudgets, type BudgetInput } from './budgets.ts';

/** Figures that meet every budget exactly at or inside its limit. */
const passing: BudgetInput = {
  paint: { app: 300, floor: 1500, leaflet: 300 },
  firstIdle: { app: 1800, content: 1500, floor: 1000 },
  bigScreens: { '1920x1080': { app: 2400, content: 2000, floor: 1500 }, '3840x2160': { app: 6000, content: 5000, floor: 4000 } },
  firstViewGzip: { app: 600_000, floor: 470_000 },
  territorialInFirstView: [],
  heap: { '42': { app: 12e6, content: 6e6, floor: 5e6 }, '592': { app: 14e6, content: 7e6, floor: 6e6 } },
  switchFrame: { app: 400, floor: 200 },
  switchIdle: { app: 240, floor: 200 },
  gravityRecompute: 12,
  longestTaskAfterLoad: { app: 200, floor: 120 },
  at5000: { switchFrame: { app: 300, leaflet: 900 }, hover: { app: 100, leaflet: 400 } },
};
const statusOf = (input: BudgetInput) => Object.fromEntries(checkBudgets(input).map((b) => [b.id, b.status]));

describe('budgets of issues 8 and 22', () => {
  it('passes every budget at its limit, the first-view ones first', () => {
    const results = checkBudgets(passing);
    expect(results.map((b) => b.status)).toEqual(Array(12).fill('PASS'));
    expect(results.map((b) => b.id)).toEqual([
      'first-paint',
      'first-idle',
      'first-idle-1920x1080',
      'first-idle-3840x2160',
      'first-view-bytes',
      'heap-42',
      'heap-592',
      'switch-frame',
      'switch-idle',
      'gravity',
      'long-tasks',
      'interaction-5000',
    ]);
  });
  it('misses each budget just past its limit', () => {
    expect(statusOf({ ...passing, paint: { ...passing.paint, app: 301 } })['first-paint']).toBe('MISS');
    expect(statusOf({ ...passing, firstIdle: { ...passing.firstIdle, app: 1801 } })['first-idle']).toBe('MISS');
    expect(statusOf({ ...passing, firstViewGzip: { app: 611_001, floor: 470_000 } })['first-view-bytes']).toBe('MISS');
    // Within 1.3× of a big floor, but over the 600 kB ceiling.
    expect(statusOf({ ...passing, firstViewGzip: { app: 600_001, floor: 560_000 } })['first-view-bytes']).toBe('MISS');
    expect(statusOf({ ...passing, switchFrame: { app: 401, floor: 200 } })['switch-frame']).toBe('MISS');
    expect(statusOf({ ...passing, switchIdle: { app: 241, floor: 200 } })['switch-idle']).toBe('MISS');
    expect(statusOf({ ...passing, gravityRecompute: 50 })['gravity']).toBe('MISS');
    expect(statusOf({ ...passing, longestTaskAfterLoad: { app: 201, floor: 90 } })['long-tasks']).toBe('MISS');
    expect(statusOf({ ...passing, at5000: { ...passing.at5000!, hover: { app: 400, leaflet: 400 } } })['interaction-5000']).toBe('MISS');
    expect(statusOf({ ...passing, heap: { ...passing.heap, '592': { app: 14.1e6, content: 7e6, floor: 6e6 } } })['heap-592']).toBe('MISS');
    expect(statusOf({ ...passing, bigScreens: { ...passing.bigScreens, '3840x2160': { app: 6001, content: 5000, floor: 4000 } } })['first-idle-3840x2160']).toBe('MISS');
  });
  it('reads first idle and memory against the same-content floor, never the one-fill floor', () => {
    // 1.5× the one-fill floor but within 1.2× the same-content floor: a pass.
    expect(statusOf({ ...passing, firstIdle: { app: 1500, content: 1300, floor: 1000 } })['first-idle']).toBe('PASS');
    // Within 1.2× the one-fill floor but 1.5× the same-content floor: a miss.
    expect(statusOf({ ...passing, firstIdle: { app: 1500, content: 1000, floor: 1300 } })['first-idle']).toBe('MISS');
    expect(statusOf({ ...passing, heap: { ...passing.heap, '42': { app: 12e6, content: 5e6, floor: 6.1e6 } } })['heap-42']).toBe('MISS');
  });
  it('misses the bytes budget when territorial units are in the first view', () => {
    const s = checkBudgets({ ...passing, territorialInFirstView: ['/data/territorial-units.topo.json'] }).find((b) => b.id === 'first-view-bytes')!;
    expect(s.status).toBe('MISS');
    expect(s.measured).toContain('territorial-units.topo.json');
  });
  it('never passes on a missing figure, and says N/A for what was not run', () => {
    const s = statusOf({ ...passing, firstIdle: { app: Number.NaN, content: 1500, floor: 1000 }, gravityRecompute: null, at5000: null, heap: { '42': passing.heap['42']!, '592': null }, bigScreens: {} });
    expect(s['first-idle']).toBe('MISS');
    expect(s['gravity']).toBe('N/A');
    expect(s['interaction-5000']).toBe('N/A');
    expect(s['heap-592']).toBe('N/A');
    expect(s['first-idle-1920x1080']).toBe('N/A');
  });
});
