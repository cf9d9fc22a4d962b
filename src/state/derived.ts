import { buildChoropleth, type Choropleth } from '../domain/choropleth.ts';
import { cityGeo } from '../domain/cityProfile.ts';
import { levelOf } from '../domain/indicators.ts';
import { drawsAsSymbols, GRADUATED_RADIUS, proportionalRadii } from '../domain/symbols.ts';
import type { Dataset } from './dataset.ts';
import type { AppState } from './store.ts';

/** A place the map can colour: a municipality, or a state city for a city-level indicator. */
export interface MappedPlace {
  geo: string;
  nameLv: string;
  nameEn: string;
}

/** The places an indicator is mapped over: the 42 municipalities, or the ten cities. */
export function mappedPlaces(dataset: Dataset, level: 'municipality' | 'city'): MappedPlace[] {
  if (level === 'city') {
    return [...dataset.cities.features]
      .sort((a, b) => a.properties.order - b.properties.order)
      .map((f) => ({ geo: cityGeo(f.properties), nameLv: f.properties.nameLv, nameEn: f.properties.nameEn }));
  }
  return dataset.municipalities.features.map((f) => ({ geo: f.properties.code, nameLv: f.properties.nameLv, nameEn: f.properties.nameEn }));
}

let memo: { dataset: AppState['dataset']; spec: AppState['choropleth']; result: Choropleth | null } | null = null;

/**
 * The classification the map, the legend and the table show, derived from the data and the user's
 * choice and recomputed only when either changes. A city-level indicator (published for the ten
 * state cities only) is classified over the cities, never spread over the municipalities.
 */
export function selectChoropleth(state: Pick<AppState, 'dataset' | 'choropleth'>): Choropleth | null {
  if (memo && memo.dataset === state.dataset && memo.spec === state.choropleth) return memo.result;
  let result: Choropleth | null = null;
  const meta = state.dataset?.indicators.indicators.find((i) => i.id === state.choropleth.indicator);
  if (state.dataset && meta) {
    const places = mappedPlaces(state.dataset, levelOf(meta));
    result = buildChoropleth(state.dataset.indicators, places.map((p) => p.geo), state.choropleth);
  }
  memo = { dataset: state.dataset, spec: state.choropleth, result };
  return result;
}

/**
 * For a city-level indicator, the city circles' colours and radii keyed by city id: proportional
 * (area ∝ value) for counts, one size coloured by class for rates, shares and changes. Null when
 * a municipal indicator is mapped.
 */
export function selectCitySymbols(state: Pick<AppState, 'dataset' | 'choropleth'>): { colourById: Map<string, string>; radiusById: Map<string, number> } | null {
  const choropleth = selectChoropleth(state);
  if (!choropleth || !state.dataset || levelOf(choropleth.indicator) !== 'city') return null;
  const idByGeo = new Map(state.dataset.cities.features.map((f) => [cityGeo(f.properties), f.properties.id]));
  const colourById = new Map<string, string>();
  const valueById = new Map<string, number>();
  for (const [geo, colour] of choropleth.colourByGeo) {
    const id = idByGeo.get(geo);
    if (!id) continue;
    colourById.set(id, colour);
    valueById.set(id, choropleth.valueByGeo.get(geo)!.value);
  }
  const radiusById =
    choropleth.indicator.kind === 'count' ? proportionalRadii(valueById) : new Map([...valueById.keys()].map((id) => [id, GRADUATED_RADIUS]));
  return { colourById, radiusById };
}

/**
 * For a municipal count (residents, libraries, road length), the circles on each unit's label
 * point: radius by value (area ∝ value), colour by class, keyed by unit code. Null when the
 * indicator is drawn as a choropleth or on the cities. Units without a value get no circle.
 */
export function selectUnitSymbols(state: Pick<AppState, 'dataset' | 'choropleth'>): { colourById: Map<string, string>; radiusById: Map<string, number> } | null {
  const choropleth = selectChoropleth(state);
  if (!choropleth || levelOf(choropleth.indicator) !== 'municipality' || !drawsAsSymbols(choropleth.indicator)) return null;
  if (unitSymbolsMemo?.choropleth === choropleth) return unitSymbolsMemo.result;
  const values = new Map([...choropleth.valueByGeo].filter(([geo]) => geo !== 'LV').map(([geo, o]) => [geo, o.value]));
  const result = { colourById: new Map(choropleth.colourByGeo), radiusById: proportionalRadii(values) };
  unitSymbolsMemo = { choropleth, result };
  return result;
}
let unitSymbolsMemo: { choropleth: Choropleth; result: NonNullable<ReturnType<typeof selectUnitSymbols>> } | null = null;

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
