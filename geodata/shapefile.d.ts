// The `shapefile` package ships no types; this is the one call the pipeline makes.
declare module 'shapefile' {
  import type { FeatureCollection } from 'geojson';
  export function read(
    shp: string | ArrayBuffer | Uint8Array,
    dbf?: string | ArrayBuffer | Uint8Array,
    options?: { encoding?: string },
  ): Promise<FeatureCollection>;
}
