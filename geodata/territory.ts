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
}

/** The three layers as one quantised topology with objects `municipalities`, `latvia`, `neighbours`. */
export function territoryTopology(layers: TerritoryLayers): Topology {
  return topology({ municipalities: layers.municipalities, latvia: layers.latvia, neighbours: layers.neighbours }, TERRITORY_QUANTIZATION) as unknown as Topology;
}
