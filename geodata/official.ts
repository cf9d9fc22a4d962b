import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { unzipSync } from 'fflate';
import proj4 from 'proj4';
import * as shapefile from 'shapefile';
import { topology } from 'topojson-server';
import { merge } from 'topojson-client';
import type { GeometryCollection } from 'topojson-specification';
import type { TerritorialUnitProps } from '../src/domain/hinterland/territorial.ts';
import { ellipsoidalAreaKm2 } from './area.ts';
import type { DatasetInputs } from './dataset.ts';
import { PipelineError } from './errors.ts';
import { labelPoint } from './labels.ts';

/** LKS-92 / Latvia TM (EPSG:3059); x is easting. Verified against GDAL's gdaltransform. */
export const LKS92 = '+proj=tmerc +lat_0=0 +lon_0=24 +k=0.9996 +x_0=500000 +y_0=-6000000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';
const toWgs84 = proj4(LKS92, 'EPSG:4326');

type Areal = Polygon | MultiPolygon;

function reproject(geometry: Areal, file: string, index: number): Areal {
  const pt = (p: Position): Position => {
    const [x, y] = p as [number, number];
    // Latvia in LKS-92 spans roughly x 300–770 km, y 160–450 km; degrees or another grid do not.
    if (!(x > 250_000 && x < 800_000 && y > 100_000 && y < 480_000)) {
      throw new PipelineError(file, null, `feature ${index + 1}: coordinate (${x}, ${y}) is not in LKS-92 / EPSG:3059 — check the .prj`);
    }
    const [lon, lat] = toWgs84.forward([x, y]);
    return [Math.round(lon! * 1e7) / 1e7, Math.round(lat! * 1e7) / 1e7];
  };
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: geometry.coordinates.map((r) => r.map(pt)) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map((p) => p.map((r) => r.map(pt))) };
}

async function readShp(path: string): Promise<{ file: string; features: Feature[] }> {
  const file = basename(path);
  if (path.toLowerCase().endsWith('.zip')) {
    const entries = unzipSync(new Uint8Array(readFileSync(path)));
    const find = (ext: string) => Object.keys(entries).find((n) => n.toLowerCase().endsWith(ext));
    const shp = find('.shp');
    const dbf = find('.dbf');
    if (!shp || !dbf) throw new PipelineError(file, null, 'the archive has no .shp and .dbf pair');
    const buf = (name: string) => entries[name]!.slice().buffer;
    const fc = await shapefile.read(buf(shp), buf(dbf), { encoding: 'utf-8' });
    return { file, features: fc.features as Feature[] };
  }
  const fc = await shapefile.read(path, path.replace(/\.shp$/i, '.dbf'), { encoding: 'utf-8' });
  return { file, features: fc.features as Feature[] };
}

const atvkOf = (v: unknown) => String(v ?? '').trim().padStart(7, '0');

/**
 * Reads the CSP "territorial units" shapefile (LKS-92): each feature is a territorial unit
 * (`L1_code`, a city or parish) of a municipality (`L0_code`, ATVK). Municipalities are dissolved
 * from their territorial units along shared arcs; the units themselves are kept for parish-level
 * work, with the real outlines of Valmiera, Jēkabpils and Ogre, each with its ellipsoidal area
 * (to 0.01 km²) and label point computed as the municipalities' are, from the unsimplified outline.
 */
export async function readOfficialShapefile(path: string): Promise<{
  municipalities: DatasetInputs['boundaries'];
  territorialUnits: FeatureCollection<Areal, TerritorialUnitProps>;
}> {
  const { file, features } = await readShp(path);
  const units: Feature<Areal, TerritorialUnitProps>[] = features.map((f, i) => {
    const p = f.properties ?? {};
    if (!('L0_code' in p) || !('L1_code' in p)) throw new PipelineError(file, null, `feature ${i + 1}: fields L0_code and L1_code are required`);
    const g = f.geometry;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) throw new PipelineError(file, null, `feature ${i + 1}: not a polygon`);
    const geometry = reproject(g, file, i);
    const [lon, lat] = labelPoint(geometry) as [number, number];
    return {
      type: 'Feature',
      properties: {
        code: String(p.L1_code).trim(),
        municipalityAtvk: atvkOf(p.L0_code),
        name: String(p.L1_name ?? p.L1_nosauk ?? '').trim(),
        areaKm2: Math.round(ellipsoidalAreaKm2(geometry) * 100) / 100,
        label: [lon, lat],
      },
      geometry,
    };
  });
  const collection: FeatureCollection<Areal> = { type: 'FeatureCollection', features: units };
  const topo = topology({ units: collection });
  type UnitGeometry = GeometryCollection['geometries'][number] & { properties: { municipalityAtvk: string } };
  const geoms = (topo.objects.units as GeometryCollection).geometries as UnitGeometry[];
  const byAtvk = new Map<string, typeof geoms>();
  for (const g of geoms) byAtvk.set(g.properties.municipalityAtvk, [...(byAtvk.get(g.properties.municipalityAtvk) ?? []), g]);
  const municipalities: Feature[] = [...byAtvk.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([atvk, parts]) => {
      const m = merge(topo, parts as never);
      const geometry: Areal = m.coordinates.length === 1 ? { type: 'Polygon', coordinates: m.coordinates[0]! } : m;
      return { type: 'Feature', properties: { L0_code: atvk }, geometry };
    });
  return {
    municipalities: { file, features: municipalities, keyOf: (f) => atvkOf(f.properties?.L0_code), unitKey: (u) => u.atvk },
    territorialUnits: { type: 'FeatureCollection', features: units },
  };
}
