import { parseCsvRecords, requireColumns, type CsvRecord } from '../src/domain/csv.ts';
import { PipelineError } from './errors.ts';

/**
 * The records of one of the pipeline's CSV inputs, after checking that it has `columns`; a file
 * that cannot be parsed or lacks a column stops the build naming the file (the line is named by
 * each reader for the problems of its own rows).
 */
export function readCsvInput(text: string, file: string, columns: readonly string[]): CsvRecord[] {
  try {
    const parsed = parseCsvRecords(text);
    requireColumns(parsed.header, columns);
    return parsed.records;
  } catch (e) {
    throw new PipelineError(file, null, (e as Error).message);
  }
}
