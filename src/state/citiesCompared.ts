import { cityValues, type CityValues } from '../domain/cityValues.ts';
import type { AppState } from './store.ts';

let memo: { dataset: AppState['dataset']; spec: AppState['choropleth']; result: CityValues | null } | null = null;

/**
 * The ten state cities' own figures of the indicator and year the map shows (the store's choice,
 * as `selectChoropleth` reads it), for the cities-compared chart; recomputed only when the data
 * or the choice change, so a subscribed component re-renders only then.
 */
export function selectCityValues(state: Pick<AppState, 'dataset' | 'choropleth'>): CityValues | null {
  if (memo && memo.dataset === state.dataset && memo.spec === state.choropleth) return memo.result;
  const result = state.dataset
    ? cityValues(state.dataset.indicators, state.dataset.cities.features.map((f) => f.properties), state.choropleth.indicator, state.choropleth.year)
    : null;
  memo = { dataset: state.dataset, spec: state.choropleth, result };
  return result;
}
