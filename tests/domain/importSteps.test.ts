import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsvRecords } from '../../src/domain/csv.ts';
import { formatNumber } from '../../src/domain/format.ts';
import { cellCount, splitLine } from '../../src/domain/importSplit.ts';
import { importSteps, parseIndicatorImport } from '../../src/domain/importCsv.ts';
import { IMPORT_LIMITS, importLimitsNote, linesRefusal, sizeRefusal } from '../../src/domain/importLimits.ts';
import { driveSteps, type ImportProgress } from '../../src/domain/importSteps.ts';
import { IMPORT_PASSES } from '../../src/domain/importTable.ts';
import { unitRefsFromCsv } from '../../src/domain/unitMatch.ts';

const input = (p: string) => readFileSync(new URL(`../../geodata/inputs/${p}`, import.meta.url), 'utf8');
const fixture = (name: string) => readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url), 'utf8');
const cities = parseCsvRecords(input('cities.csv')).records.map(({ values: v }) => ({ id: v.id!, nameLv: v.name_lv!, nameEn: v.name_en! }));
const units = unitRefsFromCsv(input('units.csv'), cities);
const codes = units.filter((u) => !u.validTo).map((u) => u.code);
/** A long table of `n` rows: every unit for years from 1950 on, so every row is kept. */
const longTable = (n: number) => ['code,value,year', ...Array.from({ length: n }, (_, i) => `${codes[i % codes.length]},${i % 97},${1950 + Math.floor(i / codes.length)}`)].join('\n');

function collect(text: string, options = {}) {
  const progress: ImportProgress[] = [];
  const steps = importSteps(text, units, options);
  for (;;) {
    const s = steps.next();
    if (s.done) return { progress, result: s.value };
    progress.push(s.value);
  }
}

describe('an import read in steps', () => {
  it('gives exactly the result of the whole parse, with progress that only goes forward', () => {
    for (const text of [fixture('csp-libraries-2024.csv'), fixture('bad-rows.csv'), longTable(6_000)]) {
      const { progress, result } = collect(text);
      expect(result).toEqual(parseIndicatorImport(text, units));
      for (let i = 1; i < progress.length; i++) {
        expect(progress[i]!.done).toBeGreaterThanOrEqual(progress[i - 1]!.done);
        expect(progress[i]!.total).toBe(progress[0]!.total);
      }
      for (const p of progress) expect(p.done).toBeLessThanOrEqual(p.total);
    }
    // A big file is cut into many steps, so that a caller can pause between them.
    expect(collect(longTable(6_000)).progress.length).toBeGreaterThan(10);
  }, 60_000);

  it('refuses a file of more lines than the limit, naming the limit, before splitting any line into cells', () => {
    const text = `code,value\n${'\n'.repeat(IMPORT_LIMITS.lines)}`;
    const { progress, result } = collect(text);
    // Only the first pass, which finds the lines, has begun.
    expect(progress.every((p) => p.done * IMPORT_PASSES.count <= p.total)).toBe(true);
    expect(result.rows).toEqual([]);
    expect(result.errors.map((e) => e.kind)).toEqual(['too_large']);
    expect(result.errors[0]!.message.en).toContain(formatNumber(IMPORT_LIMITS.lines, 'en'));
    expect(result.errors[0]!.message.lv).toContain(formatNumber(IMPORT_LIMITS.lines, 'lv'));
    expect(linesRefusal(IMPORT_LIMITS.lines)).toBeNull();
  }, 60_000);
});

describe('the limits of an import', () => {
  it('cover a file of 200 000 rows or 20 MB, and are named in both languages when a file is refused', () => {
    expect(IMPORT_LIMITS.lines).toBeGreaterThanOrEqual(200_000);
    expect(IMPORT_LIMITS.bytes).toBeGreaterThanOrEqual(20 * 1024 * 1024);
    expect(sizeRefusal(IMPORT_LIMITS.bytes)).toBeNull();
    const refusal = sizeRefusal(IMPORT_LIMITS.bytes + 1)!;
    const mb = `${IMPORT_LIMITS.bytes / 1024 / 1024} MB`;
    expect(refusal.en).toContain(mb);
    expect(refusal.lv).toContain(mb);
    expect(importLimitsNote.en).toContain(mb);
    expect(importLimitsNote.lv).toContain(formatNumber(IMPORT_LIMITS.lines, 'lv'));
  });
});

describe('driving steps', () => {
  function* counting(n: number): Generator<number, string, void> {
    for (let i = 0; i < n; i++) yield i;
    return 'end';
  }

  it('pauses once a slice of time is used up and stops when a pause says so', async () => {
    let clock = 0;
    const paused: number[] = [];
    const all = await driveSteps(counting(10), (p) => (paused.push(p), true), 3, () => clock++);
    expect(all).toEqual({ done: true, value: 'end' });
    expect(paused.length).toBeGreaterThan(1);
    const stopped = await driveSteps(counting(10), async () => false, 0, () => clock++);
    expect(stopped).toEqual({ done: false });
  });
});

/** The character-at-a-time splitter the scanning one replaced, as the reference of its meaning. */
function splitReference(text: string, d: string): { cells: string[]; unclosed: boolean } {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch !== '"') cell += ch;
      else if (text[i + 1] === '"') (cell += '"'), i++;
      else quoted = false;
    } else if (ch === d) {
      cells.push(cell.trim());
      cell = '';
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else cell += ch;
  }
  cells.push(cell.trim());
  return { cells, unclosed: quoted };
}

describe('splitting a line', () => {
  it('finds the cells of the character-at-a-time reference, and counts them without copying', () => {
    const line = fc.string({ unit: fc.constantFrom('"', ';', ',', '\t', ' ', '\u00a0', 'a', 'ā', '1', '.') , maxLength: 40 });
    fc.assert(
      fc.property(line, fc.constantFrom(';', ',', '\t', '"'), (text, d) => {
        expect(splitLine(text, d)).toEqual(splitReference(text, d));
        expect(cellCount(text, d)).toBe(splitReference(text, d).cells.length);
      }),
      { numRuns: 3000 },
    );
  });
});
