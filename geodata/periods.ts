import { readCsvInput } from './csvInput.ts';
import { PipelineError } from './errors.ts';

/** A year, a month ("2025-07") or a quarter ("2021-Q3"): the periods an indicator file may give. */
export const PERIOD = /^\d{4}(-\d{2}|-Q[1-4])?$/;

/**
 * Reads `inputs/indicator_periods.csv` (`indicator,periods,note`): for an indicator listed there,
 * only the given periods (separated by spaces) are read, and its rows of other periods are skipped
 * and counted. For a file that mixes releases of one indicator id whose definitions may differ
 * (the 2021 Q3 wages of the state cities beside figures of other years from other articles), the
 * note says why.
 */
export function readPeriods<E extends { id: string; periods?: readonly string[] }>(text: string, file: string, catalogue: E[]): E[] {
  const periods = new Map<string, string[]>();
  const known = new Set(catalogue.map((c) => c.id));
  for (const { line, values: v } of readCsvInput(text, file, ['indicator', 'periods', 'note'])) {
    const id = v.indicator ?? '';
    if (!known.has(id)) throw new PipelineError(file, line, `unknown indicator "${id}" (not in the catalogue)`);
    if (periods.has(id)) throw new PipelineError(file, line, `"${id}" listed twice`);
    const list = (v.periods ?? '').split(/\s+/).filter(Boolean);
    if (list.length === 0) throw new PipelineError(file, line, `no periods for "${id}"`);
    for (const p of list) if (!PERIOD.test(p)) throw new PipelineError(file, line, `invalid period "${p}"`);
    if (!v.note?.trim()) throw new PipelineError(file, line, `"${id}": say in the note why only ${list.join(', ')} is read`);
    periods.set(id, list);
  }
  return catalogue.map((c) => (periods.has(c.id) ? { ...c, periods: periods.get(c.id)! } : c));
}
