import type { Bilingual } from './bilingual.ts';

/** The strategy dimension an indicator fits (not the strategy's own targets). */
export type Dimension = 'social' | 'economic' | 'environmental';
/**
 * What a value is. 'category' is a class, not a quantity: its observations hold a category's
 * numeric code (`IndicatorMeta.categories` names each code), never summed, ranked or classified.
 */
export type IndicatorKind = 'count' | 'rate' | 'share' | 'change' | 'category';
export type Polarity = 'higher_better' | 'higher_worse' | 'neutral';

/**
 * Where an indicator exists. 'municipality': the 42 units of the current division (a choropleth;
 * a unit without a value is no data). 'city': only the ten state cities, stored under each city's
 * place id (the unit code of the seven state cities with their own unit, `city:<id>` for Valmiera,
 * Jēkabpils and Ogre): draw it as proportional symbols, never as a mostly empty choropleth.
 * Either level may also carry the national value under `LV`.
 */
export type IndicatorLevel = 'municipality' | 'city';

/**
 * How a derived indicator is made: the recipe in both languages, the machine-readable formula of
 * the catalogue, and the ids of its inputs (`area_km2`/`area_ha` is the area the pipeline computes
 * from the boundaries; an input may be a catalogue row the app does not list).
 */
export interface IndicatorRecipe {
  lv: string;
  en: string;
  formula: string;
  inputs: string[];
}

/**
 * One indicator of the catalogue `public/data/indicators.json`. The fields after `noteEn` are
 * always written by the pipeline; they are optional in the type only so that hand-made fixtures
 * stay valid (read the level through `levelOf`).
 */
export interface IndicatorMeta {
  id: string;
  nameLv: string;
  nameEn: string;
  dimension: Dimension;
  unitLv: string;
  unitEn: string;
  kind: IndicatorKind;
  /** Whether values of two units may be summed (counts, km, ha) — never true for rates. */
  additive: boolean;
  polarity: Polarity;
  /** Short label of the source for the legend: producer and table, e.g. "CSP IRD041" (in Latvian where the table has a title, not a code). */
  sourceLabel: string;
  /** The same in English, where it differs ("CSP, Public libraries …"). */
  sourceLabelEn?: string;
  sourceUrl: string;
  noteEn: string;
  noteLv?: string;
  level?: IndicatorLevel;
  /** Who published the figures, e.g. "CSP". */
  sourceProducer?: string;
  /** The producer's table code (e.g. "IRD041") or, where the export has none, its title. */
  sourceTable?: string;
  /** Set when the pipeline derives the indicator from others; its observations carry `computed`. */
  computed?: IndicatorRecipe;
  /** For kind 'category': every category, in legend order. */
  categories?: IndicatorCategory[];
  /** Set when the figure exists only for the places in one category of another indicator. */
  scope?: IndicatorScope;
}

/**
 * One category of a categorical indicator: the code its observations hold and its name in both
 * languages. A `neutral` category says the thing does not apply ("not eligible", "does not
 * contribute"): a real answer for that place, drawn light grey, never the no-data hatch.
 */
export interface IndicatorCategory {
  code: number;
  nameLv: string;
  nameEn: string;
  neutral: boolean;
}

/**
 * A figure that exists only for the places in one category of a categorical indicator in the same
 * year (a contribution only for contributors): a place in another category has none by definition
 * and is shown with that category, not as no data.
 */
export interface IndicatorScope {
  indicator: string;
  category: number;
}

/** Where an indicator exists; catalogue rows written before `level` existed are municipal. */
export function levelOf(meta: IndicatorMeta): IndicatorLevel {
  return meta.level ?? 'municipality';
}

/** How a value the pipeline computed was made, in both languages. */
export interface ComputedNote {
  lv: string;
  en: string;
}

/**
 * One figure: where (`geo`: a CSP area code, `city:<id>` or `LV`), what, when and from where.
 * `year` is a calendar year ("2026"); a change between two years is the period "2012-2024"; a
 * ratio of inputs from two different years names both, numerator first ("2024/2026").
 * `source` indexes `IndicatorData.sources` (for a computed value: its first input's source);
 * `computed` is set when the pipeline derived the value and names every input, source and year.
 */
