/**
 * Derived indicators: ratios and changes the pipeline computes from published figures and from the
 * area it measures on the boundaries. A catalogue row's `computed` column holds the formula:
 *
 *   ratio(a, b[, factor])          a ÷ b × factor, for each place and year where both exist
 *   ratio(a@2024, b@2026, 10000)   inputs pinned to years; a label "2024/2026" if they differ
 *   change_pct(a, 2012, 2024)      (a 2024 − a 2012) ÷ a 2012 × 100, year label "2012-2024"
 *   listed(a)                      a category: the units with a figure of `a` in a year are in the
 *                                  category that scopes `a`, every other unit of that year's
 *                                  division in the neutral one (only for a source whose list is
 *                                  complete: `categories.ts`)
 *
 * `a`/`b` are catalogue ids or `area_km2` / `area_ha` (the computed area, km² × 100 = ha). A value
 * is made only when every input exists: never filled from another year, place or source.
 */
import type { ComputedNote, IndicatorMeta, IndicatorRecipe } from '../src/domain/indicators.ts';
import type { RawObservation } from './observation.ts';
import { sourceLabel } from '../src/domain/provenance.ts';

export type Operand = { kind: 'input'; id: string; year?: string } | { kind: 'area'; unit: 'km2' | 'ha' };
export type Formula =
  | { fn: 'ratio'; num: Operand & { kind: 'input' }; den: Operand; factor: number }
  | { fn: 'change_pct'; id: string; from: string; to: string }
  | { fn: 'listed'; id: string };

const YEAR = /^\d{4}$/;
const ID = /^[a-z][a-z0-9_]*$/;

function operand(text: string): Operand {
  if (text === 'area_km2') return { kind: 'area', unit: 'km2' };
  if (text === 'area_ha') return { kind: 'area', unit: 'ha' };
  const [id = '', year, extra] = text.split('@');
  if (!ID.test(id) || extra !== undefined || (year !== undefined && !YEAR.test(year))) throw new Error(`"${text}" is not an input (id, id@YYYY, area_km2 or area_ha)`);
  return year === undefined ? { kind: 'input', id } : { kind: 'input', id, year };
}

/** Reads a formula of the catalogue's `computed` column; an Error's message says what is wrong. */
export function parseFormula(text: string): Formula {
  const m = /^\s*([a-z_]+)\((.*)\)\s*$/.exec(text);
  if (!m) throw new Error(`formula "${text}" is not of the form name(arguments)`);
  const args = m[2]!.split(',').map((a) => a.trim());
  if (m[1] === 'ratio') {
    if (args.length < 2 || args.length > 3) throw new Error('ratio takes 2 or 3 arguments: ratio(a, b[, factor])');
    const num = operand(args[0]!);
    const den = operand(args[1]!);
    if (num.kind !== 'input') throw new Error('the numerator of a ratio must be an indicator, not the area');
    const factor = args[2] === undefined ? 1 : Number(args[2]);
    if (!Number.isFinite(factor) || factor <= 0 || args[2] === '') throw new Error(`factor "${args[2]}" is not a positive number`);
    if (den.kind === 'input' && (num.year === undefined) !== (den.year === undefined)) {
      throw new Error('pin both inputs of a ratio to years, or neither');
    }
    return { fn: 'ratio', num, den, factor };
  }
  if (m[1] === 'change_pct') {
    const [id = '', from = '', to = ''] = args;
    if (args.length !== 3 || !ID.test(id) || !YEAR.test(from) || !YEAR.test(to) || from >= to) {
      throw new Error('change_pct takes an indicator and two ascending years: change_pct(id, YYYY, YYYY)');
    }
    return { fn: 'change_pct', id, from, to };
  }
  if (m[1] === 'listed') {
    if (args.length !== 1 || !ID.test(args[0]!)) throw new Error('listed takes one indicator: listed(id)');
    return { fn: 'listed', id: args[0]! };
  }
  throw new Error(`unknown formula "${m[1]}" (expected ratio, change_pct or listed)`);
}

/** The catalogue ids a formula reads (not the area). */
export function formulaInputs(f: Formula): string[] {
  if (f.fn === 'change_pct' || f.fn === 'listed') return [f.id];
  return [f.num, f.den].flatMap((o) => (o.kind === 'input' ? [o.id] : []));
}

