import Papa from 'papaparse';

/** One data row of a CSV file with the 1-based line it came from, for error messages. */
export interface CsvRecord {
  line: number;
  values: Record<string, string>;
}

/**
 * Parses a headed CSV (comma or semicolon, quoted fields) into records that remember their line.
 * Papaparse handles quoting and delimiter detection, which CSP exports need, unless `delimiter`
 * is given; line numbers assume no field spans lines, true of every hand-curated input in this
 * project. `duplicates` names the columns the header names more than once (Papaparse keeps the
 * first under its name and renames the others).
 */
export function parseCsvRecords(text: string, delimiter?: string): { header: string[]; records: CsvRecord[]; duplicates: string[] } {
  const result = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    ...(delimiter === undefined ? {} : { delimiter }),
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim(),
  });
  const header = result.meta.fields ?? [];
  // Papaparse's 'greedy' skips rows whose fields are all blank, including delimiter-only rows
  // that spreadsheets export: count the same rows as blank so that lines stay physical.
  const used = result.meta.delimiter || ',';
  const blank = (s: string) => s.split(used).every((f) => f.replace(/"/g, '').trim() === '');
  const dataLines = text.split(/\r?\n/).flatMap((s, i) => (blank(s) ? [] : [i + 1])).slice(1);
  const records: CsvRecord[] = result.data.map((values, i) => ({ line: dataLines[i] ?? i + 2, values }));
  const firstError = result.errors.find((e) => e.type !== 'Delimiter');
  if (firstError) {
    // A field-count error's row indexes the data rows; other errors fall back to the raw count.
    const line = firstError.type === 'FieldMismatch' ? records[firstError.row ?? 0]?.line : undefined;
    throw new Error(`line ${line ?? (firstError.row ?? 0) + 2}: ${firstError.message}`);
  }
  // Papaparse renames a column named twice (`a`, `a_1`); the names so repeated, for readers that refuse them.
  const duplicates = [...new Set(Object.values(result.meta.renamedHeaders ?? {}))];
  return { header, records, duplicates };
}

/**
 * The delimiter of a CSV file whose header names its columns without quotes, as the files the app
 * writes do: ',' unless the first line has none and has ';' (a Latvian-locale spreadsheet's) or a
 * tab. Data cells are no guide: in a ';' file they may hold commas freely, and the reverse.
 */
export function headerDelimiter(text: string): ',' | ';' | '\t' {
  const header = /^[^\r\n]*/.exec(text.replace(/^\uFEFF/, ''))![0];
  if (header.includes(',')) return ',';
  return header.includes(';') ? ';' : header.includes('\t') ? '\t' : ',';
}

/** Throws unless every named column is present, naming the missing one. */
export function requireColumns(header: string[], columns: readonly string[]): void {
  const missing = columns.filter((c) => !header.includes(c));
  if (missing.length > 0) throw new Error(`missing column(s): ${missing.join(', ')}`);
}
