import { cityValues, type CityValues } from '../domain/cityValues.ts';
import type { ChoroplethSpec } from '../domain/choropleth.ts';
import type { Dataset } from '../domain/dataset.ts';
import { lastResultOf } from './lastResult.ts';
import type { AppState } from './store.ts';

const cityValuesOf = lastResultOf((dataset: Dataset | null, spec: ChoroplethSpec): CityValues | null =>
  dataset ? cityValues(dataset.indicators, dataset.cities.features.map((f) => f.properties), spec.indicator, spec.year) : null,
);

/**
 * The ten state cities' own figures of the indicator and year the map shows (the store's choice,
 * as `selectChoropleth` reads it), for the cities-compared chart; recomputed only when the data
 * or the choice change, so a subscribed component re-renders only then.
 */
export function selectCityValues(state: Pick<AppState, 'dataset' | 'choropleth'>): CityValues | null {
  return cityValuesOf(state.dataset, state.choropleth);
}
