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

// `subset-font` ships no types: subset a TTF/WOFF/WOFF2 to the given text with harfbuzz's hb-subset.
declare module 'subset-font' {
  export default function subsetFont(
    font: Uint8Array,
    text: string,
    options?: {
      targetFormat?: 'truetype' | 'woff' | 'woff2' | 'sfnt';
      keepFeatures?: string[];
      preserveNameIds?: number[];
      noHinting?: boolean;
    },
  ): Promise<Uint8Array>;
}
