import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CSV_FORMATS, formatCsv } from '../../../src/domain/csvWrite.ts';
import { ASSIGNMENT_COLUMNS, type HinterlandAssignment } from '../../../src/domain/hinterland/assignment.ts';
import { assignmentToCsv, parseAssignmentCsv } from '../../../src/domain/hinterland/assignmentCsv.ts';
import { hinterlandContext } from '../../../src/state/hinterlandDerived.ts';
import { createAppStore } from '../../../src/state/store.ts';
import { bilingual, HOSTILE, hostileKeys, SEED } from '../../hostile.ts';
import { committedDataset } from '../../state/hinterlandDataset.ts';

// The assignment CSV reader fuzzed (issue 20, "Schemas, not trust"): grids of a valid assignment
// with columns renamed (to hostile names too), named twice or dropped, cells replaced and rows
// shortened or repeated. Nothing throws, a refusal names its first problem in both languages at a
// line, and a refused file leaves the store as it was.

const UNITS = ['LV0001000', 'LV0022000', 'LV0040000', 'LV0052000'];
const CITIES = ['riga', 'daugavpils', 'ogre'];
const VALID: HinterlandAssignment = [
  { code: 'LV0001000', name: 'Rīga', cityId: 'riga', role: 'city', reason: { lv: 'pašas', en: 'own' }, source: 'units.csv' },
  { code: 'LV0022000', name: 'Augšdaugavas novads', cityId: 'daugavpils', role: 'hinterland', reason: { lv: 'likums, "citāts"', en: 'law' }, source: '' },
  { code: 'LV0040000', name: 'Ogres novads', cityId: 'ogre', role: 'hinterland', reason: { lv: '', en: '=1' }, source: 'x' },
  { code: 'LV0052000', name: 'Tukuma novads', cityId: null, role: null, reason: { lv: '', en: '' }, source: '' },
];
const junk = fc.oneof(fc.constantFrom(...HOSTILE, ...UNITS, ...CITIES, ...ASSIGNMENT_COLUMNS, 'reason', 'city', 'hinterland', '', '"', ';', ',', '\n'), fc.string({ maxLength: 6 }));

type Edit = { op: 'rename' | 'duplicate' | 'drop' | 'cell' | 'short' | 'repeat'; at: number; to: string };
function edit(grid: string[][], { op, at, to }: Edit): string[][] {
  const width = grid[0]!.length;
  const col = at % Math.max(1, width);
  const row = grid[at % grid.length]!;
  if (op === 'rename') grid[0]![col] = to;
  if (op === 'duplicate') grid.forEach((r) => r.push(r[col] ?? ''));
  if (op === 'drop') grid.forEach((r) => r.splice(col, 1));
  if (op === 'cell') row[col] = to;
  if (op === 'short') row.pop();
  if (op === 'repeat') grid.push([...row]);
  return grid;
}
const edits = fc.array(fc.record({ op: fc.constantFrom('rename', 'duplicate', 'drop', 'cell', 'cell', 'short', 'repeat'), at: fc.nat(), to: junk }) as fc.Arbitrary<Edit>, { maxLength: 3 });
const gridOf = (rows: HinterlandAssignment) => [[...ASSIGNMENT_COLUMNS], ...rows.map((a) => [a.code, a.name, a.cityId ?? '', a.role ?? '', a.reason.lv, a.reason.en, a.source])];
const fileOf = (rows: HinterlandAssignment) =>
  fc.tuple(edits, fc.constantFrom(CSV_FORMATS.comma, CSV_FORMATS.semicolon)).map(([es, format]) => {
    const grid = es.reduce(edit, gridOf(rows));
    return { text: formatCsv(grid, format), header: grid[0]! };
  });

// Papaparse says on the console when it renames a column named twice.
beforeAll(() => void vi.spyOn(console, 'warn').mockImplementation(() => {}));
afterAll(() => vi.restoreAllMocks());

describe('the assignment CSV reader, fuzzed (seeded)', () => {
  it('never throws, refuses with reasons in both languages at their lines, and refuses a column named twice', () => {
    fc.assert(
      fc.property(fileOf(VALID), ({ text, header }) => {
        const result = parseAssignmentCsv(text, UNITS, CITIES);
        if (!result.ok) {
          expect(result.errors.length).toBeGreaterThan(0);
          expect(result.errors.every((e) => bilingual(e.reason) && Number.isInteger(e.line) && e.line >= 0)).toBe(true);
        } else {
          expect(hostileKeys(result.assignment)).toEqual([]);
          expect(result.assignment.map((a) => a.code).sort()).toEqual([...UNITS].sort());
          expect(parseAssignmentCsv(assignmentToCsv(result.assignment), UNITS, CITIES)).toEqual(result);
        }
        const twice = header.filter((h, i) => header.indexOf(h) !== i);
        if (twice.some((h) => (ASSIGNMENT_COLUMNS as readonly string[]).includes(h) || h === 'reason')) expect(result.ok).toBe(false);
      }),
      { numRuns: 3000, seed: SEED },
    );
  });
});

describe('importing an assignment file into the store', () => {
  it('changes nothing when the file is refused (fuzzed, seeded)', async () => {
    const dataset = committedDataset();
    const shipped = hinterlandContext(dataset).shipped;
    if (!shipped.ok) throw new Error('the shipped assignment does not parse');
    const store = createAppStore('en');
    store.getState().setDataset(dataset);
    await fc.assert(
      fc.asyncProperty(fileOf(shipped.assignment), async ({ text }) => {
        const before = store.getState();
        const result = await before.importAssignment(text);
        if (result.ok) store.setState(before, true);
        else {
          expect(result.errors.every((e) => bilingual(e.reason))).toBe(true);
          expect(store.getState()).toBe(before);
        }
      }),
      { numRuns: 300, seed: SEED },
    );
  });
});
