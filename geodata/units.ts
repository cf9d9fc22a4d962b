import { readCsvInput } from './csvInput.ts';
import type { UnitKind } from '../src/domain/units.ts';
import { PipelineError } from './errors.ts';

/** A row of `geodata/inputs/units.csv`: one local-government unit since the 2021 reform. */
export interface UnitRow {
  line: number;
  code: string;
  atvk: string;
  iso: string;
  nameLv: string;
  nameEn: string;
  kind: UnitKind;
  region: string;
  validFrom: string;
  validTo: string;
  successorCode: string;
  containsCity: string;
}

const COLUMNS = ['code', 'atvk', 'iso3166_2', 'name_lv', 'name_en', 'kind', 'planning_region', 'valid_from', 'valid_to', 'successor_code', 'contains_state_city'] as const;

/** Reads and checks the unit table: known kinds, unique codes, successors that exist. */
export function readUnits(text: string, file: string): UnitRow[] {
  const records = readCsvInput(text, file, COLUMNS);
  const rows: UnitRow[] = [];
  const seen = new Set<string>();
  for (const { line, values: v } of records) {
    const kind = v.kind;
    if (kind !== 'state_city' && kind !== 'novads') throw new PipelineError(file, line, `unknown kind "${kind}"`);
    const code = v.code ?? '';
    if (!/^LV\d{7}$/.test(code)) throw new PipelineError(file, line, `invalid CSP area code "${code}"`);
    if (seen.has(code)) throw new PipelineError(file, line, `unit ${code} listed twice`);
    seen.add(code);
    rows.push({
      line,
      code,
      atvk: v.atvk ?? '',
      iso: v.iso3166_2 ?? '',
      nameLv: v.name_lv ?? '',
      nameEn: v.name_en ?? '',
      kind,
      region: v.planning_region ?? '',
      validFrom: v.valid_from ?? '',
      validTo: v.valid_to ?? '',
      successorCode: v.successor_code ?? '',
      containsCity: v.contains_state_city ?? '',
    });
  }
  for (const r of rows) {
    if (r.successorCode && !seen.has(r.successorCode)) {
      throw new PipelineError(file, r.line, `successor ${r.successorCode} is not a known unit`);
    }
  }
  return rows;
}

/** Whether a unit still exists on the given ISO date (valid_to empty or not before it). */
export function isCurrent(unit: UnitRow, asOf: string): boolean {
  return unit.validTo === '' || unit.validTo >= asOf;
}

/**
 * The unit of the current division that a (possibly dissolved) unit belongs to: itself, or the
 * end of its successor chain. Varakļānu novads → Madonas novads from 2025-07-01.
 */
export function currentUnitOf(code: string, units: UnitRow[], asOf: string): UnitRow {
  const byCode = new Map(units.map((u) => [u.code, u]));
  let unit = byCode.get(code);
  for (let hops = 0; unit && !isCurrent(unit, asOf); hops++) {
    if (hops > units.length) throw new Error(`successor cycle at ${code}`);
    unit = byCode.get(unit.successorCode);
  }
  if (!unit) throw new Error(`no current unit for ${code}`);
  return unit;
}
