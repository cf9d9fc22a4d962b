// Types for the two pipeline packages that ship none; only the calls the pipeline makes.
// `shapefile`: read a .shp/.dbf pair into GeoJSON.
declare module 'shapefile' {
  import type { FeatureCollection } from 'geojson';
  export function read(
    shp: string | ArrayBuffer | Uint8Array,
    dbf?: string | ArrayBuffer | Uint8Array,
    options?: { encoding?: string },
  ): Promise<FeatureCollection>;
}

// `polylabel` ships no types: the pole of inaccessibility of a polygon (rings of [x, y]).
declare module 'polylabel' {
  export default function polylabel(polygon: number[][][], precision?: number): number[] & { distance: number };
}
