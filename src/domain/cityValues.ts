import { cityGeo } from './cityProfile.ts';
import { outOfScope } from './categories.ts';
import type { IndicatorCategory, IndicatorData, IndicatorMeta, Observation } from './indicators.ts';
import { observationsOf, valuesByGeo } from './indicators.ts';
import type { CityProps } from './units.ts';

/** A state city with its own figure of an indicator, if the data hold one. */
export interface CityValue {
  city: CityProps;
  observation?: Observation;
  /** Why a city has no figure of a scoped indicator: the category it is in instead ("does not contribute"). */
  notApplicable?: IndicatorCategory;
}

/** The ten cities' figures of one indicator and year, with the years they are of and Latvia's value. */
export interface CityValues {
  indicator: IndicatorMeta;
  cities: CityValue[];
  /** Distinct years of the figures present, ascending. */
  years: string[];
  national?: Observation;
}

/**
 * Every state city's own figure of an indicator in a year (or each city's latest for 'latest'),
 * in the association's order, for comparing the cities. A city's figure is the one stored under
 * its place (`cityGeo`): for Valmiera, Jēkabpils and Ogre that is `city:<id>`, never their
 * novads' figure, which counts far more than the city — without one they have no value. Latvia's
 * value is that of the latest year present, as the legend shows it; none when no city has a value.
 */
export function cityValues(data: IndicatorData, cities: readonly CityProps[], indicatorId: string, year: string | 'latest'): CityValues | null {
  const indicator = data.indicators.find((i) => i.id === indicatorId);
  if (!indicator) return null;
  const byGeo = valuesByGeo(data, indicatorId, year);
  const scopeYear = year === 'latest' ? [...byGeo.values()].reduce((y, o) => (o.year > y ? o.year : y), '') : year;
  const values = [...cities]
    .sort((a, b) => a.order - b.order)
    .map((city): CityValue => {
      const observation = byGeo.get(cityGeo(city));
      if (observation) return { city, observation };
      const notApplicable = outOfScope(data, indicator, cityGeo(city), scopeYear);
      return notApplicable ? { city, notApplicable } : { city };
    });
  const years = [...new Set(values.flatMap((v) => (v.observation ? [v.observation.year] : [])))].sort();
  const result: CityValues = { indicator, cities: values, years };
  const latest = years[years.length - 1];
  // Of the cities' latest year: with 'latest', Latvia's own latest figure may be of a newer year.
  const national = latest === undefined ? undefined : observationsOf(data, indicatorId).find((o) => o.geo === 'LV' && o.year === latest);
  if (national) result.national = national;
  return result;
}

/**
 * Whether Latvia's value can stand among the cities' as a reference line: for a rate, share or
 * change it is the country's average on the same scale; for a count it is the country's total
 * (712 libraries beside Rīga's 28), which would only squash the bars — that is said in words.
 */
export function nationalIsReference(indicator: IndicatorMeta): boolean {
  return indicator.kind !== 'count' && !indicator.additive;
}
