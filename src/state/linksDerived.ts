import type { Position } from 'geojson';
import { endPosition, type EndPositions } from '../domain/links/positions.ts';
import { gravityPotential, type ModelPair } from '../domain/links/gravity.ts';
import type { Link } from '../domain/links/model.ts';
import { filterLinks } from '../domain/links/network.ts';
import type { Dataset } from '../domain/dataset.ts';
import { hinterlandContext } from './hinterlandDerived.ts';
import { linkFilterOf, selectLinks } from './linksSlice.ts';
import type { AppState } from './store.ts';
import { lastResultOf } from './lastResult.ts';

const positionsCache = new WeakMap<Dataset, EndPositions>();

/** Where link ends are drawn: the city points, and each municipality's label point. */
export function endPositionsOf(dataset: Dataset): EndPositions {
  const known = positionsCache.get(dataset);
  if (known) return known;
  const cities = new Map<string, Position>(dataset.cities.features.map((f) => [f.properties.id, f.geometry.coordinates]));
  const units = new Map<string, Position>();
  for (const f of dataset.municipalityLabels.features) {
    const code = f.properties?.code;
    if (typeof code === 'string' && f.geometry.type === 'Point') units.set(code, f.geometry.coordinates);
  }
  const positions = { cities, units };
  positionsCache.set(dataset, positions);
  return positions;
}

/** Whether a link can be drawn: both ends have a position (an end abroad without coordinates has none). */
export const isDrawable = (link: Link, positions: EndPositions) => endPosition(link.from, positions) !== undefined && endPosition(link.to, positions) !== undefined;

const filteredOf = lastResultOf((links: Link[], settings: AppState['linkSettings']) => filterLinks(links, linkFilterOf(settings)));
/** The links that pass the filter (kept while the links array and the settings object are the same). */
export function selectFilteredLinks(s: AppState): Link[] {
  return filteredOf(selectLinks(s), s.linkSettings);
}

/** The city in focus: the selected state city, while the links are shown. */
export const selectFocusCity = (s: AppState): string | null => (s.linkSettings.shown && s.selection?.kind === 'city' ? s.selection.id : null);

/** The links at a city: its own, and those of the novads it lies in (Ogre, Valmiera, Jēkabpils). */
export function linksOfCity(links: readonly Link[], dataset: Dataset, cityId: string): Link[] {
  const city = dataset.cities.features.find((f) => f.properties.id === cityId)?.properties;
  return filterLinks(links, { focusCity: cityId, ...(city?.insideNovads ? { focusUnit: city.unitCode } : {}) });
}

/** Ids of the focused city's links among those shown, or null without a focus (nothing faded). */
export function selectFocusIds(s: AppState): string[] | null {
  const city = selectFocusCity(s);
  if (!city || !s.dataset) return null;
  return linksOfCity(selectFilteredLinks(s), s.dataset, city).map((l) => l.id);
}

const modelCache = new WeakMap<Dataset, { pairs: ModelPair[]; year: string } | null>();
/**
 * The gravity model's pairs of the ten cities, all of them ranked: `city_population` of the latest
 * year all ten have (the same masses as the hinterland model). Null when no such year exists.
 */
export function modelPairsOf(dataset: Dataset): { pairs: ModelPair[]; year: string } | null {
  if (modelCache.has(dataset)) return modelCache.get(dataset)!;
  const huff = hinterlandContext(dataset).huff;
  const out = huff ? { pairs: gravityPotential(huff.cities.map((c) => ({ id: c.id, population: c.population, lon: c.lon, lat: c.lat }))), year: huff.year } : null;
  modelCache.set(dataset, out);
  return out;
}
