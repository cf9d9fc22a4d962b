/** A cell of a written CSV: text as it is, a number in the file's number format, null for empty. */
export type CsvCell = string | number | null;

/**
 * How a CSV file separates its cells and writes the decimal mark of number cells. A spreadsheet in
 * a Latvian locale splits lines at ';' and reads "1234,5" as a number; elsewhere ',' and "1234.5".
 */
export interface CsvFormat {
  delimiter: ',' | ';';
  decimalComma: boolean;
}

/** The two formats the app offers: `comma` (the default) and `semicolon` with decimal comma. */
export const CSV_FORMATS = {
  comma: { delimiter: ',', decimalComma: false },
  semicolon: { delimiter: ';', decimalComma: true },
} as const satisfies Record<string, CsvFormat>;

export type CsvFormatName = keyof typeof CSV_FORMATS;

// A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV injection").
// Apostrophes before a trigger are counted too, so that `restoreCsvText` can always tell the
// apostrophe the writer added from one that was in the text: the pair is lossless.
const FORMULA = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;

/** A number with no grouping; -0 stays "-0" so that it reads back as itself. */
function numberText(n: number, decimalComma: boolean): string {
  // NaN and the infinities are no number to a spreadsheet: they are written as "no value".
  if (!Number.isFinite(n)) return '';
  const text = Object.is(n, -0) ? '-0' : String(n);
  return decimalComma ? text.replace('.', ',') : text;
}

function cellText(cell: CsvCell, format: CsvFormat): string {
  const text = cell === null ? '' : typeof cell === 'number' ? numberText(cell, format.decimalComma) : FORMULA.test(cell) ? `'${cell}` : cell;
  const needsQuotes = text.includes(format.delimiter) || /["\r\n]/.test(text);
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Writes rows of cells as a CSV file every spreadsheet opens cleanly: UTF-8 text with a leading
 * byte-order mark (without it Excel in a Latvian locale garbles ā, č, ē …), every record ended by
 * CRLF (RFC 4180), a cell quoted only when it holds the delimiter, a double quote, CR or LF. Number
 * cells are written without grouping and, with `decimalComma`, with ',' as the decimal mark; text
 * cells are never reformatted, but one that a spreadsheet would run as a formula (starting with =,
 * +, -, @, tab or CR) gets a leading apostrophe, which `restoreCsvText` takes off again. The one
 * writer of every CSV file the app offers or stores.
 */
export function formatCsv(rows: readonly (readonly CsvCell[])[], format: CsvFormat = CSV_FORMATS.comma): string {
  return `\uFEFF${rows.map((row) => `${row.map((c) => cellText(c, format)).join(format.delimiter)}\r\n`).join('')}`;
}

/**
 * A text cell as it was before `formatCsv` neutralised it: one leading apostrophe is taken off when
 * apostrophes lead to =, +, -, @, tab or CR. The readers of files the app writes use it on text
 * cells, so that "'=HYPERLINK(…)" in a file comes back as the text "=HYPERLINK(…)".
 */
export function restoreCsvText(cell: string): string {
  return NEUTRALISED.test(cell) ? cell.slice(1) : cell;
}
