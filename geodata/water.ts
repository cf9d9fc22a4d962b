/**
 * Writes geodata/inputs/water.geojson: Latvia's large lakes and the Daugava, from GSHHG (the
 * Global Self-consistent Hierarchical High-resolution Geography: GSHHS shorelines and CIA World
 * Data Bank II rivers), read at full resolution through GMT. The output is committed and the
 * pipeline reads it with `readWater` (waterInput.ts), so only a person refreshing it needs GMT:
 *
 *   apt-get install gmt gmt-gshhg-full     (Debian; GSHHG 2.3.7, LGPL-3.0-or-later)
 *   npm run water
 *
 * GMT stores GSHHG in 1° bins and `gmt coast -M` dumps each bin's piece of a shoreline or river
 * as a segment of its own, so the pieces are joined again here end to start (a piece ends exactly
 * where the next begins, on the bin edge). The same inputs and GSHHG give a byte-identical file.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature, LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import { bboxClip, booleanIntersects } from '@turf/turf';
import { readCsvInput } from './csvInput.ts';
import { ellipsoidalAreaKm2 } from './area.ts';
import { PipelineError } from './errors.ts';
import { pointInRing, polygonProblem, readWater, WATER_BBOX, type LakeFeature, type RiverFeature, type WaterCollection } from './waterInput.ts';

/**
 * The region GMT dumps: whole 1° bins well around WATER_BBOX, so that every lake that touches
 * Latvia comes out closed (a lake cut by -R could not be joined into a ring).
 */
const DUMP_REGION = '-R19/30/54/60';

/**
 * Smallest lake kept, as the ellipsoidal area of its GSHHG polygon: 5 km². GSHHG has few Latvian
 * lakes and draws them coarsely (Lubāns 83 km², Drīdzis 12 km² though it is 7.5 km²), and it has
 * no Liepājas ezers, Ķīšezers or Kaņieris at all (they are part of the sea's shoreline there).
 * 10 km² would keep 14 lakes but lose Juglas ezers in Rīga (5.2 km² in GSHHG), Lielais Ludzas
 * ezers (7.5) and Cirīšs (6.2); 5 km² keeps every well-known lake GSHHG has: 27 lakes, the
 * smallest a few pixels across at country scale. The next smaller ones (4.9 km² and under) have
 * no name one can be sure of.
 */
export const MIN_LAKE_KM2 = 5;

/** Points the Daugava passes (Daugavpils, Jēkabpils, Ogre, Rīga): a WDBII line near all four is it. */
export const DAUGAVA_CHECKPOINTS: readonly Position[] = [
  [26.53, 55.87],
  [25.86, 56.5],
  [24.6, 56.82],
  [24.11, 56.95],
];
/** How near (km) the line must come to each checkpoint. */
const CHECKPOINT_KM = 3;

/** The GMT calls, exactly as run (and as recorded in the output's `source`). */
export const GMT_COMMANDS = {
  /** Shoreline level 2: lake shores, as bin pieces. */
  lakes: ['coast', DUMP_REGION, '-Df', '-A0', '-W2/0.1p', '-M'],
  /** Shoreline level 3: islands in lakes, drawn as holes. */
  islands: ['coast', DUMP_REGION, '-Df', '-A0', '-W3/0.1p', '-M'],
  /** All permanent WDBII rivers (levels 1–4). */
  rivers: ['coast', DUMP_REGION, '-Df', '-Ir/0.1p', '-M'],
} as const;

const DIGITS = 4;
const round = (v: number) => Math.round(v * 10 ** DIGITS) / 10 ** DIGITS;

/**
 * The positions of a GMT multisegment ASCII table (`gmt ... -M` output), one array per segment.
 * A line starting with `>` opens a segment; `#` lines and blank lines are skipped; a record of
 * NaNs (GMT's other segment break) ends the segment; columns after lon and lat are ignored. An
 * unreadable record throws, naming its line.
 */
