import proj4 from 'proj4';
import type { MultiPolygon, Polygon, Position } from 'geojson';

// ETRS89 / LAEA Europe (EPSG:3035) is equal-area on the GRS80 ellipsoid, so a planar area in it is
// the ellipsoidal area; Turf's `area` uses a sphere and is ~0.3 % off at Latvia's latitude.
const LAEA = '+proj=laea +lat_0=52 +lon_0=10 +x_0=4321000 +y_0=3210000 +ellps=GRS80 +units=m +no_defs';
const toLaea = proj4('EPSG:4326', LAEA);

function ringArea(ring: Position[]): number {
  let sum = 0;
  const pts = ring.map((p) => toLaea.forward([p[0]!, p[1]!]));
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i]!;
    const [xj, yj] = pts[j]!;
    sum += (xj! + xi!) * (yj! - yi!);
  }
  return Math.abs(sum) / 2;
}

/** Ellipsoidal (GRS80) area of a WGS84 (Multi)Polygon in km²: outer rings minus holes. */
export function ellipsoidalAreaKm2(geometry: Polygon | MultiPolygon): number {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let m2 = 0;
  for (const rings of polygons) {
    rings.forEach((ring, i) => (m2 += (i === 0 ? 1 : -1) * ringArea(ring)));
  }
  return m2 / 1e6;
}
