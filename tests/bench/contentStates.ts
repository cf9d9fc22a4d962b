import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataset, type Dataset } from '../../src/domain/dataset.ts';
import { DEFAULT_CHOROPLETH } from '../../src/domain/defaultChoropleth.ts';
import type { Choropleth, ChoroplethSpec } from '../../src/domain/choropleth.ts';
import { placesWithoutLatest } from '../../src/domain/indicators.ts';
import { citySymbolsOf, mappedChoropleth, unitSymbolsOf } from '../../src/domain/mappedChoropleth.ts';
import { LIGHT_THEME, type Theme } from '../../src/domain/theme.ts';
import { cityStates, hatchUpdate, noDataCodes, paintedFill, unitStates, unitSymbolStates } from '../../src/map/featureStates.ts';
import { PROJECTOR_THEME } from '../../src/map/projectorTheme.ts';
import { NODATA_SOURCE } from '../../src/map/style.ts';

/**
 * What the same-content floor page (pages/content.ts) sets on its map so that it shows what the
 * app's first view shows: the app's data colours are feature-state (src/map/featureStates.ts), set
 * by src/map/dataColoursBinding.ts from the store's default choropleth. The same pure functions,
 * run here in Node on the same files, give the same calls; the page only replays them.
 */
export interface ThemeCalls {
  /** `map.setFeatureState({ source, id }, state)`, in the order the app makes them. */
  states: [source: string, id: string, state: Record<string, unknown>][];
  /** The circles' rim: the palette's darkest colour, when circles are drawn. */
  rim: string | null;
}

export interface ContentStates {
  /** The indicator and year the states are for (the app's first view). */
  spec: ChoroplethSpec;
  /** The units the no-data hatch's source holds from the start (the app puts them in its style). */
  hatchSource: string[];
  light: ThemeCalls;
  /** The same view in the projector theme (the painted colours follow the theme's land and sea). */
  projector: ThemeCalls;
}

/** The calls of `bindDataColours`' first `applyData` for one theme, without legend emphasis. */
function themeCalls(dataset: Dataset, choropleth: Choropleth | null, theme: Theme, mayLackData: ReadonlySet<string>): ThemeCalls {
  const unitCodes = dataset.municipalities.features.map((f) => f.properties.code);
  const cityIds = dataset.cities.features.map((f) => f.properties.id);
  const symbols = choropleth ? citySymbolsOf(dataset, choropleth) : null;
  const countSymbols = choropleth ? unitSymbolsOf(choropleth) : null;
  const paint = { colourByCode: symbols || !choropleth ? new Map<string, string>() : choropleth.colourByGeo, noDataCodes: symbols || !choropleth ? [] : choropleth.noData };
  const units = unitStates(unitCodes, paint, theme, symbols !== null, null, countSymbols !== null);
  const cities = cityStates(cityIds, symbols, theme, null);
  const unitCircles = unitSymbolStates(unitCodes, countSymbols, theme, null);
  const states: ThemeCalls['states'] = [];
  const { flags } = hatchUpdate({ inSource: mayLackData, hatched: new Set() }, noDataCodes(units));
  for (const [code, hatched] of flags) states.push([NODATA_SOURCE, code, { hatched }]);
  for (const [code, s] of units) {
    states.push(['municipalities', code, { ...s, fill: paintedFill(s, theme) }]);
    if (s.nodata) states.push([NODATA_SOURCE, code, { faded: s.faded }]);
  }
  for (const [id, s] of cities) states.push(['cities', id, { ...s }]);
  for (const [code, s] of unitCircles) states.push(['municipality-labels', code, { ...s }]);
  return { states, rim: countSymbols ? (choropleth?.classes.at(-1)?.colour ?? null) : null };
}

/** The feature-states of the app's first view of `dataset` (default choropleth, no emphasis), in both themes. */
export function contentStates(dataset: Dataset, spec: ChoroplethSpec = DEFAULT_CHOROPLETH): ContentStates {
  const unitCodes = dataset.municipalities.features.map((f) => f.properties.code);
  const choropleth = mappedChoropleth(dataset, spec);
  const mayLackData = new Set(placesWithoutLatest(dataset.indicators, unitCodes, 'municipality'));
  const light = themeCalls(dataset, choropleth, LIGHT_THEME, mayLackData);
  // A unit without data now but not among those that may lack it joins the hatch's source (the app does the same).
  const hatched = light.states.filter(([source, , s]) => source === NODATA_SOURCE && s.hatched === true).map(([, code]) => code);
  const hatchSource = unitCodes.filter((c) => mayLackData.has(c) || hatched.includes(c));
  return { spec, hatchSource, light, projector: themeCalls(dataset, choropleth, PROJECTOR_THEME, mayLackData) };
}

/**
 * The app's dataset as `loadDataset` makes it in the page, read from `dataDir` with some files
 * replaced (`routes`: file name → body, the synthetic sizes).
 */
export function datasetFromFiles(dataDir: string, routes: ReadonlyMap<string, string> = new Map()): Promise<Dataset> {
  const fetcher = async (url: string | URL | Request) => {
    const name = String(url).replace(/^.*\/data\//, '');
    const body = routes.get(name) ?? readFileSync(join(dataDir, name), 'utf8');
    return new Response(body, { status: 200 });
  };
  return loadDataset('http://bench.invalid/', fetcher as typeof fetch);
}