export function parseGmtMultisegment(text: string, file = 'gmt output'): Position[][] {
  const segments: Position[][] = [];
  let current: Position[] | null = null;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    if (line.startsWith('>')) {
      current = [];
      segments.push(current);
      return;
    }
    const cols = line.split(/[\s,]+/);
    if (cols.length < 2) throw new PipelineError(file, i + 1, `expected "lon lat", got "${line}"`);
    const [lon, lat] = [Number(cols[0]), Number(cols[1])];
    if (Number.isNaN(lon) && Number.isNaN(lat) && /^nan$/i.test(cols[0]!) && /^nan$/i.test(cols[1]!)) {
      current = null;
      return;
    }
    if (!Number.isFinite(lon) || !Number.isFinite(lat) || cols[0] === '' || cols[1] === '') {
      throw new PipelineError(file, i + 1, `expected "lon lat", got "${line}"`);
    }
    if (current === null) {
      current = [];
      segments.push(current);
    }
    current.push([lon, lat]);
  });
  return segments.filter((s) => s.length > 0);
}

const keyOf = (p: Position) => `${p[0]!.toFixed(6)},${p[1]!.toFixed(6)}`;

/**
 * Joins bin pieces back into whole lines: a piece continues another when its first position is
 * the other's last (to 1e-6°) and neither end has a second candidate (so lines that meet at a
 * confluence stay apart). Pieces of fewer than two distinct positions are dropped (GMT writes
 * such stubs on bin edges). A line that comes back to its start is returned closed (first
 * position = last); the others open. Output order follows the input's first pieces.
 */
export function joinSegments(segments: Position[][]): Position[][] {
  const pieces = segments
    .map((s) => s.filter((p, i) => i === 0 || keyOf(p) !== keyOf(s[i - 1]!)))
    .filter((s) => s.length >= 2 && !(s.length === 2 && keyOf(s[0]!) === keyOf(s[1]!)));
  const starts = new Map<string, number[]>();
  const ends = new Map<string, number[]>();
  pieces.forEach((s, i) => {
    if (keyOf(s[0]!) === keyOf(s[s.length - 1]!)) return;
    starts.set(keyOf(s[0]!), [...(starts.get(keyOf(s[0]!)) ?? []), i]);
    ends.set(keyOf(s[s.length - 1]!), [...(ends.get(keyOf(s[s.length - 1]!)) ?? []), i]);
  });
  const next = new Map<number, number>();
  const hasPrev = new Set<number>();
  pieces.forEach((s, i) => {
    const k = keyOf(s[s.length - 1]!);
    if (k === keyOf(s[0]!)) return;
    const cands = starts.get(k) ?? [];
    if (cands.length === 1 && (ends.get(k) ?? []).length === 1 && cands[0] !== i) {
      next.set(i, cands[0]!);
      hasPrev.add(cands[0]!);
    }
  });
  const used = new Set<number>();
  const out: Position[][] = [];
  const walk = (first: number) => {
    const line: Position[] = [...pieces[first]!];
    used.add(first);
    for (let j = next.get(first); j !== undefined && !used.has(j); j = next.get(j)) {
      line.push(...pieces[j]!.slice(1));
      used.add(j);
    }
    out.push(line);
  };
  pieces.forEach((_, i) => {
    if (!used.has(i) && !hasPrev.has(i)) walk(i);
  });
  // What is left runs in circles: closed rings made of several pieces.
  pieces.forEach((_, i) => {
    if (!used.has(i)) walk(i);
  });
  return out.map((l) => (keyOf(l[0]!) === keyOf(l[l.length - 1]!) ? [...l.slice(0, -1), l[0]!] : l));
}

/** Rounds to DIGITS decimals and drops positions that rounding made repeat. */
function roundLine(line: Position[]): Position[] {
  const out: Position[] = [];
  for (const p of line) {
    const q = [round(p[0]!), round(p[1]!)];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  return out;
}

/** Signed planar area (positive: counter-clockwise). */
function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  return sum / 2;
}
/** RFC 7946 winding: outer rings counter-clockwise, holes clockwise. */
const wind = (ring: Position[], ccw: boolean) => (signedArea(ring) > 0 === ccw ? ring : [...ring].reverse());

