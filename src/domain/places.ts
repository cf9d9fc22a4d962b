import type { DataText, IndicatorData, IndicatorMeta, Observation } from './indicators.ts';
import { observationsBy, sourceText } from './indicators.ts';
import { cityGeoId, type CityProps, type MunicipalityProps } from './units.ts';

/** A place the user can point at: a state city (by id) or a municipality (by CSP area code). */
export type PlaceRef = { kind: 'city'; id: string } | { kind: 'unit'; code: string };

/** What kind of place it is, for the tooltip and the panel. */
export type PlaceKind = 'state_city' | 'city_in_novads' | 'novads';

/** One sourced figure: the indicator, its observation and the full provenance of the value. */
export interface Fact {
  indicator: IndicatorMeta;
  observation: Observation;
  /** The provenance line of the observation: a pair where the data give one, else as written ('' for none). */
  source: DataText;
}

/** Everything the tooltip and the panel say about one place, derived from the loaded data. */
export interface PlaceSummary {
  ref: PlaceRef;
  nameLv: string;
  nameEn: string;
  kind: PlaceKind;
  /** The id observations of this place are stored under: a unit code or `city:<id>`. */
  geo: string;
  /** The municipality the place is, or lies in. */
  unit: MunicipalityProps;
  /** Computed from the boundaries: the municipality's, or the city's own outline. */
  areaKm2?: number;
  /** The headline population figure: residents on 1 January for a unit, city population otherwise. */
  population?: Fact;
  /** For a novads that contains a state city, that city. */
  containsCity?: CityProps;
  /** Every indicator's latest value for the place, in catalogue order. */
  facts: Fact[];
}

const unitsByCodeCache = new WeakMap<readonly MunicipalityProps[], Map<string, MunicipalityProps>>();

/** The latest observation of each catalogued indicator for `geo`, in catalogue order. */
export function factsOf(data: IndicatorData, geo: string): Fact[] {
  const latest = new Map<string, Observation>();
  // Grouped by place once per data object: a hover asks for one place.
  for (const o of observationsBy(data, 'geo').get(geo) ?? []) {
    const prev = latest.get(o.indicator);
    if (!prev || o.year > prev.year) latest.set(o.indicator, o);
  }
  return data.indicators.flatMap((indicator) => {
    const observation = latest.get(indicator.id);
    return observation ? [{ indicator, observation, source: sourceText(data, observation.source) ?? '' }] : [];
  });
}

/**
 * Describes a city or a municipality from the loaded data, or returns null for an unknown id.
 * Valmiera, Jēkabpils and Ogre lie inside their novadi: their area is their own outline's, and
 * their headline population is the city population, never their novads' residents.
 */
export function describePlace(
  ref: PlaceRef,
  municipalities: readonly MunicipalityProps[],
  cities: readonly CityProps[],
  data: IndicatorData,
): PlaceSummary | null {
  let unitByCode = unitsByCodeCache.get(municipalities);
  if (!unitByCode) unitsByCodeCache.set(municipalities, (unitByCode = new Map(municipalities.map((m) => [m.code, m]))));
  if (ref.kind === 'unit') {
    const unit = unitByCode.get(ref.code);
    if (!unit) return null;
    const facts = factsOf(data, unit.code);
    const summary: PlaceSummary = { ref, nameLv: unit.nameLv, nameEn: unit.nameEn, kind: unit.kind, geo: unit.code, unit, areaKm2: unit.areaKm2, facts };
    const population = facts.find((f) => f.indicator.id === 'population_1jan');
    if (population) summary.population = population;
    const inside = cities.find((c) => c.id === unit.containsCity);
    if (inside) summary.containsCity = inside;
    return summary;
  }
  const city = cities.find((c) => c.id === ref.id);
  const unit = city && unitByCode.get(city.unitCode);
  if (!city || !unit) return null;
  const geo = city.insideNovads ? cityGeoId(city.id) : unit.code;
  const facts = factsOf(data, geo);
  const summary: PlaceSummary = {
    ref,
    nameLv: city.nameLv,
    nameEn: city.nameEn,
    kind: city.insideNovads ? 'city_in_novads' : 'state_city',
    geo,
    unit,
    facts,
  };
  summary.areaKm2 = city.insideNovads ? city.areaKm2 : unit.areaKm2;
  const population = facts.find((f) => f.indicator.id === (city.insideNovads ? 'city_population' : 'population_1jan'));
  if (population) summary.population = population;
  return summary;
}
