import { classBreaks, classIndex, type ClassMethod } from './classify.ts';
import type { IndicatorData, IndicatorMeta, Observation } from './indicators.ts';
import { observationsOf, valuesByGeo } from './indicators.ts';
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
  const all = valuesByGeo(data, spec.indicator, spec.year);
  const valueByGeo = new Map<string, Observation>();
  for (const g of geos) {
    const o = all.get(g);
    if (o) valueByGeo.set(g, o);
  }
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
    noData: geos.filter((g) => !valueByGeo.has(g)),
    years,
    sources: [...new Set(shown.map((o) => o.source))].sort((a, b) => a - b),
  };
  if (midpointValue !== undefined) result.midpointValue = midpointValue;
  if (national) result.national = national;
  return result;
}