/** Great-circle distance in km between two [lon, lat]. */
function distanceKm(a: Position, b: Position): number {
  const rad = Math.PI / 180;
  const dLat = (b[1]! - a[1]!) * rad;
  const dLon = (b[0]! - a[0]!) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1]! * rad) * Math.cos(b[1]! * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}
/** Shortest distance (km) from a point to a polyline, on a local equirectangular plane. */
function distanceToLineKm(p: Position, line: Position[]): number {
  const k = Math.cos((p[1]! * Math.PI) / 180);
  let best = Infinity;
  for (let i = 0; i + 1 < line.length; i++) {
    const [ax, ay] = [(line[i]![0]! - p[0]!) * k, line[i]![1]! - p[1]!];
    const [bx, by] = [(line[i + 1]![0]! - p[0]!) * k, line[i + 1]![1]! - p[1]!];
    const len2 = (bx - ax) ** 2 + (by - ay) ** 2;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * (bx - ax) + ay * (by - ay)) / len2));
    best = Math.min(best, Math.hypot(ax + t * (bx - ax), ay + t * (by - ay)));
  }
  return best * 111.2;
}

/** One row of water_names.csv: a hand-placed point inside a lake, and the lake's names. */
export interface LakeName {
  nameLv: string;
  nameEn: string;
  point: Position;
  line: number;
}

/** Reads `water_names.csv` (`name_lv,name_en,lon,lat,source`). */
export function readWaterNames(text: string, file: string): LakeName[] {
  const records = readCsvInput(text, file, ['name_lv', 'name_en', 'lon', 'lat', 'source']);
  const [w, s, e, n] = WATER_BBOX;
  return records.map(({ line, values: v }) => {
    const lon = Number(v.lon);
    const lat = Number(v.lat);
    if (!(v.lon?.trim() && v.lat?.trim() && lon >= w && lon <= e && lat >= s && lat <= n)) {
      throw new PipelineError(file, line, `position (${v.lon}, ${v.lat}) lies outside ${w}–${e}° E, ${s}–${n}° N`);
    }
    if (!v.name_lv?.trim() || !v.name_en?.trim()) throw new PipelineError(file, line, 'name_lv and name_en must not be empty');
    if (!v.source?.trim()) throw new PipelineError(file, line, 'source must say where the point comes from');
    return { nameLv: v.name_lv.trim(), nameEn: v.name_en.trim(), point: [lon, lat], line };
  });
}

export interface WaterInputs {
  /** Level-2 shoreline pieces (lakes) as dumped by GMT. */
  lakes: Position[][];
  /** Level-3 shoreline pieces (islands in lakes). */
  islands: Position[][];
  /** WDBII river pieces. */
  rivers: Position[][];
  /** Latvia's outline (lakes that intersect it are kept). */
  latvia: Polygon | MultiPolygon;
  names: LakeName[];
  namesFile: string;
  source: string;
}

/**
 * The water features from GMT's dumps: lakes (closed level-2 rings that intersect Latvia, with
 * the level-3 islands inside them as holes, of MIN_LAKE_KM2 or more, named where exactly one
 * point of water_names.csv lies in them), then the Daugava (the joined WDBII line that comes
 * within CHECKPOINT_KM of all DAUGAVA_CHECKPOINTS, clipped to WATER_BBOX). Lakes in descending
 * area; positions rounded to 4 decimals.
 */
