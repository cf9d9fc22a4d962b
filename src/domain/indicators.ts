/** The strategy dimension an indicator fits (not the strategy's own targets). */
export type Dimension = 'social' | 'economic' | 'environmental';
export type IndicatorKind = 'count' | 'rate' | 'share' | 'change';
export type Polarity = 'higher_better' | 'higher_worse' | 'neutral';

/** One indicator of the catalogue `public/data/indicators.json`. */
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
  sourceLabel: string;
  sourceUrl: string;
  noteEn: string;
}

/** How a value the pipeline computed was made, in both languages. */
export interface ComputedNote {
  lv: string;
  en: string;
}

/**
 * One figure: where (`geo`: a CSP area code, `city:<id>` or `LV`), what, when and from where.
 * `source` indexes `IndicatorData.sources`; `computed` is set when the pipeline derived the value.
 */
export interface Observation {
  geo: string;
  indicator: string;
  year: string;
  value: number;
  source: number;
  note?: string;
  computed?: ComputedNote;
}

export interface IndicatorData {
  indicators: IndicatorMeta[];
  sources: string[];
  observations: Observation[];
}

/** The most recent observation of an indicator for a place, or undefined. */
export function latestObservation(data: IndicatorData, geo: string, indicator: string): Observation | undefined {
  let best: Observation | undefined;
  for (const o of data.observations) {
    if (o.geo === geo && o.indicator === indicator && (!best || o.year > best.year)) best = o;
  }
  return best;
}

/**
 * The value of an indicator per place for a map: the given year, or for each place its latest
 * year when `year` is 'latest'. Places without a value are absent (never zero-filled).
 */
export function valuesByGeo(data: IndicatorData, indicator: string, year: string | 'latest'): Map<string, Observation> {
  const out = new Map<string, Observation>();
  for (const o of data.observations) {
    if (o.indicator !== indicator) continue;
    if (year !== 'latest' && o.year !== year) continue;
    const prev = out.get(o.geo);
    if (!prev || o.year > prev.year) out.set(o.geo, o);
  }
  return out;
}

/** The years an indicator has, ascending. */
export function yearsOf(data: IndicatorData, indicator: string): string[] {
  return [...new Set(data.observations.filter((o) => o.indicator === indicator).map((o) => o.year))].sort();
}
