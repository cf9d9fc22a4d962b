import { foldText } from './unitMatch.ts';

/**
 * The cells of a CSV a user imports, as people and the Official Statistics Portal write them:
 * lines split at a delimiter found from the text, cells read as years and numbers. Nothing here
 * knows units or indicators (importCsv.ts reads the table). Curated inputs of the data pipeline
 * go through papaparse instead (csv.ts): an import must report each physical line it cannot read.
 */

/** The decimal mark of a file; null when nothing in it tells (then "1,5" and "1.5" both mean 1.5). */
export type DecimalMark = ',' | '.';

const MISSING = new Set(['', '.', '..', '...', '…', '-', '–', '—', ':', 'x']);

/** Splits one physical line at `d` outside double quotes ("" inside quotes is a quote). */
export function splitLine(text: string, d: string): { cells: string[]; unclosed: boolean } {
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

/** The delimiter that splits the most lines into the same number (≥ 2) of fields; ';' wins ties. */
export function detectDelimiter(lines: string[]): { delimiter: string; width: number } | null {
  let best: { delimiter: string; width: number; score: number } | null = null;
  for (const d of [';', '\t', ',']) {
    const counts = lines.map((l) => splitLine(l, d).cells.length);
    const tally = new Map<number, number>();
    for (const c of counts) if (c >= 2) tally.set(c, (tally.get(c) ?? 0) + 1);
    let width = 0;
    for (const [c, n] of tally) if (n > (tally.get(width) ?? 0) || (n === tally.get(width) && c > width)) width = c;
    if (width === 0) continue;
    const score = tally.get(width)! / counts.length;
    if (!best || score > best.score) best = { delimiter: d, width, score };
  }
  return best;
}

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

/** Which decimal mark the unambiguous numbers of a file use ("1,5", "1 234,56", "1.234,5"). */
export function decimalMarkOf(cells: readonly string[]): DecimalMark | null {
  let comma = 0;
  let dot = 0;
  for (const raw of cells) {
    const body = NUMBER.exec(compact(raw))?.[2];
    if (!body) continue;
    const c = body.split(',').length - 1;
    const d = body.split('.').length - 1;
    const mark = c && d ? (body.lastIndexOf(',') > body.lastIndexOf('.') ? ',' : '.') : c + d === 1 && !/^\d{1,3}[.,]\d{3}$/.test(body) ? (c ? ',' : '.') : null;
    if (mark === ',') comma++;
    if (mark === '.') dot++;
  }
  return comma > dot ? ',' : dot > comma ? '.' : null;
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