export function buildWater(input: WaterInputs): WaterCollection {
  const [w, s, e, n] = WATER_BBOX;
  const inBox = (p: Position) => p[0]! >= w && p[0]! <= e && p[1]! >= s && p[1]! <= n;
  const latvia: Feature<Polygon | MultiPolygon> = { type: 'Feature', properties: {}, geometry: input.latvia };

  const lakeLines = joinSegments(input.lakes);
  const open = lakeLines.find((l) => keyOf(l[0]!) !== keyOf(l[l.length - 1]!) && l.some(inBox));
  if (open) throw new PipelineError('gmt output', null, `a lake shore near (${open[0]![0]}, ${open[0]![1]}) does not close: widen ${DUMP_REGION}`);
  const rings = lakeLines.filter((l) => l.length >= 4 && keyOf(l[0]!) === keyOf(l[l.length - 1]!));
  const islands = joinSegments(input.islands).filter((l) => l.length >= 4 && keyOf(l[0]!) === keyOf(l[l.length - 1]!));

  const lakes: { rings: Position[][]; area: number }[] = [];
  for (const ring of rings) {
    const outer: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } };
    if (!booleanIntersects(outer, latvia)) continue;
    const holes = islands.filter((isl) => pointInRing(isl[0]!, ring));
    const polygon = [wind(roundLine(ring), true), ...holes.map((h) => wind(roundLine(h), false))];
    const area = ellipsoidalAreaKm2({ type: 'Polygon', coordinates: polygon });
    if (area < MIN_LAKE_KM2) continue;
    const problem = polygonProblem(polygon);
    if (problem) throw new PipelineError('gmt output', null, `the lake at (${ring[0]![0]}, ${ring[0]![1]}) is not a simple polygon after rounding: ${problem}`);
    lakes.push({ rings: polygon, area });
  }
  lakes.sort((a, b) => b.area - a.area || a.rings[0]![0]![0]! - b.rings[0]![0]![0]! || a.rings[0]![0]![1]! - b.rings[0]![0]![1]!);

  // Names: each point must fall in exactly one kept lake, and no lake may get two.
  const nameOf = new Map<number, LakeName>();
  for (const name of input.names) {
    const hits = lakes.flatMap((l, i) => (pointInRing(name.point, l.rings[0]!) && !l.rings.slice(1).some((h) => pointInRing(name.point, h)) ? [i] : []));
    if (hits.length !== 1) throw new PipelineError(input.namesFile, name.line, `the point of ${name.nameLv} lies in ${hits.length} of the kept lakes (expected exactly 1)`);
    const other = nameOf.get(hits[0]!);
    if (other) throw new PipelineError(input.namesFile, name.line, `${name.nameLv} and ${other.nameLv} (line ${other.line}) name the same lake`);
    nameOf.set(hits[0]!, name);
  }
  const lakeFeatures = lakes.map((l, i): LakeFeature => {
    const name = nameOf.get(i);
    return {
      type: 'Feature',
      properties: { kind: 'lake', ...(name ? { nameLv: name.nameLv, nameEn: name.nameEn } : {}), areaKm2: Math.round(l.area * 10) / 10 },
      geometry: { type: 'Polygon', coordinates: l.rings },
    };
  });

  const daugava = joinSegments(input.rivers).filter((line) => DAUGAVA_CHECKPOINTS.every((c) => distanceToLineKm(c, line) <= CHECKPOINT_KM));
  if (daugava.length !== 1) throw new PipelineError('gmt output', null, `${daugava.length} WDBII lines pass all of Daugavpils, Jēkabpils, Ogre and Rīga (expected 1)`);
  const clipped = bboxClip({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: daugava[0]! } }, [w, s, e, n]);
  const g = clipped.geometry as LineString | MultiLineString;
  const parts = (g.type === 'LineString' ? [g.coordinates] : g.coordinates).map(roundLine).filter((l) => l.length >= 2);
  const river: RiverFeature = {
    type: 'Feature',
    properties: { kind: 'river', nameLv: 'Daugava', nameEn: 'Daugava' },
    geometry: parts.length === 1 ? { type: 'LineString', coordinates: parts[0]! } : { type: 'MultiLineString', coordinates: parts },
  };

  return { type: 'FeatureCollection', source: input.source, features: [...lakeFeatures, river] };
}

/** The file's text: fixed key order, one feature per line (so a diff shows which changed). */
export function serialiseWater(fc: WaterCollection): string {
  const lines = fc.features.map((f) =>
    JSON.stringify(
      f.properties.kind === 'lake'
        ? {
            type: 'Feature',
            properties: { kind: 'lake', nameLv: f.properties.nameLv, nameEn: f.properties.nameEn, areaKm2: f.properties.areaKm2 },
            geometry: { type: f.geometry.type, coordinates: f.geometry.coordinates },
          }
        : {
            type: 'Feature',
            properties: { kind: 'river', nameLv: f.properties.nameLv, nameEn: f.properties.nameEn },
            geometry: { type: f.geometry.type, coordinates: f.geometry.coordinates },
          },
    ),
  );
  return `{"type":"FeatureCollection","source":${JSON.stringify(fc.source)},"features":[\n${lines.join(',\n')}\n]}\n`;
}