export interface Observation {
  geo: string;
  indicator: string;
  year: string;
  value: number;
  source: number;
  /** The note of the input row, as written (in English, by whoever compiled the file). */
  note?: string;
  /** `note` in both languages, where this project gives a pair (`geodata/inputs/indicator_text_pairs.csv`). */
  notePair?: TextPair;
  computed?: ComputedNote;
}

/** The indicators as the app uses them; `public/data/indicators.json` stores them as `IndicatorFile` (indicatorFile.ts). */
export interface IndicatorData {
  indicators: IndicatorMeta[];
  /** The provenance lines of the input rows, each once, as written. */
  sources: string[];
  /**
   * `sources[i]` in both languages where this project gives a pair, else null; absent when no
   * line has one, and it may be shorter than `sources` (user sources appended after it have none).
   */
  sourcePairs?: (TextPair | null)[];
  observations: Observation[];
}

/**
 * A text of the data in both languages: this project's Latvian and English rendering of a
 * provenance line or a note that its input file writes in one language.
 */
export type TextPair = Bilingual;

/**
 * A text of the data as it can be shown: a pair, shown in the reader's language, or a string,
 * the text as its input file writes it (in English), shown as written and marked for a Latvian reader.
 */
export type DataText = string | TextPair;

/** The provenance line `sources[i]`: its pair where there is one, else as written; null for an index without a line. */
export function sourceText(data: Pick<IndicatorData, 'sources' | 'sourcePairs'>, i: number): DataText | null {
  const line = data.sources[i];
  if (line === undefined) return null;
  return data.sourcePairs?.[i] ?? line;
}

/** An observation's note: its pair where there is one, else as written; undefined without a note. */
export function noteText(o: Pick<Observation, 'note' | 'notePair'>): DataText | undefined {
  return o.notePair ?? o.note;
}

const groupCaches = { indicator: new WeakMap<IndicatorData, Map<string, Observation[]>>(), geo: new WeakMap<IndicatorData, Map<string, Observation[]>>() };

/**
 * The observations grouped by indicator or by place, once per data object (which is never changed
 * once made; user indicators make a new one), in file order within each group.
 */
export function observationsBy(data: IndicatorData, key: 'indicator' | 'geo'): ReadonlyMap<string, readonly Observation[]> {
  const cache = groupCaches[key];
  let groups = cache.get(data);
  if (!groups) {
    groups = new Map();
    for (const o of data.observations) {
      const rows = groups.get(o[key]);
      if (rows) rows.push(o);
      else groups.set(o[key], [o]);
    }
    cache.set(data, groups);
  }
  return groups;
}

/**
 * The observations of one indicator: a switch of indicator or year then reads that indicator's
 * rows instead of all of them — with thousands of units, the scan of every observation cost more
 * than the map's own update.
 */
export function observationsOf(data: IndicatorData, indicator: string): readonly Observation[] {
  return observationsBy(data, 'indicator').get(indicator) ?? [];
}

/** The most recent observation of an indicator for a place, or undefined. */
export function latestObservation(data: IndicatorData, geo: string, indicator: string): Observation | undefined {
  let best: Observation | undefined;
  for (const o of observationsOf(data, indicator)) {
    if (o.geo === geo && (!best || o.year > best.year)) best = o;
  }
  return best;
}

/**
 * The value of an indicator per place for a map: the given year, or for each place its latest
 * year when `year` is 'latest'. Places without a value are absent (never zero-filled).
 */
export function valuesByGeo(data: IndicatorData, indicator: string, year: string | 'latest'): Map<string, Observation> {
  const out = new Map<string, Observation>();
  for (const o of observationsOf(data, indicator)) {
    if (year !== 'latest' && o.year !== year) continue;
    const prev = out.get(o.geo);
    if (!prev || o.year > prev.year) out.set(o.geo, o);
  }
  return out;
}

/**
 * The places among `geos` that lack a value in the latest year of some indicator of the given
 * level (the year an indicator opens at): the places its maps most likely show without data. A
 * place outside a scoped figure's category that year is not lacking: it is shown as its category.
 */
