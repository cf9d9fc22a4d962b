import { buildChoropleth, type Choropleth } from '../domain/choropleth.ts';
import type { AppState } from './store.ts';

let memo: { dataset: AppState['dataset']; spec: AppState['choropleth']; result: Choropleth | null } | null = null;

/**
 * The choropleth the map and the legend show, derived from the data and the user's choice and
 * recomputed only when either changes (both the map binding and the legend read it).
 */
export function selectChoropleth(state: Pick<AppState, 'dataset' | 'choropleth'>): Choropleth | null {
  if (memo && memo.dataset === state.dataset && memo.spec === state.choropleth) return memo.result;
  const result = state.dataset
    ? buildChoropleth(
        state.dataset.indicators,
        state.dataset.municipalities.features.map((f) => f.properties.code),
        state.choropleth,
      )
    : null;
  memo = { dataset: state.dataset, spec: state.choropleth, result };
  return result;
}

/**
 * The unit codes the legend brings out: those of the hovered class, else those of the kept
 * classes, else null (all units shown alike).
 */
export function selectEmphasisedUnits(state: Pick<AppState, 'dataset' | 'choropleth' | 'legendHover' | 'legendKeep'>): string[] | null {
  const choropleth = selectChoropleth(state);
  if (!choropleth) return null;
  const pick = state.legendHover !== null ? [state.legendHover] : state.legendKeep;
  if (pick.length === 0) return null;
  return pick.flatMap((i) => choropleth.classes[i]?.geos ?? []);
}
