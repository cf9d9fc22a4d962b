import { headerDelimiter, parseCsvRecords } from '../csv.ts';
import { CSV_FORMATS, formatCsv, type CsvFormat } from '../csvWrite.ts';
import { ASSIGNMENT_COLUMNS, assignmentError, readAssignment, type AssignmentParseResult, type HinterlandAssignment } from './assignment.ts';

// The CSV text side of an assignment (read with papaparse), apart from assignment.ts so that the
// first view, which only reads the shipped assignment parsed at build time, does not load the parser.

/**
 * Reads a hinterland assignment CSV file, ',' or ';' separated as its header is; see
 * `readAssignment` for the checks.
 */
export function parseAssignmentCsv(text: string, knownUnitCodes: Iterable<string>, knownCityIds: Iterable<string>): AssignmentParseResult {
  let parsed: ReturnType<typeof parseCsvRecords>;
  try {
    // The header decides the delimiter: a ';' file's reasons and sources may hold commas.
    parsed = parseCsvRecords(text, headerDelimiter(text));
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const line = Number(/^line (\d+):/.exec(message)?.[1] ?? 0);
    return { ok: false, errors: [assignmentError(line, `CSV nav nolasāms: ${message}`, `CSV cannot be read: ${message}`)] };
  }
  return readAssignment(parsed, knownUnitCodes, knownCityIds);
}

/**
 * Writes an assignment as CSV (`formatCsv`) with the columns of `ASSIGNMENT_COLUMNS`, in row
 * order, so that `parseAssignmentCsv` reads back the same rows in either format. Every cell is
 * text: the format changes only the delimiter. A field must not hold a line break: the file is
 * edited by hand, one unit a line.
 */
export function assignmentToCsv(assignment: HinterlandAssignment, format: CsvFormat = CSV_FORMATS.comma): string {
  const data = assignment.map((a) => [a.code, a.name, a.cityId ?? '', a.role ?? '', a.reason.lv, a.reason.en, a.source]);
  return formatCsv([[...ASSIGNMENT_COLUMNS], ...data], format);
}
