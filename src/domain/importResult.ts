import type { Bilingual } from './bilingual.ts';
import type { DecimalMark } from './importCells.ts';

/**
 * What a CSV import of an indicator takes and gives (importCsv.ts reads the file): options, the
 * values kept, the rows left out with their reasons, a fatal error, and how the file was read.
 */

export interface ImportOptions {
  /** The year of every value when the file has neither a year column nor year column headers. */
  year?: string;
  /** Keeps only the rows whose column holds the value, e.g. { 'Zemes kategorija': 'Mežs' }. */
  filter?: Record<string, string>;
  /** Reads only this column as values (a header starting with a year gives the year). */
  valueColumn?: string;
  /** Overrides the decimal mark otherwise inferred from the file. */
  decimal?: DecimalMark;
}

/** One imported value of a unit of the map; `line` is the 1-based physical line of the file. */
export interface ImportedRow {
  code: string;
  year: string;
  value: number;
  line: number;
}

/** The national (Latvija) value of a year, kept apart from the units. */
export interface NationalValue {
  year: string;
  value: number;
  line: number;
}

export type IssueKind =
  | 'unknown_place'
  | 'dissolved'
  | 'city_in_novads'
  | 'region'
  | 'pre_merger'
  | 'missing'
  | 'not_a_number'
  | 'invalid_year'
  | 'duplicate'
  | 'malformed';

/** A row, or one year of a row, that was left out (or, in `warnings`, kept with a caveat). */
export interface ImportIssue {
  line: number;
  raw: string;
  kind: IssueKind;
  reason: Bilingual;
  code?: string;
  year?: string;
  /** Every line involved, for a duplicate. */
  lines?: number[];
  /** For a place and year repeated on many rows: how many rows this one issue stands for. */
  count?: number;
}

export type ImportErrorKind =
  | 'empty'
  | 'not_csv'
  | 'no_data_rows'
  | 'no_place_column'
  | 'no_value_column'
  | 'no_year'
  | 'no_filter_column'
  | 'several_series'
  | 'nothing_matched'
  | 'too_large';

/** A fatal problem: an import with an error has no rows and no national values. */
export interface ImportError {
  kind: ImportErrorKind;
  message: Bilingual;
}

/** How the file was read, for the UI to say so. */
export interface ImportFormat {
  delimiter: string;
  decimal: DecimalMark | null;
  layout: 'long' | 'wide';
  title: string;
  placeColumn: string;
  yearColumn?: string;
  valueColumns: string[];
}

export interface ImportResult {
  rows: ImportedRow[];
  national: NationalValue[];
  unmatched: ImportIssue[];
  warnings: ImportIssue[];
  errors: ImportError[];
  /** With a 'several_series' error: the columns that tell the series apart; choose via `filter`. */
  series: { column: string; values: string[] }[];
  format?: ImportFormat;
}

/** An import that failed as a whole: no rows, no national values, one error saying why. */
export function failedImport(kind: ImportErrorKind, message: Bilingual, rest: Partial<ImportResult> = {}): ImportResult {
  const empty: ImportResult = { rows: [], national: [], unmatched: [], warnings: [], errors: [], series: [] };
  return { ...empty, ...rest, rows: [], national: [], errors: [{ kind, message }] };
}
