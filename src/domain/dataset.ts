import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { CommutingData } from './hinterland/commuting.ts';
import type { FuaData } from './hinterland/fua.ts';
import type { TerritorialUnits } from './hinterland/territorial.ts';
import { IndicatorFileError, unpackIndicatorFile } from './indicatorFile.ts';
import type { IndicatorData } from './indicators.ts';
import type { StrategyFacts } from './strategy.ts';
import type { CityProps, MunicipalityProps } from './units.ts';

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
  /** The ten state cities' own outlines (the seven cities, and the towns Valmiera, Jēkabpils and Ogre). */
  cityOutlines: FeatureCollection<Polygon | MultiPolygon>;
  /** Whether the data have territorial units (territory.topo.json names their file); they load on first need. */
  territorialUnitsAvailable: boolean;
  /**
   * The 592 territorial units (state cities, towns and parishes), once loaded on first need
   * (territorialUnitsLoad.ts: a zoom that shows parishes, a hinterland made of them).
   */
  territorialUnits?: TerritorialUnits;
  /** Eurostat's functional urban areas on the territorial units and the gravity fit, loaded with them. */
  fua?: FuaData;
  /** Whether the data carry CSP's commuting flows (after `npm run data:update`; territory.topo.json names their file). */
  commutingAvailable?: boolean;
  /** The commuting flows, loaded on first need (the commuting definition, the flows layer). */
  commuting?: CommutingData;
}

/** The municipalities, Latvia, the neighbours and the city outlines in one quantised topology (geodata/territory.ts). */
const TERRITORY = 'territory.topo.json';
const TERRITORY_LAYERS = ['municipalities', 'latvia', 'neighbours', 'cities'] as const;

const FILES = {
  territory: TERRITORY,
  cities: 'cities.geojson',
  contextLabels: 'context-labels.geojson',
  municipalityLabels: 'municipality-labels.geojson',
  strategy: 'strategy.json',
  indicators: 'indicators.json',
} as const;

/** Every file `loadDataset` fetches; index.html preloads the same list, so they download while the scripts load. */
export const DATASET_FILES: readonly string[] = Object.values(FILES);

/** The failure of one data file, named so the user can tell which one and why. */
export class DataLoadError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

/** The territorial units as a topology with one object, `units` (geodata/territory.ts). */
export const TERRITORIAL_UNITS = 'territorial-units.topo.json';

/**
 * Whether the pipeline wrote the territorial units, by the file the territory topology names
 * (`territorialUnits`, geodata/territory.ts): data without them never ask for a file that is not there.
 */
export function namesTerritorialUnits(territory: unknown): boolean {
  return (territory as { territorialUnits?: unknown } | null)?.territorialUnits === TERRITORIAL_UNITS;
}

/** The commuting flows' file, named by the territory topology when `npm run data:update` has fetched them. */
export const COMMUTING = 'commuting.json';

/** Whether the pipeline wrote the commuting flows (the foreign member `commuting` of the territory topology). */
export function namesCommuting(territory: unknown): boolean {
  return (territory as { commuting?: unknown } | null)?.commuting === COMMUTING;
}

/** The GeoJSON layers of the territory topology; a file without them is an error naming it. */
function decodeTerritory(json: unknown): Pick<Dataset, 'municipalities' | 'latvia' | 'neighbours' | 'cityOutlines'> {
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
    cityOutlines: layer('cities') as Dataset['cityOutlines'],
  };
}

/** Fetches all data files in parallel relative to `baseUrl`; rejects with the first that fails. */
export async function loadDataset(baseUrl: string, fetcher: typeof fetch = fetch): Promise<Dataset> {
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
  try {
    data.indicators = unpackIndicatorFile(rest.indicators, FILES.indicators);
  } catch (e) {
    throw e instanceof IndicatorFileError ? new DataLoadError(e.file, e.reason) : e;
  }
  data.territorialUnitsAvailable = namesTerritorialUnits(territory);
  data.commutingAvailable = namesCommuting(territory);
  return data;
}
