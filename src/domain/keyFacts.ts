import { latestCompleteYear, type CompleteYear, type IndicatorData } from './indicators.ts';
import type { CityProps, MunicipalityProps } from './units.ts';

/** A share computed from the data, with everything needed to say how. */
export interface ComputedShare {
  /** Percentage, 0–100. */
  percent: number;
  part: number;
  whole: number;
  /** The year the figures come from (none for an area). */
  years: string[];
  /** Places counted in the part. */
  partPlaces: string[];
  /** A later year left aside because some places lack it, named so the reader knows. */
  skipped: CompleteYear['skipped'];
  sources: number[];
}

/** The state cities' share of Latvia's area and residents; GDP only where the data allow. */
export interface KeyFacts {
  area: ComputedShare | null;
  residents: ComputedShare | null;
  /** Why there is no share of residents when some unit lacks the latest year and no earlier year is complete. */
  residentsGap: CompleteYear | null;
  /** Cities left out of the residents' share: towns inside a novads, with no municipality (and no CSP IRD041 figure) of their own. */
  citiesWithoutUnit: string[];
}

/**
 * Computes the key facts the strategy states in round numbers (about 1 % of the territory, more
 * than half of the residents). Area: all ten cities' own outlines (the pipeline's computed areas,
 * Valmiera, Jēkabpils and Ogre as towns) against the sum of the municipalities. Residents: the
 * seven cities with a municipality of their own against all units, both in the latest year every
 * unit has (`latestCompleteYear`; a later year lacking some unit is named, never mixed in). Valmiera,
 * Jēkabpils and Ogre have no municipal figure and are left out of that part, never estimated.
 */
export function computeKeyFacts(units: readonly MunicipalityProps[], cities: readonly CityProps[], data: IndicatorData): KeyFacts {
  const cityUnits = new Set(cities.filter((c) => !c.insideNovads).map((c) => c.unitCode));
  const citiesWithoutUnit = cities.filter((c) => c.insideNovads).map((c) => c.id);
  const totalArea = units.reduce((s, u) => s + u.areaKm2, 0);
  const cityArea = cities.reduce((s, c) => s + c.areaKm2, 0);
  const area: ComputedShare | null =
    totalArea > 0
      ? { percent: (100 * cityArea) / totalArea, part: cityArea, whole: totalArea, years: [], partPlaces: cities.map((c) => c.outlineCode), skipped: null, sources: [] }
      : null;

  const complete = latestCompleteYear(data.observations, 'population_1jan', units.map((u) => u.code));
  let residents: ComputedShare | null = null;
  if (complete?.year) {
    const codes = new Set(units.map((u) => u.code));
    const year = complete.year;
    const obs = data.observations.filter((o) => o.indicator === 'population_1jan' && o.year === year && codes.has(o.geo));
    const whole = obs.reduce((s, o) => s + o.value, 0);
    const part = obs.filter((o) => cityUnits.has(o.geo)).reduce((s, o) => s + o.value, 0);
    residents = {
      percent: (100 * part) / whole,
      part,
      whole,
      years: [year],
      partPlaces: [...cityUnits],
      skipped: complete.skipped,
      sources: [...new Set(obs.map((o) => o.source))].sort((a, b) => a - b),
    };
  }
  return { area, residents, residentsGap: complete && complete.year === null ? complete : null, citiesWithoutUnit };
}
