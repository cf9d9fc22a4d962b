import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { IndicatorData } from '../domain/indicators.ts';
import type { StrategyFacts } from '../domain/strategy.ts';
import type { CityProps, MunicipalityProps } from '../domain/units.ts';
import type { Link } from '../domain/links/model.ts';

/** Everything the app loads from public/data/ before it can draw the map. */
export interface Dataset {
  municipalities: FeatureCollection<Polygon | MultiPolygon, MunicipalityProps>;
  cities: FeatureCollection<Point, CityProps>;
  borders: FeatureCollection;
  latvia: FeatureCollection;
  neighbours: FeatureCollection;
  contextLabels: FeatureCollection;
  municipalityLabels: FeatureCollection;
  strategy: StrategyFacts;
  indicators: IndicatorData;
  /** The documented cooperation links shipped by the pipeline (optional for fixtures that need none). */
  links?: Link[];
}

const FILES = {
  municipalities: 'municipalities.geojson',
  cities: 'cities.geojson',
  borders: 'borders.geojson',
  latvia: 'latvia.geojson',
  neighbours: 'neighbours.geojson',
  contextLabels: 'context-labels.geojson',
  municipalityLabels: 'municipality-labels.geojson',
  strategy: 'strategy.json',
  indicators: 'indicators.json',
  links: 'links.json',
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
  const data = Object.fromEntries(entries) as unknown as Dataset;
  if (!Array.isArray(data.municipalities?.features) || data.municipalities.features.length === 0) {
    throw new DataLoadError(FILES.municipalities, 'no municipalities in the file');
  }
  if (!Array.isArray(data.indicators?.observations)) throw new DataLoadError(FILES.indicators, 'no observations in the file');
  return data;
}