const fmtEn = (n: number, minFrac = 0) => new Intl.NumberFormat('en-GB', { minimumFractionDigits: minFrac, maximumFractionDigits: 6 }).format(n);
/** Latvian style: space between thousands, decimal comma. */
const fmtLv = (n: number, minFrac = 0) => fmtEn(n, minFrac).replace(/,/g, ' ').replace('.', ',');

type Names = (id: string) => Pick<IndicatorMeta, 'nameLv' | 'nameEn'>;

/** The recipe of a derived indicator in both languages, for its catalogue entry. */
export function describeRecipe(formula: string, f: Formula, names: Names): IndicatorRecipe {
  if (f.fn === 'listed') {
    const { nameLv, nameEn } = names(f.id);
    return {
      lv: `Aprēķināts šajā kartē: vienībām ar skaitli rādītājā „${nameLv}“ ir tā kategorija, pārējām tā gada vienībām – neitrālā (avota saraksts ir pilnīgs)`,
      en: `Computed by this map: the units with a figure of "${nameEn}" are in its category, every other unit of that year in the neutral one (the source's list is complete)`,
      formula,
      inputs: [f.id],
    };
  }
  const inputs = f.fn === 'change_pct' ? [f.id] : [f.num, f.den].map((o) => (o.kind === 'input' ? o.id : `area_${o.unit}`));
  const missing = { lv: '; ja trūkst kādas ievadvērtības, vērtības nav', en: '; no value where an input is missing' };
  if (f.fn === 'change_pct') {
    const { nameLv, nameEn } = names(f.id);
    return {
      lv: `Aprēķināts šajā kartē: (${nameLv} ${f.to}. g. − ${nameLv} ${f.from}. g.) ÷ ${nameLv} ${f.from}. g. × 100, no vienas rindas divām vērtībām${missing.lv}`,
      en: `Computed by this map: (${nameEn} ${f.to} − ${nameEn} ${f.from}) ÷ ${nameEn} ${f.from} × 100, from two values of the same series${missing.en}`,
      formula,
      inputs,
    };
  }
  const term = (o: Operand, lang: 'lv' | 'en') => {
    if (o.kind === 'area') {
      if (lang === 'lv') return o.unit === 'km2' ? 'platība km², aprēķināta no robežām' : 'platība ha (km² × 100), aprēķināta no robežām';
      return o.unit === 'km2' ? 'area in km² computed from the boundaries' : 'area in ha (km² × 100) computed from the boundaries';
    }
    const n = names(o.id);
    return lang === 'lv' ? `${n.nameLv}${o.year ? ` (${o.year}. g.)` : ''}` : `${n.nameEn}${o.year ? ` (${o.year})` : ''}`;
  };
  const times = (fmt: (n: number) => string) => (f.factor === 1 ? '' : ` × ${fmt(f.factor)}`);
  return {
    lv: `Aprēķināts šajā kartē: ${term(f.num, 'lv')} ÷ ${term(f.den, 'lv')}${times(fmtLv)}${missing.lv}`,
    en: `Computed by this map: ${term(f.num, 'en')} ÷ ${term(f.den, 'en')}${times(fmtEn)}${missing.en}`,
    formula,
    inputs,
  };
}

/** What deriving needs to know about one catalogue row. */
export interface DerivedSpec {
  id: string;
  formula: Formula;
  decimals: number;
}

type Meta = Pick<IndicatorMeta, 'id' | 'nameLv' | 'nameEn' | 'sourceLabel' | 'sourceLabelEn'>;

const round = (n: number, d: number) => Math.round(n * 10 ** d) / 10 ** d;

/** An input figure as the notes name it: indicator, year, value (with how it was summed), source. */
function inputText(meta: Meta, o: RawObservation): ComputedNote {
  const inner = (c: string | undefined, prefix: RegExp) => (c ? ` [${c.replace(prefix, '')}]` : '');
  return {
    lv: `${meta.nameLv} ${o.year}. g. (${fmtLv(o.value)}${inner(o.computed?.lv, /^Aprēķināts: /)}; ${meta.sourceLabel})`,
    en: `${meta.nameEn} ${o.year} (${fmtEn(o.value)}${inner(o.computed?.en, /^Computed: /)}; ${sourceLabel(meta, 'en')})`,
  };
}

