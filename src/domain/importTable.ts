import { controlCount, delimiterTally, splitLine } from './importSplit.ts';
import { linesRefusal } from './importLimits.ts';
import { failedImport, type ImportIssue, type ImportResult } from './importResult.ts';
import { LINES_PER_STEP, passProgress, type ImportProgress } from './importSteps.ts';
import { foldText } from './unitMatch.ts';

/*
 * The text of a user's CSV as a table of lines and cells (importCsv.ts gives the cells their
 * roles), read in steps: each pass over the lines stops every LINES_PER_STEP lines.
 */

export interface Line {
  line: number;
  raw: string;
  cells: string[];
}

export interface Table {
  delimiter: string;
  title: string;
  header: string[];
  folded: string[];
  body: Line[];
  /** Progress for later passes, counted in the lines of the file. */
  progress: (pass: number, i: number, n: number) => ImportProgress;
}

/** The passes over the lines of an import: the table's three, then those of importRoles.ts, importCsv.ts and importConflicts.ts. */
export const IMPORT_PASSES = { split: 0, scan: 1, cells: 2, body: 3, filter: 4, roles: 5, decimal: 6, series: 7, rows: 8, mergers: 9, duplicates: 10, count: 11 } as const;

const fail = (kind: 'empty' | 'not_csv' | 'no_data_rows', en: string, lv: string, rest: Partial<ImportResult> = {}) => failedImport(kind, { lv, en }, rest);

/**
 * Splits the text into lines of cells: finds the delimiter, skips title lines above the header
 * (the first line as wide as most lines) and reports lines that cannot be data.
 */
export function* readTable(text: string, unmatched: ImportIssue[]): Generator<ImportProgress, Table | ImportResult, void> {
  const clean = text.replace(/^\uFEFF/, '');
  if (clean.trim() === '') return fail('empty', 'The file is empty.', 'Fails ir tukšs.');
  const notCsv = () => fail('not_csv', 'This is not a CSV text file.', 'Šis nav CSV teksta fails.');
  if (/^\s*[{[<]/.test(clean)) return notCsv();
  const progress = passProgress(IMPORT_PASSES.count);
  // Split in steps, not by one native split: 20 MB hold the page for a long moment. A text of more
  // lines than the limit is refused as soon as it has them, before any line is split into cells.
  // Characters no text file has are counted on the way: a binary file stops before anything else.
  const all: string[] = [];
  const breaks = /\r\n|\r|\n/g;
  let at = 0;
  let controls = 0;
  for (let m = breaks.exec(clean); m; m = breaks.exec(clean)) {
    all.push(clean.slice(at, m.index));
    controls += controlCount(all[all.length - 1]!);
    at = breaks.lastIndex;
    if (all.length % LINES_PER_STEP === 0) {
      const tooMany = linesRefusal(all.length + 1);
      if (tooMany) return failedImport('too_large', tooMany);
      yield progress(IMPORT_PASSES.split, at, clean.length);
    }
  }
  all.push(clean.slice(at));
  controls += controlCount(all[all.length - 1]!);
  const tooMany = linesRefusal(all.length);
  if (tooMany) return failedImport('too_large', tooMany);
  if (controls > 0.01 * clean.length) return notCsv();
  // Excel's "sep=;" first line names the delimiter.
  const sep = /^"?sep=(.)"?\s*$/i.exec(all[0] ?? '');
  const first = sep ? 1 : 0;
  const tally = delimiterTally();
  for (let i = first; i < all.length && !sep; i++) {
    if (all[i]!.trim() !== '') tally.add(all[i]!);
    if (i % LINES_PER_STEP === LINES_PER_STEP - 1) yield progress(IMPORT_PASSES.scan, i, all.length);
  }
  const detected = sep ? null : tally.best();
  const delimiter = sep ? sep[1]! : detected?.delimiter;
  if (!delimiter) return fail('not_csv', 'No columns found: separate them with commas or semicolons.', 'Nav atrastas kolonnas: atdaliet tās ar komatiem vai semikoliem.');
  const lines: (Line & { unclosed: boolean })[] = [];
  let widest = 0;
  for (let i = first; i < all.length; i++) {
    const { cells, unclosed } = splitLine(all[i]!, delimiter);
    if (cells.some((c) => c !== '')) {
      lines.push({ line: i + 1, raw: all[i]!.trim().slice(0, 200), cells, unclosed });
      // A running maximum, not Math.max(...): a spread of 150 000 arguments overflows the call stack.
      if (cells.length > widest) widest = cells.length;
    }
    if (i % LINES_PER_STEP === LINES_PER_STEP - 1) yield progress(IMPORT_PASSES.cells, i, all.length);
  }
  const width = sep ? widest : detected!.width;
  const headerAt = lines.findIndex((l) => l.cells.length === width && l.cells.filter(Boolean).length >= 2);
  if (headerAt < 0) return fail('not_csv', 'No header row with at least two columns.', 'Nav virsrakstu rindas ar vismaz divām kolonnām.');
  const header = lines[headerAt]!.cells.map((h, i) => h || `#${i + 1}`);
  const body: Line[] = [];
  const report = (l: Line, lv: string, en: string) => unmatched.push({ line: l.line, raw: l.raw, kind: 'malformed', reason: { lv, en } });
  for (let i = headerAt + 1; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.unclosed) report(l, 'neaizvērtas pēdiņas', 'unclosed quote');
    else if (l.cells.length === 1) report(l, 'nav datu rinda (tikai viens lauks)', 'not a data row (one field only)');
    else if (l.cells.slice(width).some(Boolean)) report(l, `${l.cells.length} lauki, bet virsrakstā ${width}`, `${l.cells.length} fields where the header has ${width}`);
    else {
      // As wide as the header: missing cells are empty, extra ones are empty already.
      while (l.cells.length < width) l.cells.push('');
      l.cells.length = width;
      body.push(l);
    }
    if (i % LINES_PER_STEP === 0) yield progress(IMPORT_PASSES.body, i, lines.length);
  }
  if (body.length === 0) return fail('no_data_rows', 'The file has a header but no data rows.', 'Failā ir virsraksti, bet nav datu rindu.', { unmatched });
  const title = lines.slice(0, headerAt).map((l) => l.cells.filter(Boolean).join(' ')).join(' / ');
  return { delimiter, title, header, folded: header.map(foldText), body, progress };
}
