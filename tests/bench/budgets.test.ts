import { describe, expect, it } from 'vitest';
import { checkBudgets, type BudgetInput } from './budgets.ts';

/** Figures that meet every budget exactly at or inside its limit. */
const passing: BudgetInput = {
  paint: { app: 300, floor: 1500, leaflet: 300 },
  firstIdle: { app: 1800, floor: 1500 },
  firstViewGzip: { app: 600_000, floor: 470_000 },
  switchFrame: { app: 400, floor: 200 },
  switchIdle: { app: 240, floor: 200 },
  gravityRecompute: 12,
  longestTaskAfterLoad: { app: 200, floor: 120 },
  at5000: { switchFrame: { app: 300, leaflet: 900 }, hover: { app: 100, leaflet: 400 } },
};
const statusOf = (input: BudgetInput) => Object.fromEntries(checkBudgets(input).map((b) => [b.id, b.status]));

describe('budgets of issue 8', () => {
  it('passes every budget at its limit', () => {
    expect(Object.values(statusOf(passing))).toEqual(Array(8).fill('PASS'));
  });
  it('misses each budget just past its limit', () => {
    expect(statusOf({ ...passing, paint: { ...passing.paint, app: 301 } })['first-paint']).toBe('MISS');
    expect(statusOf({ ...passing, firstIdle: { app: 1801, floor: 1500 } })['first-idle']).toBe('MISS');
    expect(statusOf({ ...passing, firstViewGzip: { app: 611_001, floor: 470_000 } })['first-view-bytes']).toBe('MISS');
    // Within 1.3× of a big floor, but over the 600 kB ceiling.
    expect(statusOf({ ...passing, firstViewGzip: { app: 600_001, floor: 560_000 } })['first-view-bytes']).toBe('MISS');
    expect(statusOf({ ...passing, switchFrame: { app: 401, floor: 200 } })['switch-frame']).toBe('MISS');
    expect(statusOf({ ...passing, switchIdle: { app: 241, floor: 200 } })['switch-idle']).toBe('MISS');
    expect(statusOf({ ...passing, gravityRecompute: 50 })['gravity']).toBe('MISS');
    expect(statusOf({ ...passing, longestTaskAfterLoad: { app: 201, floor: 90 } })['long-tasks']).toBe('MISS');
    expect(statusOf({ ...passing, at5000: { ...passing.at5000!, hover: { app: 400, leaflet: 400 } } })['interaction-5000']).toBe('MISS');
  });
  it('never passes on a missing figure, and says N/A for what was not run', () => {
    const s = statusOf({ ...passing, firstIdle: { app: Number.NaN, floor: 1500 }, gravityRecompute: null, at5000: null });
    expect(s['first-idle']).toBe('MISS');
    expect(s['gravity']).toBe('N/A');
    expect(s['interaction-5000']).toBe('N/A');
  });
});
