import { classBreaks, classIndex, type ClassMethod } from './classify.ts';
import type { IndicatorData, IndicatorMeta, Observation } from './indicators.ts';
import { valuesByGeo } from './indicators.ts';
import { paletteColours, type PaletteName } from './palette.ts';

/** What the user chose to map. Derived values (breaks, colours) are computed from it, not stored. */
export interface ChoroplethSpec {
  indicator: string;
  year: string | 'latest';
  method: ClassMethod;
  classes: number;
  palette: PaletteName;
}

/** One legend class: the range of the values actually in it, its colour and how many places. */
export interface LegendClass {
  min: number;
  max: number;
  colour: string;
  geos: string[];
}

export interface Choropleth {
  spec: ChoroplethSpec;
  indicator: IndicatorMeta;
  classes: LegendClass[];
  colourByGeo: Map<string, string>;
  valueByGeo: Map<string, Observation>;
  /** Places of the map with no value: drawn as no data, never as zero. */
  noData: string[];
  /** Distinct years of the values shown, ascending. */
  years: string[];
  /** Indexes into `IndicatorData.sources` of the values shown. */
  sources: number[];
}

/**
 * Classifies an indicator over the given places (`geos`, e.g. the 42 municipality codes). Places
 * without an observation go to `noData`; classes never outnumber distinct values.
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
  const values = [...valueByGeo.values()].map((o) => o.value);
  const breaks = classBreaks(values, spec.method, spec.classes);
  const colours = paletteColours(spec.palette, breaks.length + 1);
  const classes: LegendClass[] = colours.map((colour) => ({ min: Infinity, max: -Infinity, colour, geos: [] }));
  const colourByGeo = new Map<string, string>();
  for (const [geo, o] of valueByGeo) {
    const c = classes[classIndex(o.value, breaks)]!;
    c.min = Math.min(c.min, o.value);
    c.max = Math.max(c.max, o.value);
    c.geos.push(geo);
    colourByGeo.set(geo, c.colour);
  }
  const shown = [...valueByGeo.values()];
  return {
    spec,
    indicator,
    classes: classes.filter((c) => c.geos.length > 0),
    colourByGeo,
    valueByGeo,
    noData: geos.filter((g) => !valueByGeo.has(g)),
    years: [...new Set(shown.map((o) => o.year))].sort(),
    sources: [...new Set(shown.map((o) => o.source))].sort((a, b) => a - b),
  };
}
