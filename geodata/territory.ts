/**
 * `public/data/territory.topo.json`: the geometry the app's first view needs — the municipalities,
 * Latvia's outline and the neighbouring countries — as one TopoJSON topology, quantised on a
 * 100 000 × 100 000 grid over the neighbours' extent (a step of about 8 m, under a pixel at the
 * map's deepest zoom and far below the boundaries' own accuracy). Shared borders are stored once
 * and coordinates as small deltas, so it is 23 kB gzip instead of 45 kB for the three GeoJSON
 * files; the app decodes it with topojson-client. The GeoJSON files are still written for reuse and for the benchmark's
 * reference pages. The name ends in `.json` so that static servers send it as JSON, compressed.
 */
import type { FeatureCollection } from 'geojson';
import { topology } from 'topojson-server';
import type { Topology } from 'topojson-specification';

export const TERRITORY_QUANTIZATION = 1e5;

export interface TerritoryLayers {
  municipalities: FeatureCollection;
  latvia: FeatureCollection;
  neighbours: FeatureCollection;
  /** The ten state cities' own outlines (territorial units), sharing their arcs with the municipalities. */
  cities: FeatureCollection;
}

/** The layers as one quantised topology with objects `municipalities`, `latvia`, `neighbours`, `cities`. */
export function territoryTopology(layers: TerritoryLayers): Topology {
  return topology(
    { municipalities: layers.municipalities, latvia: layers.latvia, neighbours: layers.neighbours, cities: layers.cities },
    TERRITORY_QUANTIZATION,
  ) as unknown as Topology;
}

/**
 * `public/data/territorial-units.topo.json`: the 592 territorial units (parishes, towns, state
 * cities) as a topology with one object, `units`, quantised on the same grid step as the territory
 * (1e5 over Latvia's smaller extent: ~4 m). Loaded only when first needed (zoom, a hinterland of
 * parishes), so the first view does not pay for it.
 */
export function territorialUnitsTopology(units: FeatureCollection): Topology {
  return topology({ units }, TERRITORY_QUANTIZATION) as unknown as Topology;
}
