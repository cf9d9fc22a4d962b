import { classBreaks, classIndex, type ClassMethod } from './classify.ts';
import { categoryColours, isCategorical, NEUTRAL_CATEGORY_COLOUR, outOfScope } from './categories.ts';
import type { IndicatorCategory, IndicatorData, IndicatorMeta, Observation } from './indicators.ts';
import { observationsOf, valuesByGeo, yearsOf } from './indicators.ts';
import { divergingColours, isDiverging, paletteColours, type PaletteName } from './palette.ts';

/** Where a diverging scheme turns: zero (for a change) or the national value of the same year. */
export type Midpoint = 'zero' | 'national';

/** What the user chose to map. Derived values (breaks, colours) are computed from it, not stored. */
export interface ChoroplethSpec {
  indicator: string;
  year: string | 'latest';
  method: ClassMethod;
  classes: number;
  palette: PaletteName;
  /** Breaks for the 'manual' method, ascending. */
  breaks?: number[];
  /** Classify over every year of the indicator, so colours mean the same from year to year. */
  sameBreaksAcrossYears?: boolean;
  /** With a diverging palette: the value the scheme turns at (default zero). */
  midpoint?: Midpoint;
}

/** One legend class: its bounds, the range of the values actually in it, its colour and places. */
export interface LegendClass {
  /** Lower bound (inclusive) and upper bound (exclusive) of the class; ±Infinity at the ends. */
  from: number;
  to: number;
  min: number;
  max: number;
  colour: string;
  geos: string[];
  /** For a categorical indicator: the category this class is (its bounds are then its code). */
  category?: IndicatorCategory;
}

/**
 * The places of a scoped figure (a contribution, for contributors only) that are in another
 * category that year: no figure by definition, drawn in the neutral colour with that category's
 * name, never as no data.
 */
export interface NotApplicable {
  category: IndicatorCategory;
  colour: string;
  geos: string[];
}

export interface Choropleth {
  spec: ChoroplethSpec;
  indicator: IndicatorMeta;
  breaks: number[];
  classes: LegendClass[];
  colourByGeo: Map<string, string>;
  valueByGeo: Map<string, Observation>;
  /** Places of the map with no value: drawn as no data, never as zero. */
  noData: string[];
  /** Places without a figure because it does not apply to them (see `NotApplicable`). */
  notApplicable?: NotApplicable;
  /** Distinct years of the values shown, ascending. */
  years: string[];
  /** Indexes into `IndicatorData.sources` of the values shown. */
  sources: number[];
  /** The value a diverging scheme turns at, when one is used. */
  midpointValue?: number;
  /** The national (LV) observation of the same year, when the data have one. */
  national?: Observation;
}

function nationalOf(data: IndicatorData, indicator: string, years: string[]): Observation | undefined {
  const year = years[years.length - 1];
  return observationsOf(data, indicator).find((o) => o.geo === 'LV' && o.year === year);
}

/**
 * Classifies an indicator over the given places (`geos`, e.g. the 42 municipality codes). Places
 * without an observation go to `noData`; classes never outnumber distinct values. With a
 * diverging palette the midpoint becomes a break, so no class straddles it, and classes are
 * coloured by their side of it.
 */
export function buildChoropleth(data: IndicatorData, geos: readonly string[], spec: ChoroplethSpec): Choropleth | null {
  const indicator = data.indicators.find((i) => i.id === spec.indicator);
  if (!indicator) return null;
  const valueByGeo = valuesOf(data, geos, spec);
  if (isCategorical(indicator)) return categoryMap(data, geos, spec, indicator, valueByGeo);
  const shown = [...valueByGeo.values()];
  const years = [...new Set(shown.map((o) => o.year))].sort();
  const national = nationalOf(data, spec.indicator, years);
  const geoSet = new Set(geos);
  const classified = spec.sameBreaksAcrossYears
    ? observationsOf(data, spec.indicator).filter((o) => geoSet.has(o.geo)).map((o) => o.value)
    : shown.map((o) => o.value);
  let breaks = classBreaks(classified, spec.method, spec.classes, spec.breaks);
  let colours: string[];
  let midpointValue: number | undefined;
  if (isDiverging(spec.palette)) {
    midpointValue = spec.midpoint === 'national' && national ? national.value : 0;
    const min = Math.min(...classified);
    const max = Math.max(...classified);
    if (midpointValue > min && midpointValue <= max && !breaks.includes(midpointValue)) {
      breaks = [...breaks, midpointValue].sort((a, b) => a - b);
    }
    const below = breaks.filter((b) => b <= midpointValue!).length;
    colours = divergingColours(spec.palette, below, breaks.length + 1 - below);
  } else {
    colours = paletteColours(spec.palette, breaks.length + 1);
  }
  const classes: LegendClass[] = colours.map((colour, i) => ({
    from: i === 0 ? -Infinity : breaks[i - 1]!,
    to: i === breaks.length ? Infinity : breaks[i]!,
    min: Infinity,
    max: -Infinity,
    colour,
    geos: [],
  }));
  const colourByGeo = new Map<string, string>();
  const notApplicable = notApplicableOf(data, indicator, geos, spec, valueByGeo);
  for (const g of notApplicable?.geos ?? []) colourByGeo.set(g, notApplicable!.colour);
  for (const [geo, o] of valueByGeo) {
    const c = classes[classIndex(o.value, breaks)]!;
    c.min = Math.min(c.min, o.value);
    c.max = Math.max(c.max, o.value);
    c.geos.push(geo);
    colourByGeo.set(geo, c.colour);
  }
  const result: Choropleth = {
    spec,
    indicator,
    breaks,
    // Same breaks across years keep empty classes, so the legend does not change between years.
    classes: spec.sameBreaksAcrossYears ? classes : classes.filter((c) => c.geos.length > 0),
    colourByGeo,
    valueByGeo,
    noData: geos.filter((g) => !valueByGeo.has(g) && !notApplicable?.geos.includes(g)),
    years,
    sources: [...new Set(shown.map((o) => o.source))].sort((a, b) => a - b),
  };
  if (notApplicable) result.notApplicable = notApplicable;
  if (midpointValue !== undefined) result.midpointValue = midpointValue;
  if (national) result.national = national;
  return result;
}

