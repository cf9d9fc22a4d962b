import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const DIGITS = 6;

/** Rounds every number to `DIGITS` decimals: Turf's trigonometry may differ in the last bits between platforms. */
function rounded(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rounded);
  if (typeof value === 'number') return Number(value.toFixed(DIGITS));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v)]));
  return value;
}

/** Indented JSON with each position `[x,y]` on one line, so a fixture reads and diffs well. */
export function formatGeoJson(value: unknown): string {
  const text = JSON.stringify(rounded(value), null, 1);
  return `${text.replace(/\[\s+(-?[\d.e+-]+),\s+(-?[\d.e+-]+)\s+\]/g, '[$1,$2]')}\n`;
}

/** Reads a committed fixture of this folder. */
export function readFixture<T>(name: string): T {
  return JSON.parse(readFileSync(`${FIXTURES}${name}`, 'utf8')) as T;
}

/**
 * Compares GeoJSON with `fixtures/<name>.geojson`. With UPDATE_GOLDEN=1 it writes the file instead.
 * On a difference it writes `<name>-changed.geojson` beside the expected file, to open both in a
 * map viewer; the stale one is removed once the output matches again.
 */
export function expectGolden(name: string, actual: unknown): void {
  const path = `${FIXTURES}${name}.geojson`;
  const changed = `${FIXTURES}${name}-changed.geojson`;
  const text = formatGeoJson(actual);
  if (process.env.UPDATE_GOLDEN === '1') {
    writeFileSync(path, text);
    rmSync(changed, { force: true });
    return;
  }
  if (!existsSync(path)) throw new Error(`no golden file ${name}.geojson: run with UPDATE_GOLDEN=1 and review it`);
  const expected = readFileSync(path, 'utf8');
  if (text === expected) {
    rmSync(changed, { force: true });
    return;
  }
  writeFileSync(changed, text);
  expect(text, `output differs from ${name}.geojson; see ${name}-changed.geojson`).toBe(expected);
}
