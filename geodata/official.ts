import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { unzipSync } from 'fflate';
import proj4 from 'proj4';
import * as shapefile from 'shapefile';
import type { TerritorialUnitKind } from '../src/domain/hinterland/territorial.ts';
import { PipelineError } from './errors.ts';

/** LKS-92 / Latvia TM (EPSG:3059); x is easting. Verified against GDAL's gdaltransform. */
export const LKS92 = '+proj=tmerc +lat_0=0 +lon_0=24 +k=0.9996 +x_0=500000 +y_0=-6000000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';
const toWgs84 = proj4(LKS92, 'EPSG:4326');

type Areal = Polygon | MultiPolygon;

/**
 * One territorial unit (CSP `L1`: a state city, a town or a parish) as read from the shapefile,
 * reprojected to WGS84 and unsimplified: its CSP area code, the code of the municipality (`L0`) it
 * was in on the edition's date, its Latvian name and kind.
 */
export interface SourceUnit {
  code: string;
  municipalityCode: string;
  name: string;
  kind: TerritorialUnitKind;
  geometry: Areal;
}

/** The territorial units of one boundary file, in file order. */
export interface SourceUnits {
  file: string;
  units: SourceUnit[];
}

/** CSP `L1_type`: 1 state city (valstspilsēta), 5 a novads not divided into parishes (2021 edition only), 6 town (pilsēta), 7 parish (pagasts). */
const KIND_OF_TYPE: Record<string, TerritorialUnitKind> = { '1': 'state_city', '5': 'novads', '6': 'town', '7': 'parish' };

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
  // A repeated vertex (two in the 2022 edition, at Skrunda) is a zero-length edge that validity checks
  // read as a self-intersection; dropping it changes no outline.
  const ring = (r: Position[]) => r.map(pt).filter((p, i, all) => i === 0 || p[0] !== all[i - 1]![0] || p[1] !== all[i - 1]![1]);
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: geometry.coordinates.map(ring) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map((p) => p.map(ring)) };
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

/**
 * A CSP area code from a shapefile field: the 2022 edition writes `LV0048450`, other editions the
 * bare ATVK, sometimes without its leading zeros; all become `LV` + 7 digits, as in units.csv.
 */
export function areaCodeOf(value: unknown): string {
  const digits = String(value ?? '').trim().replace(/^LV/i, '');
  return /^\d{1,7}$/.test(digits) ? `LV${digits.padStart(7, '0')}` : '';
}

/**
 * Reads the CSP "territorial units" shapefile (LKS-92), a `.shp` with its `.dbf` beside it or the
 * `.zip` CSP publishes: one feature per territorial unit (`L1_code`) of a municipality
 * (`L0_code`). A feature without both codes, with an unknown `L1_type`, without a polygon or with
 * coordinates outside LKS-92 stops the build, naming the file and the feature.
 */
export async function readOfficialShapefile(path: string): Promise<SourceUnits> {
  const { file, features } = await readShp(path);
  const units = features.map((f, i): SourceUnit => {
    const p = f.properties ?? {};
    const at = `feature ${i + 1}`;
    if (!('L0_code' in p) || !('L1_code' in p)) throw new PipelineError(file, null, `${at}: fields L0_code and L1_code are required`);
    const code = areaCodeOf(p.L1_code);
    const municipalityCode = areaCodeOf(p.L0_code);
    if (!code || !municipalityCode) throw new PipelineError(file, null, `${at}: L1_code "${p.L1_code}" or L0_code "${p.L0_code}" is not an area code`);
    // An edition without L1_type: a unit that is its own municipality is a state city, else a parish unless named as a town.
    const kind = 'L1_type' in p ? KIND_OF_TYPE[String(p.L1_type)] : code === municipalityCode ? 'state_city' : 'parish';
    if (!kind) throw new PipelineError(file, null, `${at} (${code}): unknown L1_type ${String(p.L1_type)} (1 state city, 5 novads, 6 town, 7 parish)`);
    const g = f.geometry;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) throw new PipelineError(file, null, `${at} (${code}): not a polygon`);
    return { code, municipalityCode, name: String(p.L1_name ?? '').trim(), kind, geometry: reproject(g, file, i) };
  });
  return { file, units };
}