const gmtLine = (args: readonly string[]) => `gmt ${args.join(' ')}`;

function versions(): { gmt: string; gshhg: string; gshhgPackage: string } {
  const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' }).trim();
  const gmt = run('gmt', ['--version']);
  const gshhgPackage = run('dpkg-query', ['-W', '-f=${Version}', 'gmt-gshhg-full']);
  const gshhg = gshhgPackage.replace(/-[^-]*$/, '');
  if (!/^\d+\.\d+\.\d+$/.test(gshhg)) throw new Error(`cannot read the GSHHG version from gmt-gshhg-full ${gshhgPackage}`);
  return { gmt, gshhg, gshhgPackage };
}

function main(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const namesFile = 'geodata/inputs/water_names.csv';
  const outFile = 'geodata/inputs/water.geojson';
  const outlineFile = 'public/data/latvia.geojson';
  // Lakes are kept if they touch this outline. The pipeline's own output: the amCharts outline and
  // the CSP 2022 shapefile's units give the same selection (checked when this was written).
  const outline = JSON.parse(readFileSync(`${root}${outlineFile}`, 'utf8')) as { features: Feature<Polygon | MultiPolygon>[] };
  if (outline.features.length !== 1) throw new PipelineError(outlineFile, null, 'expected one feature, the outline of Latvia');
  const v = versions();
  const source =
    `GSHHG ${v.gshhg} (Wessel & Smith; shorelines from WVS, rivers from CIA World Data Bank II), full resolution, ` +
    `read with GMT ${v.gmt} (Debian gmt-gshhg-full ${v.gshhgPackage}); licence LGPL-3.0-or-later. ` +
    `Lakes: shoreline level 2 (islands, level 3, as holes), those touching Latvia of ${MIN_LAKE_KM2} km² or more; ` +
    `names from ${namesFile}. River: the WDBII line through Daugavpils, Jēkabpils, Ogre and Rīga, ` +
    `clipped to ${WATER_BBOX[0]}–${WATER_BBOX[2]}° E, ${WATER_BBOX[1]}–${WATER_BBOX[3]}° N. ` +
    `Commands: ${gmtLine(GMT_COMMANDS.lakes)}; ${gmtLine(GMT_COMMANDS.islands)}; ${gmtLine(GMT_COMMANDS.rivers)}. ` +
    `Bin pieces joined and rounded to ${DIGITS} decimals by geodata/water.ts.`;
  // GMT reads and writes a gmt.history in its working directory: run it in an empty one of its
  // own, so that no stale -R or -J changes the dump and nothing is left in the work tree.
  const cwd = mkdtempSync(join(tmpdir(), 'water-gmt-'));
  let dumps: Record<keyof typeof GMT_COMMANDS, Position[][]>;
  try {
    const dump = (args: readonly string[]) =>
      parseGmtMultisegment(execFileSync('gmt', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }), gmtLine(args));
    dumps = { lakes: dump(GMT_COMMANDS.lakes), islands: dump(GMT_COMMANDS.islands), rivers: dump(GMT_COMMANDS.rivers) };
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
  const fc = buildWater({
    ...dumps,
    latvia: outline.features[0]!.geometry,
    names: readWaterNames(readFileSync(`${root}${namesFile}`, 'utf8'), namesFile),
    namesFile,
    source,
  });
  const text = serialiseWater(fc);
  readWater(text, outFile); // what the pipeline will accept
  writeFileSync(`${root}${outFile}`, text);
  const lakes = fc.features.filter((f) => f.properties.kind === 'lake');
  const named = lakes.filter((f) => f.properties.nameLv).map((f) => f.properties.nameLv);
  console.log(`${outFile}: ${lakes.length} lakes (${named.length} named: ${named.join(', ')}), the Daugava; ${Buffer.byteLength(text)} bytes`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  try {
    main();
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
