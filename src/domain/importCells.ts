import { foldText } from './unitMatch.ts';

/**
 * The cells of a CSV a user imports, as people and the Official Statistics Portal write them:
 * cells read as years and numbers (importSplit.ts splits the lines into cells). Nothing here
 * knows units or indicators (importCsv.ts reads the table).
 */

/** The decimal mark of a file; null when nothing in it tells (then "1,5" and "1.5" both mean 1.5). */
export type DecimalMark = ',' | '.';

const MISSING = new Set(['', '.', '..', '...', '…', '-', '–', '—', ':', 'x']);

/** A year cell: "2024", "2024. gads", "2025M07" or "2025-07"; null for anything else. */
export function parseYear(cell: string): string | null {
  const s = foldText(cell);
  let m = /^(\d{4})\.?(?: ?(?:gads|g\.?))?$/.exec(s);
  if (m) return m[1]!;
  m = /^(\d{4})[-m/](\d{2})$/.exec(s);
  return m && Number(m[2]) >= 1 && Number(m[2]) <= 12 ? `${m[1]}-${m[2]}` : null;
}

/** The year a column header starts with: "2024", "2024 Iedzīvotāju skaits…"; null otherwise. */
export function yearOfHeader(header: string): string | null {
  const m = /^(\d{4})(?=$|[\s.,;:()_–-])/.exec(header.trim());
  return m && Number(m[1]) >= 1900 && Number(m[1]) <= 2100 ? m[1]! : null;
}

const compact = (raw: string) => raw.trim().replace(/\s/g, '').replace(/^\u2212/, '-');
const NUMBER = /^([+-]?)([\d.,]+)(?:e([+-]?\d+))?$/i;

/**
 * Which decimal mark the unambiguous numbers of a file use ("1,5", "1 234,56", "1.234,5"); cells
 * are added one at a time, so that a big file can be read in steps.
 */
export function decimalTally(): { add(raw: string): void; mark(): DecimalMark | null } {
  let comma = 0;
  let dot = 0;
  return {
    add(raw) {
      const body = NUMBER.exec(compact(raw))?.[2];
      if (!body) return;
      const c = body.split(',').length - 1;
      const d = body.split('.').length - 1;
      const mark = c && d ? (body.lastIndexOf(',') > body.lastIndexOf('.') ? ',' : '.') : c + d === 1 && !/^\d{1,3}[.,]\d{3}$/.test(body) ? (c ? ',' : '.') : null;
      if (mark === ',') comma++;
      if (mark === '.') dot++;
    },
    mark: () => (comma > dot ? ',' : dot > comma ? '.' : null),
  };
}

/** `decimalTally` over all the cells at once. */
export function decimalMarkOf(cells: readonly string[]): DecimalMark | null {
  const tally = decimalTally();
  for (const raw of cells) tally.add(raw);
  return tally.mark();
}

export type NumberCell = { kind: 'number'; value: number } | { kind: 'missing'; marker: string } | { kind: 'invalid' };

/**
 * A number as spreadsheets and the Statistics Portal write it: "1234,5", "1 234,5" (any space,
 * no-break or thin), "1.234,5", "1,234.5", "−5", "1e6". A lone separator before exactly three
 * digits is a thousands separator only when the file's decimal mark is the other one. "..", "…",
 * "-", "x" and an empty cell are missing values, never zero.
 */
export function parseNumberCell(raw: string, decimal: DecimalMark | null): NumberCell {
  if (MISSING.has(raw.trim().toLowerCase())) return { kind: 'missing', marker: raw.trim() };
  const m = NUMBER.exec(compact(raw));
  if (!m) return { kind: 'invalid' };
  const [, sign, body, exp] = m as unknown as [string, string, string, string | undefined];
  const c = body.split(',').length - 1;
  const d = body.split('.').length - 1;
  let dec: string | null = null;
  let group: string | null = null;
  if (c && d) [dec, group] = body.lastIndexOf(',') > body.lastIndexOf('.') ? [',', '.'] : ['.', ','];
  else if (c + d > 1) group = c ? ',' : '.';
  else if (c + d === 1) {
    const sep = c ? ',' : '.';
    if (decimal !== null && sep !== decimal && /^\d{1,3}[.,]\d{3}$/.test(body)) group = sep;
    else dec = sep;
  }
  const parts = dec ? body.split(dec) : [body];
  if (parts.length > 2) return { kind: 'invalid' };
  let [int, frac] = parts as [string, string | undefined];
  if (group) {
    if (!new RegExp(`^\\d{1,3}(\\${group}\\d{3})*$`).test(int)) return { kind: 'invalid' };
    int = int.split(group).join('');
  }
  if (!/^\d*$/.test(int) || (frac !== undefined && !/^\d+$/.test(frac)) || (int === '' && frac === undefined)) return { kind: 'invalid' };
  const value = Number(`${sign}${int || '0'}${frac !== undefined ? `.${frac}` : ''}${exp !== undefined ? `e${exp}` : ''}`);
  return Number.isFinite(value) ? { kind: 'number', value: value === 0 ? 0 : value } : { kind: 'invalid' };
}
