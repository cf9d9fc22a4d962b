import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { territorialUnitsProblem, type TerritorialUnits } from '../domain/hinterland/territorial.ts';
import type { IndicatorData } from '../domain/indicators.ts';
import type { StrategyFacts } from '../domain/strategy.ts';
import type { CityProps, MunicipalityProps } from '../domain/units.ts';

/**
 * Everything the app loads from public/data/ before it can draw the map. The cooperation links
 * (links.json) are not in it: they are loaded when first needed (linksLoad.ts).
 */
export interface Dataset {
  municipalities: FeatureCollection<Polygon | MultiPolygon, MunicipalityProps>;
  cities: FeatureCollection<Point, CityProps>;
  latvia: FeatureCollection;
  neighbours: FeatureCollection;
  contextLabels: FeatureCollection;
  municipalityLabels: FeatureCollection;
  strategy: StrategyFacts;
  indicators: IndicatorData;
  /**
   * The territorial units (cities and parishes) when the data were built from the official CSP
   * shapefile; absent with the default amCharts boundaries, and then hinterlands are by
   * municipality only.
   */
  territorialUnits?: TerritorialUnits;
}

/** The municipalities, Latvia and the neighbours in one quantised topology (geodata/territory.ts). */
const TERRITORY = 'territory.topo.json';
const TERRITORY_LAYERS = ['municipalities', 'latvia', 'neighbours'] as const;

const FILES = {
  territory: TERRITORY,
  cities: 'cities.geojson',
  contextLabels: 'context-labels.geojson',
  municipalityLabels: 'municipality-labels.geojson',
  strategy: 'strategy.json',
  indicators: 'indicators.json',
} as const;

/** The failure of one data file, named so the user can tell which one and why. */
export class DataLoadError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

const TERRITORIAL_UNITS = 'territorial-units.geojson';

/**
 * Whether the pipeline wrote `territorial-units.geojson`, by its `provenance.json`: a list of
 * `outputs` naming it, or else boundaries from the CSP shapefile (only that build writes it).
 * Asking the provenance first spares the default build a request that can only fail.
 */
export function listsTerritorialUnits(provenance: unknown): boolean {
  const p = provenance as { outputs?: unknown; boundaries?: { source?: unknown } } | null;
  if (Array.isArray(p?.outputs)) return p.outputs.includes(TERRITORIAL_UNITS);
  return typeof p?.boundaries?.source === 'string' && p.boundaries.source.startsWith('CSP territorial units');
}

/**
 * The territorial units if the data have them; otherwise, or when the file cannot be read or is
 * not usable, undefined: the map then works by municipality, as with the default boundaries.
 */
async function loadTerritorialUnits(baseUrl: string, fetcher: typeof fetch): Promise<TerritorialUnits | undefined> {
  const json = async (file: string): Promise<unknown> => {
    const res = await fetcher(new URL(`data/${file}`, baseUrl).href);
    return res.ok ? res.json() : undefined;
  };
  try {
    if (!listsTerritorialUnits(await json('provenance.json'))) return undefined;
    const units = await json(TERRITORIAL_UNITS);
    const problem = units === undefined ? 'could not be loaded' : territorialUnitsProblem(units);
    if (problem === null) return units as TerritorialUnits;
    console.warn(`${TERRITORIAL_UNITS}: ${problem}; hinterlands by municipality only`);
  } catch {
    // Unreadable provenance or units: by municipality only, as without them.
  }
  return undefined;
}

/** The three GeoJSON layers of the territory topology; a file without them is an error naming it. */
function decodeTerritory(json: unknown): Pick<Dataset, (typeof TERRITORY_LAYERS)[number]> {
  const topology = json as Topology<Record<string, GeometryCollection>> | null;
  const missing = TERRITORY_LAYERS.filter((name) => topology?.objects?.[name]?.type !== 'GeometryCollection');
  if (topology?.type !== 'Topology' || !Array.isArray(topology.arcs) || missing.length > 0) {
    throw new DataLoadError(TERRITORY, `not a topology with ${TERRITORY_LAYERS.join(', ')}`);
  }
  const layer = (name: (typeof TERRITORY_LAYERS)[number]) => feature(topology, topology.objects[name]!);
  return {
    municipalities: layer('municipalities') as Dataset['municipalities'],
    latvia: layer('latvia'),
    neighbours: layer('neighbours'),
  };
}

/** Fetches all data files in parallel relative to `baseUrl`; rejects with the first that fails. */
export async function loadDataset(baseUrl: string, fetcher: typeof fetch = fetch): Promise<Dataset> {
  const territorial = loadTerritorialUnits(baseUrl, fetcher);
  const entries = await Promise.all(
    Object.entries(FILES).map(async ([key, file]) => {
      let res: Response;
      try {
        res = await fetcher(new URL(`data/${file}`, baseUrl).href);
      } catch (e) {
        throw new DataLoadError(file, (e as Error).message || 'network error');
      }
      if (!res.ok) throw new DataLoadError(file, `HTTP ${res.status}`);
      try {
        return [key, await res.json()] as const;
      } catch {
        throw new DataLoadError(file, 'not valid JSON');
      }
    }),
  );
  const { territory, ...rest } = Object.fromEntries(entries) as Record<string, unknown>;
  const data = { ...rest, ...decodeTerritory(territory) } as unknown as Dataset;
  if (!Array.isArray(data.municipalities?.features) || data.municipalities.features.length === 0) {
    throw new DataLoadError(TERRITORY, 'no municipalities in the file');
  }
  if (!Array.isArray(data.indicators?.observations)) throw new DataLoadError(FILES.indicators, 'no observations in the file');
  const territorialUnits = await territorial;
  if (territorialUnits) data.territorialUnits = territorialUnits;
  return data;
}
