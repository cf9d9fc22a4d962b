import { parseCsvRecords, requireColumns } from '../src/domain/csv.ts';
import type { Dimension, IndicatorKind, IndicatorLevel, IndicatorMeta, Polarity } from '../src/domain/indicators.ts';
import { describeRecipe, formulaInputs, parseFormula, type DerivedSpec, type Formula } from './derived.ts';
import { PipelineError } from './errors.ts';

const DIMENSIONS: Dimension[] = ['social', 'economic', 'environmental'];
const KINDS: IndicatorKind[] = ['count', 'rate', 'share', 'change', 'category'];
const POLARITIES: Polarity[] = ['higher_better', 'higher_worse', 'neutral'];
const LEVELS: IndicatorLevel[] = ['municipality', 'city'];
const ROLES = ['indicator', 'input'] as const;
export type CatalogueRole = (typeof ROLES)[number];

const REQUIRED = ['id', 'name_lv', 'name_en', 'dimension', 'unit_lv', 'unit_en', 'kind', 'additive', 'polarity', 'source_label', 'source_url', 'note_en'];
/**
 * Columns added with the strategy indicators. A catalogue without one of them reads as before
 * (level municipality, role indicator, nothing computed); where the column exists, every row is
 * checked.
 */
const OPTIONAL = ['note_lv', 'level', 'role', 'computed', 'decimals', 'source_producer', 'source_table', 'source_label_en'];

/**
 * One row of the catalogue: what the app shows (`IndicatorMeta`) and what only the pipeline needs.
 * `role: input` rows are read, merged and used by formulas but not written to indicators.json.
 */
export interface CatalogueEntry extends IndicatorMeta {
  role: CatalogueRole;
  line: number;
  formula?: Formula;
  decimals?: number;
  /** For a categorical indicator: the code of each word its files use ("yes" → 1), from `indicator_categories.csv`. */
  sourceValues?: ReadonlyMap<string, number>;
  /** The only periods read for the indicator (`indicator_periods.csv`); its rows of other periods are skipped. */
  periods?: readonly string[];
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], what: string, file: string, line: number): T {
  if (!allowed.includes(value as T)) throw new PipelineError(file, line, `unknown ${what} "${value}" (expected ${allowed.join(', ')})`);
  return value as T;
}

function readRows(text: string, file: string) {
  try {
    const parsed = parseCsvRecords(text);
    requireColumns(parsed.header, REQUIRED);
    return parsed;
  } catch (e) {
    throw new PipelineError(file, null, (e as Error).message);
  }
}

/**
 * Reads and checks the hand-curated indicator catalogue (one row per indicator). Every refusal
 * names the file and line: unknown values, duplicate ids, a rate marked additive, a formula that
 * does not parse or reads an unknown, computed or other-level input, missing rounding.
 */
export function readCatalogue(text: string, file: string): CatalogueEntry[] {
  const { header, records } = readRows(text, file);
  const has = new Set(OPTIONAL.filter((c) => header.includes(c)));
  const entries: CatalogueEntry[] = [];
  const seen = new Set<string>();
  const formulaText = new Map<string, string>();
  for (const { line, values: v } of records) {
    const fail = (reason: string): never => {
      throw new PipelineError(file, line, reason);
    };
    const id = v.id ?? '';
    if (!/^[a-z][a-z0-9_]*$/.test(id)) fail(`invalid indicator id "${id}" (lower-case letters, digits and _)`);
    if (seen.has(id)) fail(`indicator "${id}" listed twice`);
    seen.add(id);
    for (const c of ['name_lv', 'name_en', 'unit_lv', 'unit_en']) if (!v[c]?.trim()) fail(`${c} of "${id}" is empty`);
    const kind = oneOf(v.kind, KINDS, 'kind', file, line);
    const additive = oneOf(v.additive, ['yes', 'no'], 'additive flag', file, line) === 'yes';
    if (additive && kind !== 'count') fail(`"${id}" is a ${kind}: only counts may be additive`);
    const entry: CatalogueEntry = {
      id,
      nameLv: v.name_lv!,
      nameEn: v.name_en!,
      dimension: oneOf(v.dimension, DIMENSIONS, 'dimension', file, line),
      unitLv: v.unit_lv!,
      unitEn: v.unit_en!,
      kind,
      additive,
      polarity: oneOf(v.polarity, POLARITIES, 'polarity', file, line),
      sourceLabel: v.source_label ?? '',
      // The label in English where the source's own is Latvian ("CSP, Publiskās bibliotēkas" → "CSP, Public libraries").
      ...(v.source_label_en?.trim() ? { sourceLabelEn: v.source_label_en.trim() } : {}),
      sourceUrl: v.source_url ?? '',
      noteEn: v.note_en ?? '',
      noteLv: v.note_lv ?? '',
      level: has.has('level') ? oneOf(v.level, LEVELS, 'level', file, line) : 'municipality',
      sourceProducer: v.source_producer ?? '',
      sourceTable: v.source_table ?? '',
      role: has.has('role') ? oneOf(v.role, ROLES, 'role', file, line) : 'indicator',
      line,
    };
    const formula = v.computed?.trim() ?? '';
    const decimals = v.decimals?.trim() ?? '';
    if (formula) {
      formulaText.set(id, formula);
      try {
        entry.formula = parseFormula(formula);
      } catch (e) {
        fail((e as Error).message);
      }
      if (additive) fail(`"${id}" is computed: a ratio or change is never additive`);
      if (entry.role === 'input') fail(`"${id}" is computed: an input must be a published figure`);
      if (entry.formula!.fn === 'change_pct' && kind !== 'change') fail(`"${id}" uses change_pct: its kind must be change`);
      if (entry.formula!.fn === 'ratio' && kind !== 'rate' && kind !== 'share') fail(`"${id}" is a ratio: its kind must be rate or share`);
      if ((entry.formula!.fn === 'listed') !== (kind === 'category')) fail(`"${id}": listed() makes categories, and a category is computed only by listed()`);
      if (entry.formula!.fn === 'listed') {
        if (decimals) fail(`"${id}" is a category: decimals do not apply`);
      } else {
        if (!/^[0-6]$/.test(decimals)) fail(`"${id}" is computed: decimals must be a whole number 0–6, not "${decimals}"`);
        entry.decimals = Number(decimals);
      }
    } else if (decimals) {
      fail(`"${id}" is published as given: decimals apply only to computed indicators`);
    }
    entries.push(entry);
  }
  const byId = new Map(entries.map((e) => [e.id, e]));
  for (const e of entries) {
    if (!e.formula) continue;
    for (const input of formulaInputs(e.formula)) {
      const other = byId.get(input);
      if (!other) throw new PipelineError(file, e.line, `"${e.id}" reads "${input}", which is not in the catalogue`);
      if (other.formula) throw new PipelineError(file, e.line, `"${e.id}" reads "${input}", which is itself computed`);
      if (other.level !== e.level) throw new PipelineError(file, e.line, `"${e.id}" (${e.level}) reads "${input}" (${other.level}): levels differ`);
    }
    e.computed = describeRecipe(formulaText.get(e.id)!, e.formula, (id) => byId.get(id)!);
  }
  return entries;
}

/** The derived indicators of a catalogue, for `deriveObservations`. */
export function derivedSpecs(catalogue: CatalogueEntry[]): DerivedSpec[] {
  return catalogue.flatMap((c) => (c.formula && c.decimals !== undefined ? [{ id: c.id, formula: c.formula, decimals: c.decimals }] : []));
}
