import type { IndicatorData, Observation } from './indicators.ts';
import type { CityProps, MunicipalityProps } from './units.ts';

/** A share computed from the data, with everything needed to say how. */
export interface ComputedShare {
  /** Percentage, 0–100. */
  percent: number;
  part: number;
  whole: number;
  /** The years the figures come from (more than one when the whole mixes years). */
  years: string[];
  /** Places counted in the part. */
  partPlaces: string[];
  /** Places whose figure is of another year than the rest, named so the reader knows. */
  otherYearPlaces: string[];
  sources: number[];
}

/** The state cities' share of Latvia's area and residents; GDP only where the data allow. */
export interface KeyFacts {
  area: ComputedShare | null;
  residents: ComputedShare | null;
  /** Cities left out of the residents' share: towns inside a novads, with no municipality (and no CSP IRD041 figure) of their own. */
  citiesWithoutUnit: string[];
}

const latestByGeo = (data: IndicatorData, indicator: string): Map<string, Observation> => {
  const out = new Map<string, Observation>();
  for (const o of data.observations) {
    if (o.indicator !== indicator) continue;
    const prev = out.get(o.geo);
    if (!prev || o.year > prev.year) out.set(o.geo, o);
  }
  return out;
};

/**
 * Computes the key facts the strategy states in round numbers (about 1 % of the territory, more
 * than half of the residents). Area: all ten cities' own outlines (the pipeline's computed areas,
 * Valmiera, Jēkabpils and Ogre as towns) against the sum of the municipalities. Residents: the
 * latest 1 January figure of each unit, the seven cities with a municipality of their own against
 * all units; a unit whose latest figure is of another year is named rather than hidden. Valmiera,
 * Jēkabpils and Ogre have no municipal figure and are left out of that part, never estimated.
 */
export function computeKeyFacts(units: readonly MunicipalityProps[], cities: readonly CityProps[], data: IndicatorData): KeyFacts {
  const cityUnits = new Set(cities.filter((c) => !c.insideNovads).map((c) => c.unitCode));
  const citiesWithoutUnit = cities.filter((c) => c.insideNovads).map((c) => c.id);
  const totalArea = units.reduce((s, u) => s + u.areaKm2, 0);
  const cityArea = cities.reduce((s, c) => s + c.areaKm2, 0);
  const area: ComputedShare | null =
    totalArea > 0
      ? { percent: (100 * cityArea) / totalArea, part: cityArea, whole: totalArea, years: [], partPlaces: cities.map((c) => c.outlineCode), otherYearPlaces: [], sources: [] }
      : null;

  const population = latestByGeo(data, 'population_1jan');
  let residents: ComputedShare | null = null;
  if (units.every((u) => population.has(u.code))) {
    const obs = units.map((u) => population.get(u.code)!);
    const counts = new Map<string, number>();
    for (const o of obs) counts.set(o.year, (counts.get(o.year) ?? 0) + 1);
    const mainYear = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
    const whole = obs.reduce((s, o) => s + o.value, 0);
    const part = obs.filter((o) => cityUnits.has(o.geo)).reduce((s, o) => s + o.value, 0);
    residents = {
      percent: (100 * part) / whole,
      part,
      whole,
      years: [...counts.keys()].sort(),
      partPlaces: [...cityUnits],
      otherYearPlaces: obs.filter((o) => o.year !== mainYear).map((o) => o.geo),
      sources: [...new Set(obs.map((o) => o.source))].sort((a, b) => a - b),
    };
  }
  return { area, residents, citiesWithoutUnit };
}
