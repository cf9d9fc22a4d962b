import type { Choropleth } from '../domain/choropleth.ts';
import { citySymbolsOf, mappedChoropleth, unitSymbolsOf, type MappedSymbols } from '../domain/mappedChoropleth.ts';
import { lastResultOf } from './lastResult.ts';
import type { AppState } from './store.ts';

const choroplethOf = lastResultOf((dataset: AppState['dataset'], spec: AppState['choropleth']) => (dataset ? mappedChoropleth(dataset, spec) : null));
const unitSymbolsOfLast = lastResultOf((choropleth: Choropleth) => unitSymbolsOf(choropleth));

/**
 * The classification the map, the legend and the table show (`mappedChoropleth`), recomputed only
 * when the data or the user's choice change.
 */
export function selectChoropleth(state: Pick<AppState, 'dataset' | 'choropleth'>): Choropleth | null {
  return choroplethOf(state.dataset, state.choropleth);
}

/** The city circles of a city-level indicator (`citySymbolsOf`); null when a municipal indicator is mapped. */
export function selectCitySymbols(state: Pick<AppState, 'dataset' | 'choropleth'>): MappedSymbols | null {
  const choropleth = selectChoropleth(state);
  return choropleth && state.dataset ? citySymbolsOf(state.dataset, choropleth) : null;
}

/** The units' circles of a municipal count (`unitSymbolsOf`), kept while the classification is the same. */
export function selectUnitSymbols(state: Pick<AppState, 'dataset' | 'choropleth'>): MappedSymbols | null {
  const choropleth = selectChoropleth(state);
  return choropleth ? unitSymbolsOfLast(choropleth) : null;
}

/**
 * The unit codes (or city geos) the legend brings out: those of the hovered class, else those of
 * the kept classes, else null (all shown alike).
 */
export function selectEmphasisedUnits(state: Pick<AppState, 'dataset' | 'choropleth' | 'legendHover' | 'legendKeep'>): string[] | null {
  const choropleth = selectChoropleth(state);
  if (!choropleth) return null;
  const pick = state.legendHover !== null ? [state.legendHover] : state.legendKeep;
  if (pick.length === 0) return null;
  return pick.flatMap((i) => choropleth.classes[i]?.geos ?? []);
}
