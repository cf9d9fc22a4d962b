import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { bboxClip } from '@turf/turf';
import { feature } from 'topojson-client';
import { presimplify, simplify, sphericalTriangleArea } from 'topojson-simplify';
import type { Topology } from 'topojson-specification';
import { readCsvInput } from './csvInput.ts';
import { PipelineError } from './errors.ts';

/** The area around Latvia that the map can show; neighbours are clipped to it. */
export const CONTEXT_BBOX: [number, number, number, number] = [11, 51, 38.5, 63];

/** Natural Earth country ids (ISO 3166-1 numeric) drawn as context, and Latvia's, left out. */
const NEIGHBOURS: Record<string, { nameLv: string; nameEn: string }> = {
  '233': { nameLv: 'Igaunija', nameEn: 'Estonia' },
  '440': { nameLv: 'Lietuva', nameEn: 'Lithuania' },
  '112': { nameLv: 'Baltkrievija', nameEn: 'Belarus' },
  '643': { nameLv: 'Krievija', nameEn: 'Russia' },
  '752': { nameLv: 'Zviedrija', nameEn: 'Sweden' },
  '246': { nameLv: 'Somija', nameEn: 'Finland' },
  '616': { nameLv: 'Polija', nameEn: 'Poland' },
};

function roundTo(digits: number) {
  const f = 10 ** digits;
  const walk = (v: unknown): unknown => (Array.isArray(v) ? v.map(walk) : typeof v === 'number' ? Math.round(v * f) / f : v);
  return walk;
}

/**
 * Visvalingam threshold for the neighbours, as a spherical triangle area: 1 km² (the units use
 * 0.02 km²). They are background land at country scale, and Natural Earth 10m's Finnish and
 * Swedish archipelagos were most of the first view's largest data file (24.6 kB gzip → ~13 kB).
 */
export const NEIGHBOUR_MIN_AREA_KM2 = 1;
const EARTH_RADIUS_KM = 6371.0088;

/**
 * Beyond Latvia's borderlands (`NEAR_LATVIA`: what the first view shows around it, at any screen
 * shape) the neighbours are simplified this many times more coarsely: Sweden's and Finland's
 * archipelagos and Russia's far side appear only in wide scene views, at a zoom where a pixel is
 * a few kilometres: territory.topo.json 29.5 -> 25.0 kB gzip.
 */
export const NEIGHBOUR_FAR_FACTOR = 5;
/** Latvia's bounding box (20.97–28.24 °E, 55.67–58.09 °N) with a margin of about 100 km. */
export const NEAR_LATVIA: [number, number, number, number] = [19.4, 54.8, 29.8, 59];
const nearLatvia = ([lon, lat]: number[]) => lon! >= NEAR_LATVIA[0] && lon! <= NEAR_LATVIA[2] && lat! >= NEAR_LATVIA[1] && lat! <= NEAR_LATVIA[3];

/**
 * Neighbouring countries from Natural Earth 10m (world-atlas), simplified on the shared arcs (so
 * two neighbours keep one border), clipped to the map's area, with names in both languages. Latvia
 * itself is drawn from its municipalities instead, so that the country outline always matches them.
 */
export function neighbourCountries(world: Topology, digits = 3, minAreaKm2 = NEIGHBOUR_MIN_AREA_KM2, farFactor = NEIGHBOUR_FAR_FACTOR): FeatureCollection<Polygon | MultiPolygon, { nameLv: string; nameEn: string }> {
  const weight = (triangle: number[][]) => sphericalTriangleArea(triangle as never) / (nearLatvia(triangle[1]!) ? 1 : farFactor);
  const simple = simplify(presimplify(world as never, weight as never), minAreaKm2 / EARTH_RADIUS_KM ** 2) as unknown as Topology;
  const countries = feature(simple, simple.objects.countries as never) as unknown as FeatureCollection<Polygon | MultiPolygon>;
  const out: Feature<Polygon | MultiPolygon, { nameLv: string; nameEn: string }>[] = [];
  for (const c of countries.features) {
    const names = NEIGHBOURS[String(c.id)];
    if (!names) continue;
    const clipped = bboxClip(c, CONTEXT_BBOX);
    const g = clipped.geometry as Polygon | MultiPolygon;
    const rings: Position[][][] = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    const polys = rings.filter(
      (p) => p.length > 0 && (p[0]?.length ?? 0) >= 4,
    );
    if (polys.length === 0) continue;
    out.push({
      type: 'Feature',
      properties: names,
      geometry: { type: 'MultiPolygon', coordinates: roundTo(digits)(polys) as MultiPolygon['coordinates'] },
    });
  }
  out.sort((a, b) => a.properties.nameEn.localeCompare(b.properties.nameEn));
  return { type: 'FeatureCollection', features: out };
}

/**
 * Hand-placed names of the neighbouring countries and seas (`geodata/inputs/context_labels.csv`):
 * one point each, so a name is drawn once near Latvia instead of once per tile of its polygon.
 */
export function readContextLabels(text: string, file: string): FeatureCollection<Point, { nameLv: string; nameEn: string; kind: 'country' | 'sea' }> {
  const records = readCsvInput(text, file, ['name_lv', 'name_en', 'kind', 'lon', 'lat']);
  const features = records.map(({ line, values: v }): Feature<Point, { nameLv: string; nameEn: string; kind: 'country' | 'sea' }> => {
    const kind = v.kind;
    if (kind !== 'country' && kind !== 'sea') throw new PipelineError(file, line, `unknown kind "${kind}" (expected country, sea)`);
    const lon = Number(v.lon);
    const lat = Number(v.lat);
    const [w, s, e, n] = CONTEXT_BBOX;
    if (!(lon >= w && lon <= e && lat >= s && lat <= n)) throw new PipelineError(file, line, `position (${v.lon}, ${v.lat}) lies outside the map's area`);
    return {
      type: 'Feature',
      properties: { nameLv: v.name_lv ?? '', nameEn: v.name_en ?? '', kind },
      geometry: { type: 'Point', coordinates: [lon, lat] },
    };
  });
  return { type: 'FeatureCollection', features };
}