function areaText(geo: string, km2: number, unit: 'km2' | 'ha'): ComputedNote {
  const ha = unit === 'ha';
  if (geo === 'LV') {
    return {
      lv: `Latvijas platība (${fmtLv(km2, 1)} km²${ha ? ` × 100 = ${fmtLv(round(km2 * 100, 0))} ha` : ''}, no robežām aprēķināto pašvaldību platību summa)`,
      en: `area of Latvia (${fmtEn(km2, 1)} km²${ha ? ` × 100 = ${fmtEn(round(km2 * 100, 0))} ha` : ''}, the sum of the municipalities' areas computed from the boundaries)`,
    };
  }
  return {
    lv: `platība (${fmtLv(km2, 1)} km²${ha ? ` × 100 = ${fmtLv(round(km2 * 100, 0))} ha` : ''}, aprēķināta no robežām)`,
    en: `area (${fmtEn(km2, 1)} km²${ha ? ` × 100 = ${fmtEn(round(km2 * 100, 0))} ha` : ''}, computed from the boundaries)`,
  };
}

/**
 * Computes every derived indicator from observations already on the current division (so a merged
 * unit's additive inputs are its summed parts). `areaKm2` holds the computed area of each current
 * unit and of Latvia (`LV`). A value needs all of its inputs for the same place (and year, unless
 * pinned) and a non-zero denominator; otherwise there is no observation.
 */
export function deriveObservations(rows: RawObservation[], specs: DerivedSpec[], catalogue: Meta[], areaKm2: Map<string, number>): RawObservation[] {
  const metaOf = new Map(catalogue.map((c) => [c.id, c]));
  const index = new Map(rows.map((r) => [`${r.indicator}|${r.geo}|${r.year}`, r]));
  const find = (id: string, geo: string, year: string) => index.get(`${id}|${geo}|${year}`);
  const out: RawObservation[] = [];
  const emit = (spec: DerivedSpec, base: RawObservation, year: string, value: number, computed: ComputedNote) => {
    out.push({ geo: base.geo, indicator: spec.id, year, value: round(value, spec.decimals), source: base.source, file: base.file, line: base.line, computed });
  };
  for (const spec of specs) {
    const f = spec.formula;
    // Categories from a list are made before the division is merged (categories.ts).
    if (f.fn === 'listed') continue;
    if (f.fn === 'change_pct') {
      const meta = metaOf.get(f.id)!;
      for (const a of rows.filter((r) => r.indicator === f.id && r.year === f.from)) {
        const b = find(f.id, a.geo, f.to);
        if (!b || a.value === 0) continue;
        const [ta, tb] = [inputText(meta, a), inputText(meta, b)];
        emit(spec, a, `${f.from}-${f.to}`, ((b.value - a.value) / a.value) * 100, {
          lv: `Aprēķināts: (${tb.lv} − ${ta.lv}) ÷ ${meta.nameLv} ${f.from}. g. × 100`,
          en: `Computed: (${tb.en} − ${ta.en}) ÷ ${meta.nameEn} ${f.from} × 100`,
        });
      }
      continue;
    }
    const numMeta = metaOf.get(f.num.id)!;
    for (const n of rows.filter((r) => r.indicator === f.num.id && (f.num.year === undefined || r.year === f.num.year))) {
      let den: { value: number; text: ComputedNote; year?: string } | undefined;
      if (f.den.kind === 'area') {
        const km2 = areaKm2.get(n.geo);
        if (km2 !== undefined) den = { value: f.den.unit === 'ha' ? km2 * 100 : km2, text: areaText(n.geo, km2, f.den.unit) };
      } else {
        const d = find(f.den.id, n.geo, f.den.year ?? n.year);
        if (d) den = { value: d.value, text: inputText(metaOf.get(f.den.id)!, d), year: d.year };
      }
      if (!den || den.value === 0) continue;
      const num = inputText(numMeta, n);
      const mixed = den.year !== undefined && den.year !== n.year;
      const times = (fmt: (x: number) => string) => (f.factor === 1 ? '' : ` × ${fmt(f.factor)}`);
      emit(spec, n, mixed ? `${n.year}/${den.year}` : n.year, (n.value / den.value) * f.factor, {
        lv: `Aprēķināts: ${num.lv} ÷ ${den.text.lv}${times(fmtLv)}${mixed ? `; ievaddati no dažādiem gadiem (${n.year} un ${den.year})` : ''}`,
        en: `Computed: ${num.en} ÷ ${den.text.en}${times(fmtEn)}${mixed ? `; inputs from different years (${n.year} and ${den.year})` : ''}`,
      });
    }
  }
  return out;
}
