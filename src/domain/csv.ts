import Papa from 'papaparse';

/** One data row of a CSV file with the 1-based line it came from, for error messages. */
export interface CsvRecord {
  line: number;
  values: Record<string, string>;
}

/**
 * Parses a headed CSV (comma or semicolon, quoted fields) into records that remember their line.
 * Papaparse handles quoting and delimiter detection, which CSP exports need; line numbers assume
 * no field spans lines, true of every hand-curated input in this project.
 */
export function parseCsvRecords(text: string): { header: string[]; records: CsvRecord[] } {
  const result = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim(),
  });
  const firstError = result.errors.find((e) => e.type !== 'Delimiter');
  if (firstError) {
    const line = (firstError.row ?? 0) + 2;
    throw new Error(`line ${line}: ${firstError.message}`);
  }
  const header = result.meta.fields ?? [];
  let line = 1;
  const lines = text.split(/\r?\n/);
  const records: CsvRecord[] = [];
  for (const values of result.data) {
    // Advance to the next non-empty physical line: skipEmptyLines drops blanks.
    do line++;
    while (line <= lines.length && (lines[line - 1] ?? '').trim() === '');
    records.push({ line, values });
  }
  return { header, records };
}

/** Throws unless every named column is present, naming the missing one. */
export function requireColumns(header: string[], columns: readonly string[]): void {
  const missing = columns.filter((c) => !header.includes(c));
  if (missing.length > 0) throw new Error(`missing column(s): ${missing.join(', ')}`);
}
