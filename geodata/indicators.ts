import { readCsvInput } from './csvInput.ts';
import { levelOf, type IndicatorData, type IndicatorMeta, type Observation } from '../src/domain/indicators.ts';
import { cityGeoId } from '../src/domain/units.ts';
import type { CatalogueEntry, CatalogueRole } from './catalogue.ts';
import { PipelineError } from './errors.ts';
import type { RawObservation } from './observation.ts';
import { PERIOD } from './periods.ts';
import { isCurrent, type UnitRow } from './units.ts';

const parse = readCsvInput;

export type { RawObservation } from './observation.ts';


/**
 * Reads one tidy indicator file (`code_or_name,indicator,year,value,unit,source,note`), keeping
 * the catalogued indicators and the places the map knows: unit codes, a municipality's name as
 * `units.csv` writes it (in either language), `city:<Name>` and `LV`. Statistical regions and
 * other prefixed places (`region:…`, `other:…`) are left for later issues and counted, not
 * guessed; a bare name that is no unit stops the build. A category's word becomes its code. A
 * blank value whose note says why is a gap of the source, skipped and counted (never 0); periods
 * an indicator is not read for (`indicator_periods.csv`) are skipped too.
 */
export function readObservations(
  text: string,
  file: string,
  catalogue: (IndicatorMeta & Pick<CatalogueEntry, 'sourceValues' | 'periods'>)[],
  units: UnitRow[],
  cityIdByName: Map<string, string>,
): { rows: RawObservation[]; skipped: number } {
  const byId = new Map(catalogue.map((c) => [c.id, c]));
  const unitCodes = new Set(units.map((u) => u.code));
  const codeByName = new Map(units.flatMap((u) => [[u.nameLv.normalize('NFC'), u.code], [u.nameEn.normalize('NFC'), u.code]] as [string, string][]));
  const rows: RawObservation[] = [];
  let skipped = 0;
  for (const { line, values: v } of parse(text, file, ['code_or_name', 'indicator', 'year', 'value', 'unit', 'source', 'note'])) {
    const indicator = v.indicator ?? '';
    const where = v.code_or_name ?? '';
    const meta = byId.get(indicator);
    if (!meta || (meta.periods && !meta.periods.includes(v.year ?? ''))) {
      skipped++;
      continue;
    }
    let geo: string;
    if (where === 'LV') geo = 'LV';
    else if (/^LV\d{7}$/.test(where)) {
      if (!unitCodes.has(where)) throw new PipelineError(file, line, `unknown unit code "${where}"`);
      geo = where;
    } else if (where.startsWith('city:')) {
      const id = cityIdByName.get(where.slice(5));
      if (!id) throw new PipelineError(file, line, `unknown city "${where.slice(5)}"`);
      geo = cityGeoId(id);
    } else if (!where.includes(':')) {
      geo = codeByName.get(where.trim().normalize('NFC')) ?? '';
      if (!geo) throw new PipelineError(file, line, `unknown municipality name "${where}" (not in units.csv)`);
    } else {
      skipped++;
      continue;
    }
    if ((v.value ?? '').trim() === '') {
      if (!v.note?.trim()) throw new PipelineError(file, line, 'value is empty and the note does not say why');
      skipped++;
      continue;
    }
    const value = meta.sourceValues ? categoryCode(meta, v.value!, file, line) : Number(v.value);
    if (!Number.isFinite(value)) throw new PipelineError(file, line, `value "${v.value}" is not a number`);
    if (!PERIOD.test(v.year ?? '')) throw new PipelineError(file, line, `invalid year "${v.year}"`);
    const row: RawObservation = { geo, indicator, year: v.year!, value, source: v.source ?? '', file, line };
    if (v.note) row.note = v.note;
    rows.push(row);
  }
  return { rows, skipped };
}

/** The code of a category's word in a file ("yes" → 1); any other word stops the build. */
function categoryCode(meta: IndicatorMeta & Pick<CatalogueEntry, 'sourceValues'>, word: string, file: string, line: number): number {
  const code = meta.sourceValues!.get(word.trim());
  if (code === undefined) throw new PipelineError(file, line, `value "${word}" is not a category of "${meta.id}" (expected ${[...meta.sourceValues!.keys()].join(', ')})`);
  return code;
}

const fmt = (n: number) => new Intl.NumberFormat('en-GB').format(n);

/**
 * Moves observations of dissolved units onto the current division. An additive value of a merged
 * unit is the sum of all its parts for the same year (and is marked computed); a category is the
 * one all its parts share (two non-contributors make a non-contributor); a non-additive value,
 * parts in different categories, or a year in which a part is missing, is dropped rather than
 * guessed.
 */
