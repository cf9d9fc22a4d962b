/**
 * `public/data/territory.topo.json`: the geometry the app's first view needs — the municipalities,
 * Latvia's outline, the neighbouring countries and the ten city outlines — as one TopoJSON
 * topology, quantised on a 100 000 × 100 000 grid over the neighbours' extent (a step of about
 * 16 m over 11–38.5° E, 51–63° N: under a pixel up to the map's deepest zoom, 12, and far below the
 * 1:1 200 000 boundaries' own accuracy of some 600 m). The neighbours reach that far so that a
 * scene framed beside a small projector's cards never shows where they are cut off. Shared borders
 * are stored once and coordinates as small deltas, so it is 30 kB gzip instead of 71 kB for the
 * three GeoJSON files; the app decodes it with topojson-client. The GeoJSON files are still
 * written for reuse and for the benchmark's reference pages. The name ends in `.json` so that
 * static servers send it as JSON, compressed.
 */
import type { FeatureCollection } from 'geojson';
import { topology } from 'topojson-server';
import type { Topology } from 'topojson-specification';

export const TERRITORY_QUANTIZATION = 1e5;
/** The territorial units' grid: finer, as they are drawn only zoomed in (~7 m over Latvia's extent). */
export const UNITS_QUANTIZATION = 1e5;
/** The file of the territorial units, named in the territory topology (`territorialUnits`) so the app knows they exist without asking. */
export const TERRITORIAL_UNITS_FILE = 'territorial-units.topo.json';

export interface TerritoryLayers {
  municipalities: FeatureCollection;
  latvia: FeatureCollection;
  neighbours: FeatureCollection;
  /** The ten state cities' own outlines (territorial units), sharing their arcs with the municipalities. */
  cities: FeatureCollection;
}

/**
 * The layers as one quantised topology with objects `municipalities`, `latvia`, `neighbours`,
 * `cities`, and, when the territorial units are written beside it, their file name as the foreign
 * member `territorialUnits`.
 */
export function territoryTopology(layers: TerritoryLayers, territorialUnits?: string, commuting?: string): Topology {
  const topo = topology(
    { municipalities: layers.municipalities, latvia: layers.latvia, neighbours: layers.neighbours, cities: layers.cities },
    TERRITORY_QUANTIZATION,
  ) as unknown as Topology;
  return { ...topo, ...(territorialUnits && { territorialUnits }), ...(commuting && { commuting }) } as Topology;
}

/**
 * `public/data/territorial-units.topo.json`: the 592 territorial units (parishes, towns, state
 * cities) as a topology with one object, `units`, quantised on the same grid step as the territory
 * (1e5 over Latvia's smaller extent: ~4 m). Loaded only when first needed (zoom, a hinterland of
 * parishes), so the first view does not pay for it.
 */
export function territorialUnitsTopology(units: FeatureCollection): Topology {
  return topology({ units }, UNITS_QUANTIZATION) as unknown as Topology;
}