/** The observation of each of `geos` that the spec's year shows (each place's latest for 'latest'). */
function valuesOf(data: IndicatorData, geos: readonly string[], spec: ChoroplethSpec): Map<string, Observation> {
  const all = valuesByGeo(data, spec.indicator, spec.year);
  const out = new Map<string, Observation>();
  for (const g of geos) {
    const o = all.get(g);
    if (o) out.set(g, o);
  }
  return out;
}

/**
 * The places without a figure of a scoped indicator because they are in another category of its
 * scope that year (for 'latest': the indicator's latest year). Null when there are none.
 */
function notApplicableOf(data: IndicatorData, meta: IndicatorMeta, geos: readonly string[], spec: ChoroplethSpec, valueByGeo: ReadonlyMap<string, Observation>): NotApplicable | null {
  if (!meta.scope) return null;
  const year = spec.year === 'latest' ? yearsOf(data, meta.id).at(-1) : spec.year;
  if (year === undefined) return null;
  let category: IndicatorCategory | null = null;
  const out: string[] = [];
  for (const g of geos) {
    if (valueByGeo.has(g)) continue;
    const c = outOfScope(data, meta, g, year);
    if (!c) continue;
    category ??= c;
    // A scope of three or more categories could put places in different ones: only one is shown.
    if (c.code === category.code) out.push(g);
  }
  return category && out.length > 0 ? { category, colour: NEUTRAL_CATEGORY_COLOUR, geos: out } : null;
}

/**
 * A categorical indicator: one class per category, in catalogue order, each its own colour
 * (qualitative; the neutral category light grey); classification, class count and palette do not
 * apply. Empty categories stay in the legend with a count of 0, so it reads the same every year.
 */
function categoryMap(data: IndicatorData, geos: readonly string[], spec: ChoroplethSpec, indicator: IndicatorMeta, valueByGeo: Map<string, Observation>): Choropleth {
  const colours = categoryColours(indicator);
  const classes: LegendClass[] = (indicator.categories ?? []).map((category) => ({
    from: category.code,
    to: category.code,
    min: category.code,
    max: category.code,
    colour: colours.get(category.code)!,
    geos: [],
    category,
  }));
  const colourByGeo = new Map<string, string>();
  for (const [geo, o] of valueByGeo) {
    const c = classes.find((k) => k.category!.code === o.value);
    if (!c) continue;
    c.geos.push(geo);
    colourByGeo.set(geo, c.colour);
  }
  const shown = [...valueByGeo.values()];
  const years = [...new Set(shown.map((o) => o.year))].sort();
  return {
    spec,
    indicator,
    breaks: [],
    classes,
    colourByGeo,
    valueByGeo,
    noData: geos.filter((g) => !colourByGeo.has(g)),
    years,
    sources: [...new Set(shown.map((o) => o.source))].sort((a, b) => a - b),
  };
}

/**
 * The category a place shows on the map, if any: its value's category for a categorical
 * indicator, or the category that puts it outside a scoped figure. Null for a number or no data.
 */
export function categoryAt(choropleth: Choropleth, geo: string): IndicatorCategory | null {
  if (choropleth.notApplicable?.geos.includes(geo)) return choropleth.notApplicable.category;
  if (!isCategorical(choropleth.indicator)) return null;
  const o = choropleth.valueByGeo.get(geo);
  return (o && choropleth.classes.find((c) => c.category?.code === o.value)?.category) ?? null;
}