export function toCurrentDivision(rows: RawObservation[], catalogue: IndicatorMeta[], units: UnitRow[], asOf: string): RawObservation[] {
  const additive = new Map(catalogue.map((c) => [c.id, c.additive]));
  const categorical = new Map(catalogue.filter((c) => c.kind === 'category').map((c) => [c.id, c]));
  const byCode = new Map(units.map((u) => [u.code, u]));
  const dissolved = units.filter((u) => !isCurrent(u, asOf));
  const partsOf = new Map<string, UnitRow[]>();
  for (const d of dissolved) {
    const target = byCode.get(d.successorCode)!;
    partsOf.set(target.code, [...(partsOf.get(target.code) ?? [target]), d]);
  }
  const partCodes = new Set([...partsOf.values()].flat().map((u) => u.code));
  const out = rows.filter((r) => !partCodes.has(r.geo));
  for (const [target, parts] of partsOf) {
    const mergeDate = parts.filter((p) => p.code !== target).map((p) => p.validTo).sort()[0]!;
    const keys = new Set(rows.filter((r) => parts.some((p) => p.code === r.geo)).map((r) => `${r.indicator}|${r.year}`));
    for (const key of keys) {
      const [indicator, year] = key.split('|') as [string, string];
      const same = parts.map((p) => rows.find((r) => r.geo === p.code && r.indicator === indicator && r.year === year));
      const targetRow = same[0];
      // A value published after the merge for the target code already describes the enlarged unit.
      if (targetRow && year > mergeDate.slice(0, 4) && same.slice(1).every((s) => s === undefined)) {
        out.push(targetRow);
        continue;
      }
      const category = categorical.get(indicator);
      if (category && same.every((s) => s !== undefined) && new Set(same.map((s) => s!.value)).size === 1) {
        out.push(mergedCategory(category, same as RawObservation[], parts, mergeDate));
        continue;
      }
      if (!additive.get(indicator) || same.some((s) => s === undefined)) continue;
      const present = same as RawObservation[];
      const names = parts.map((p, i) => ({ lv: p.nameLv, en: p.nameEn, v: present[i]!.value }));
      out.push({
        geo: target,
        indicator,
        year,
        value: present.reduce((s, r) => s + r.value, 0),
        source: present[0]!.source,
        file: present[0]!.file,
        line: present[0]!.line,
        computed: {
          lv: `Aprēķināts: ${names.map((n) => `${n.lv} (${fmt(n.v).replace(/,/g, ' ')})`).join(' + ')}; apvienoti ${mergeDate.slice(0, 4)}. gadā`,
          en: `Computed: ${names.map((n) => `${n.en} (${fmt(n.v)})`).join(' + ')}; merged in ${mergeDate.slice(0, 4)}`,
        },
      });
    }
  }
  return out;
}

/** The observation of a merged unit whose parts were all in one category, naming each part's. */
function mergedCategory(meta: IndicatorMeta, rows: RawObservation[], parts: UnitRow[], mergeDate: string): RawObservation {
  const first = rows[0]!;
  const c = meta.categories?.find((k) => k.code === first.value);
  const names = parts.map((u) => ({ lv: `${u.nameLv} (${c?.nameLv ?? first.value})`, en: `${u.nameEn} (${c?.nameEn ?? first.value})` }));
  // parts[0] is the unit the others merged into.
  const merged: RawObservation = { ...first, geo: parts[0]!.code };
  merged.computed = {
    lv: `Aprēķināts: ${names.map((n) => n.lv).join(' + ')}; apvienoti ${mergeDate.slice(0, 4)}. gadā`,
    en: `Computed: ${names.map((n) => n.en).join(' + ')}; merged in ${mergeDate.slice(0, 4)}`,
  };
  return merged;
}

/**
 * Keeps what an indicator's level allows. A city indicator exists for the ten state cities only
 * (their place ids: a state city's unit code or `city:<id>`) and the national value; a row of it
 * for another place, such as the few novadi a GDP release also named, is skipped and counted.
 */
export function keepLevel(rows: RawObservation[], catalogue: IndicatorMeta[], cityGeos: ReadonlySet<string>): { rows: RawObservation[]; skipped: number } {
  const city = new Set(catalogue.filter((c) => levelOf(c) === 'city').map((c) => c.id));
  const kept = rows.filter((r) => !city.has(r.indicator) || r.geo === 'LV' || cityGeos.has(r.geo));
  return { rows: kept, skipped: rows.length - kept.length };
}

/** The catalogue entry as the app reads it, with a fixed key order for a deterministic file. */
function publicMeta(c: IndicatorMeta): IndicatorMeta {
  const meta: IndicatorMeta = {
    id: c.id,
    nameLv: c.nameLv,
    nameEn: c.nameEn,
    dimension: c.dimension,
    level: levelOf(c),
    unitLv: c.unitLv,
    unitEn: c.unitEn,
    kind: c.kind,
    additive: c.additive,
    polarity: c.polarity,
    sourceProducer: c.sourceProducer ?? '',
    sourceTable: c.sourceTable ?? '',
    sourceLabel: c.sourceLabel,
    ...(c.sourceLabelEn ? { sourceLabelEn: c.sourceLabelEn } : {}),
    sourceUrl: c.sourceUrl,
    noteLv: c.noteLv ?? '',
    noteEn: c.noteEn,
  };
  if (c.categories) meta.categories = c.categories.map((k) => ({ code: k.code, nameLv: k.nameLv, nameEn: k.nameEn, neutral: k.neutral }));
  if (c.scope) meta.scope = { indicator: c.scope.indicator, category: c.scope.category };
  if (c.computed) meta.computed = { lv: c.computed.lv, en: c.computed.en, formula: c.computed.formula, inputs: [...c.computed.inputs] };
  return meta;
}

/**
 * Deduplicates sources into a list and sorts observations stably for a deterministic file.
 * Catalogue rows with `role: input` (figures read only to compute others) are left out.
 */
export function packIndicatorData(catalogue: (IndicatorMeta & { role?: CatalogueRole })[], rows: RawObservation[]): IndicatorData {
  const shown = catalogue.filter((c) => c.role !== 'input');
  const shownIds = new Set(shown.map((c) => c.id));
  const kept = rows.filter((r) => shownIds.has(r.indicator));
  const sources = [...new Set(kept.map((r) => r.source))].sort();
  const index = new Map(sources.map((s, i) => [s, i]));
  const observations: Observation[] = kept
    .map(({ file: _f, line: _l, source, ...rest }) => ({ ...rest, source: index.get(source)! }))
    .sort((a, b) => a.indicator.localeCompare(b.indicator) || a.geo.localeCompare(b.geo) || a.year.localeCompare(b.year));
  const used = new Set(observations.map((o) => o.indicator));
  return { indicators: shown.filter((c) => used.has(c.id)).map(publicMeta), sources, observations };
}
