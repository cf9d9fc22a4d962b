import { isCategorical } from './categories.ts';
import type { DataText, IndicatorData, IndicatorMeta, Observation } from './indicators.ts';
import { observationsOf, sourceText } from './indicators.ts';
import { cityGeoId, type CityProps } from './units.ts';

/** Where a city's own figures are stored: its unit, or `city:<id>` for a city inside a novads. */
export function cityGeo(city: CityProps): string {
  return city.insideNovads ? cityGeoId(city.id) : city.unitCode;
}

/** One indicator of a city's profile, with what makes the number meaningful beside it. */
export interface ProfileRow {
  indicator: IndicatorMeta;
  observation: Observation;
  /** The provenance line of the observation: a pair where the data give one, else as written ('' for none). */
  source: DataText;
  /** Position among the state cities that have a value for the same indicator and year (1 = highest). */
  rank?: { position: number; of: number };
  /** Latvia's value of the same indicator and year, when the data hold one. */
  national?: Observation;
  /** Every year of the indicator for this city, ascending, for its chart in the profile. */
  series: { year: string; value: number }[];
}

/**
 * The profile of one state city: every indicator the data hold for it (latest year), its rank
 * among the ten cities in that year, Latvia's value and the city's series. Ranks count only cities
 * with a value for the same year, so a city without one is never ranked last by default. A
 * categorical indicator has neither rank nor series: its codes are not quantities.
 */
export function cityProfile(data: IndicatorData, cities: readonly CityProps[], cityId: string): ProfileRow[] {
  const city = cities.find((c) => c.id === cityId);
  if (!city) return [];
  const geo = cityGeo(city);
  const cityGeos = new Set(cities.map(cityGeo));
  const rows: ProfileRow[] = [];
  for (const indicator of data.indicators) {
    const mine = observationsOf(data, indicator.id).filter((o) => o.geo === geo).sort((a, b) => a.year.localeCompare(b.year));
    const latest = mine[mine.length - 1];
    if (!latest) continue;
    const peers = isCategorical(indicator) ? [] : observationsOf(data, indicator.id).filter((o) => o.year === latest.year && cityGeos.has(o.geo));
    const row: ProfileRow = {
      indicator,
      observation: latest,
      source: sourceText(data, latest.source) ?? '',
      series: isCategorical(indicator) ? [] : mine.map((o) => ({ year: o.year, value: o.value })),
    };
    if (peers.length > 1) row.rank = { position: 1 + peers.filter((p) => p.value > latest.value).length, of: peers.length };
    const national = observationsOf(data, indicator.id).find((o) => o.year === latest.year && o.geo === 'LV');
    if (national) row.national = national;
    rows.push(row);
  }
  return rows;
}
