import Papa from 'papaparse';
import { headerDelimiter } from '../csv.ts';
import { CSV_FORMATS, formatCsv, restoreCsvText, type CsvFormat } from '../csvWrite.ts';
import { CellError, cellsToLink, LINK_COLUMNS, linkToCells, NUMBER_COLUMNS, type LinkCells, type LinkColumn } from './codec.ts';
import type { Link } from './model.ts';
import { validateLinks, type LinkContext } from './validate.ts';
import type { Bilingual } from '../bilingual.ts';

/** Why an import was refused: the CSV line or the 1-based GeoJSON feature, and the reason. */
export interface ImportError {
  line?: number;
  feature?: number;
  reason: Bilingual;
}

/** All links, or every error and no links: an import is never partial. */
export type ImportResult = { ok: true; links: Link[] } | { ok: false; errors: ImportError[] };

/**
 * Writes links as CSV in the columns of `LINK_COLUMNS` with `formatCsv` (byte-order mark, CRLF,
 * formulas neutralised); weights and coordinates are number cells, so `format` decides their
 * decimal mark. `importLinksCsv` reads either format back to the same links.
 */
export function linksToCsv(links: readonly Link[], format: CsvFormat = CSV_FORMATS.comma): string {
  const rows = links.map((l) => {
    const cells = linkToCells(l);
    // The codec's number cells read back to the identical number ("-0" too), so Number() is exact.
    return LINK_COLUMNS.map((c) => (NUMBER_COLUMNS.has(c) && cells[c] !== '' ? Number(cells[c]) : cells[c]));
  });
  return formatCsv([[...LINK_COLUMNS], ...rows], format);
}

/** Rows of a CSV text with the physical line each starts on; quoted fields may span lines. */
function parseRows(text: string, delimiter: string): { rows: { line: number; cells: string[] }[]; error?: ImportError } {
  const rows: { line: number; cells: string[] }[] = [];
  let start = 0;
  let newlinesBefore = 0;
  let error: ImportError | undefined;
  Papa.parse<string[]>(text, {
    header: false,
    delimiter,
    step: (result) => {
      const line = newlinesBefore + 1;
      const end = result.meta.cursor;
      for (let i = start; i < end; i++) if (text.charCodeAt(i) === 10) newlinesBefore++;
      start = end;
      const e = result.errors[0];
      if (e && !error) error = { line, reason: { lv: `CSV kļūda: ${e.message}.`, en: `CSV error: ${e.message}.` } };
      const cells = result.data;
      if (!cells.every((c) => c.trim() === '')) rows.push({ line, cells });
    },
  });
  return error ? { rows, error } : { rows };
}

/**
 * A cell as the codec reads it: without the apostrophe `formatCsv` puts before a formula, and in a
 * ';' file (a Latvian-locale spreadsheet's) a number's decimal comma as a dot.
 */
function readCell(column: string, cell: string, delimiter: string): string {
  const text = restoreCsvText(cell);
  return delimiter === ';' && NUMBER_COLUMNS.has(column as LinkColumn) ? text.replace(',', '.') : text;
}

/**
 * Reads links exported by `linksToCsv` in either format (or written by hand in its columns) and
 * validates each against `context` and against each other. Returns all links, or every error with
 * its line and a reason in both languages — never a partial result.
 */
export function importLinksCsv(text: string, context: Omit<LinkContext, 'links'>): ImportResult {
  const clean = text.replace(/^\uFEFF/, '');
  // The delimiter comes from the header alone: data cells hold ';' (field lists, sources), which
  // would mislead Papaparse's guess. A spreadsheet saved in a Latvian locale writes ';' throughout.
  const delimiter = headerDelimiter(clean);
  const { rows, error } = parseRows(clean, delimiter);
  if (error) return { ok: false, errors: [error] };
  const [header, ...data] = rows;
  if (!header) return { ok: false, errors: [{ line: 1, reason: { lv: 'Fails ir tukšs.', en: 'The file is empty.' } }] };
  const missing = LINK_COLUMNS.filter((c) => !header.cells.includes(c));
  if (missing.length > 0) {
    return { ok: false, errors: [{ line: header.line, reason: { lv: `Trūkst kolonnu: ${missing.join(', ')}.`, en: `Missing column(s): ${missing.join(', ')}.` } }] };
  }
  // A column named twice would leave which cell counts to the order of the columns.
  const twice = LINK_COLUMNS.filter((c) => header.cells.indexOf(c) !== header.cells.lastIndexOf(c));
  if (twice.length > 0) {
    return { ok: false, errors: [{ line: header.line, reason: { lv: `Kolonnas nosauktas divreiz: ${twice.join(', ')}.`, en: `Column(s) named twice: ${twice.join(', ')}.` } }] };
  }
  const errors: ImportError[] = [];
  const links: Link[] = [];
  const lines: number[] = [];
  for (const { line, cells } of data) {
    if (cells.length !== header.cells.length) {
      errors.push({ line, reason: { lv: `Rindā ir ${cells.length} lauki, galvenē ${header.cells.length}.`, en: `The row has ${cells.length} fields, the header ${header.cells.length}.` } });
      continue;
    }
    const record = Object.fromEntries(header.cells.map((h, i) => [h, readCell(h, cells[i] ?? '', delimiter)])) as LinkCells;
    try {
      links.push(cellsToLink(record));
      lines.push(line);
    } catch (e) {
      if (!(e instanceof CellError)) throw e;
      errors.push({ line, reason: e.reason });
    }
  }
  for (const { index, issue } of validateLinks(links, context)) errors.push({ line: lines[index]!, reason: issue.message });
  errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, links };
}