export function placesWithoutLatest(data: IndicatorData, geos: readonly string[], level: IndicatorLevel): string[] {
  const out = new Set<string>();
  for (const meta of data.indicators) {
    if (levelOf(meta) !== level) continue;
    const rows = observationsOf(data, meta.id);
    const latest = rows.reduce((y, o) => (o.year > y ? o.year : y), '');
    if (!latest) continue;
    const present = new Set(rows.filter((o) => o.year === latest).map((o) => o.geo));
    // A place in another category of a scoped figure's scope (a non-contributor) has its answer: no gap.
    if (meta.scope) for (const o of observationsOf(data, meta.scope.indicator)) if (o.year === latest && o.value !== meta.scope.category) present.add(o.geo);
    for (const g of geos) if (!present.has(g)) out.add(g);
  }
  return geos.filter((g) => out.has(g));
}

/** The years an indicator has, ascending. */
export function yearsOf(data: IndicatorData, indicator: string): string[] {
  return [...new Set(observationsOf(data, indicator).map((o) => o.year))].sort();
}

/**
 * The year an indicator opens at, wherever it is chosen (the picker, a link without a year, an
 * import): its latest year, one year for every unit (a unit without it is no data, not an older
 * value), so that the same choice always draws the same map; 'latest' only for an indicator without years.
 */
export function openingYear(data: IndicatorData, indicator: string): string {
  return yearsOf(data, indicator).at(-1) ?? 'latest';
}

/** The year a total over several places is taken at, and the later year left aside for lack of some places. */
export interface CompleteYear {
  /** Null when no year has a figure for every place. */
  year: string | null;
  /** The latest year of the indicator when it lacks some of the places, with those places. */
  skipped: { year: string; lacking: string[] } | null;
}

/**
 * The latest year in which every one of `geos` has an observation of `indicator`: the year a share
 * or a total over them is taken at, numerator and denominator alike. When the latest year lacks
 * some places it is returned with them, so that the reader is told; `year` is then an earlier
 * complete year, or null when there is none (today residents on 1 January: 2026 lacks the enlarged
 * Madonas novads, and these sources hold no earlier year for the other units). Null when the
 * indicator has no observation of these places at all.
 */
export function latestCompleteYear(observations: readonly Observation[], indicator: string, geos: readonly string[]): CompleteYear | null {
  const wanted = new Set(geos);
  const byYear = new Map<string, Set<string>>();
  for (const o of observations) {
    if (o.indicator !== indicator || !wanted.has(o.geo)) continue;
    const set = byYear.get(o.year) ?? new Set<string>();
    set.add(o.geo);
    byYear.set(o.year, set);
  }
  const years = [...byYear.keys()].sort();
  const latest = years.at(-1);
  if (latest === undefined) return null;
  const complete = [...years].reverse().find((y) => byYear.get(y)!.size === wanted.size) ?? null;
  const lacking = geos.filter((g) => !byYear.get(latest)!.has(g));
  return { year: complete, skipped: complete === latest ? null : { year: latest, lacking } };
}

/**
 * Says, in both languages, why a total is of an earlier year than the latest ("2025: the latest
 * year with a figure for every unit (2026 lacks Madonas novads)") or why there is none. Null when
 * nothing was left aside.
 */
export function completeYearNote(complete: CompleteYear, nameOf: (geo: string) => { lv: string; en: string }): { lv: string; en: string } | null {
  if (!complete.skipped) return null;
  const lv = complete.skipped.lacking.map((g) => nameOf(g).lv).join(', ');
  const en = complete.skipped.lacking.map((g) => nameOf(g).en).join(', ');
  const y = complete.skipped.year;
  if (complete.year === null) {
    return {
      lv: `Nav aprēķināms: ${y}. gadā trūkst ${lv}, un agrāka gada ar skaitli katrai vienībai šajos datos nav (gadus nejauc)`,
      en: `Not computable: ${y} lacks ${en}, and these data hold no earlier year with a figure for every unit (years are never mixed)`,
    };
  }
  return {
    lv: `${complete.year}. gads — jaunākais, kurā skaitlis ir katrai vienībai (${y}. gadā trūkst: ${lv})`,
    en: `${complete.year}: the latest year with a figure for every unit (${y} lacks ${en})`,
  };
}
