import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { area, bbox, booleanPointInPolygon, intersect, pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { packIndicatorFile, unpackIndicatorFile, type IndicatorFile } from '../../src/domain/indicatorFile.ts';

/**
 * Synthetic municipalities for the growth curve: the real 42 are cut by a square grid (cell side
 * in km), so every piece keeps its municipality's real border and the pieces tile Latvia with no
 * gap. The first piece of a municipality keeps its code (cities and links still find their unit);
 * the others get `<code>-<n>`. Deterministic: same input and cell, same output, byte for byte.
 */
export interface SyntheticSet {
  /** What the benchmark calls this size, e.g. "560". */
  label: string;
  municipalities: FeatureCollection<Polygon | MultiPolygon>;
  /** The app's indicators.json with every municipal figure spread over the pieces, in the shipped form (`IndicatorFile`). */
  indicators: IndicatorFile;
  /** Points inside some pieces, for hover targets. */
  probes: [number, number][];
  vertices: number;
}

/**
 * The sizes of the growth curve: the 592 real territorial units (parishes, towns, state cities of
 * the official boundaries), and the 42 municipalities cut by a grid of 4.12 km into about 5 000.
 */
export type SyntheticSize = { label: string; cellKm: number } | { label: string; territorialUnits: true };
export const SYNTHETIC_SIZES: SyntheticSize[] = [
  { label: '592', territorialUnits: true },
  { label: '~5000', cellKm: 4.12 },
];

type Unit = Feature<Polygon | MultiPolygon, Record<string, unknown>>;

const round = (x: number) => Math.round(x * 1e5) / 1e5;
const roundRing = (ring: Position[]) => ring.map(([x, y]) => [round(x!), round(y!)]);
const roundGeometry = (g: Polygon | MultiPolygon): Polygon | MultiPolygon =>
  g.type === 'Polygon' ? { type: 'Polygon', coordinates: g.coordinates.map(roundRing) } : { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(roundRing)) };

/** A number in [0, 1) from a string, stable across runs and machines. */
export function hash01(text: string): number {
  return createHash('sha1').update(text).digest().readUInt32BE(0) / 2 ** 32;
}

/** Counts the positions of a polygonal geometry (closing positions included). */
export function vertexCount(g: Polygon | MultiPolygon): number {
  const rings = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
  return rings.reduce((n, r) => n + r.length, 0);
}

/** Whether the segment a–b touches the box [x0, x1] × [y0, y1] (Liang–Barsky clipping). */
export function segmentMeetsBox(a: Position, b: Position, x0: number, y0: number, x1: number, y1: number): boolean {
  const [ax, ay] = [a[0]!, a[1]!];
  const [dx, dy] = [b[0]! - ax, b[1]! - ay];
  let t0 = 0;
  let t1 = 1;
  for (const [p, q] of [[-dx, ax - x0], [dx, x1 - ax], [-dy, ay - y0], [dy, y1 - ay]] as const) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const r = q / p;
    if (p < 0) t0 = Math.max(t0, r);
    else t1 = Math.min(t1, r);
    if (t0 > t1) return false;
  }
  return true;
}

/** Cuts each unit by a grid of `cellKm` squares (degrees scaled at Latvia's mean latitude). */
export function gridPieces(units: Unit[], cellKm: number): Unit[] {
  const latStep = cellKm / 111.2;
  const lonStep = cellKm / (111.2 * Math.cos((56.9 * Math.PI) / 180));
  const out: Unit[] = [];
  for (const unit of units) {
    const [w, s, e, n] = bbox(unit);
    const rings = unit.geometry.type === 'Polygon' ? unit.geometry.coordinates : unit.geometry.coordinates.flat();
    const pieces: Feature<Polygon | MultiPolygon>[] = [];
    for (let i = Math.floor(w / lonStep); i * lonStep < e; i++) {
      for (let j = Math.floor(s / latStep); j * latStep < n; j++) {
        const [x0, y0, x1, y1] = [i * lonStep, j * latStep, (i + 1) * lonStep, (j + 1) * latStep];
        const cell: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] } };
        // Only cells that a border crosses need the (slow) polygon clipping.
        const crossed = rings.some((ring) => ring.some((p, k) => k > 0 && segmentMeetsBox(ring[k - 1]!, p, x0, y0, x1, y1)));
        if (!crossed) {
          if (booleanPointInPolygon([(x0 + x1) / 2, (y0 + y1) / 2], unit)) pieces.push(cell);
          continue;
        }
        const piece = intersect({ type: 'FeatureCollection', features: [unit, cell] });
        if (piece && area(piece) > 1e4) pieces.push(piece);
      }
    }
    const code = String(unit.properties.code);
    pieces.forEach((p, k) => {
      const geometry = roundGeometry(p.geometry);
      const areaKm2 = Math.round(area(p) / 1e4) / 100;
      out.push({ type: 'Feature', properties: { ...unit.properties, code: k === 0 ? code : `${code}-${k}`, parent: code, areaKm2 }, geometry });
    });
  }
  return out;
}

/** An observation as far as the spreading reads it (the rest is carried over as it is). */
interface Figure {
  geo: string;
  indicator: string;
  year: string;
  value: number;
}
interface Figures {
  indicators: readonly { id: string; kind: string }[];
  observations: readonly Figure[];
}

/**
 * Spreads every municipal figure over the pieces: counts by area share (they still add up to the
 * municipality's), rates and shares by a stable ±15 % jitter, so that classes change between
 * neighbouring pieces and every indicator switch recolours many of them.
 */
export function spreadIndicators<D extends Figures>(data: D, pieces: Unit[]): D {
  const byParent = new Map<string, Unit[]>();
  for (const p of pieces) {
    const parent = String(p.properties.parent);
    byParent.set(parent, [...(byParent.get(parent) ?? []), p]);
  }
  const kindOf = new Map(data.indicators.map((i) => [i.id, i.kind]));
  const observations = data.observations.flatMap((o): Figure[] => {
    const children = byParent.get(o.geo);
    if (!children) return [o];
    const total = children.reduce((s, c) => s + Number(c.properties.areaKm2), 0) || 1;
    return children.map((c) => {
      const code = String(c.properties.code);
      const value =
        kindOf.get(o.indicator) === 'count'
          ? Math.round((o.value * Number(c.properties.areaKm2)) / total)
          : Math.round(o.value * (0.85 + 0.3 * hash01(`${code}|${o.indicator}|${o.year}`)) * 1000) / 1000;
      return { ...o, geo: code, value };
    });
  });
  return { ...data, observations } as D;
}

/**
 * The real territorial units as pieces of their municipalities: each carries its municipality's
 * properties (`parent`: its code); the first unit of a municipality keeps the municipality's code
 * (cities and links still find their unit), the others their own CSP code.
 */
export function territorialPieces(units: Feature<Polygon | MultiPolygon, { code: string; municipalityAtvk: string; areaKm2: number }>[], municipalities: Unit[]): Unit[] {
  const byAtvk = new Map(municipalities.map((m) => [String(m.properties.atvk), m]));
  const seen = new Set<string>();
  return units.map((u) => {
    const m = byAtvk.get(u.properties.municipalityAtvk);
    if (!m) throw new Error(`territorial unit ${u.properties.code}: no municipality ${u.properties.municipalityAtvk}`);
    const parent = String(m.properties.code);
    const code = seen.has(parent) ? u.properties.code : parent;
    seen.add(parent);
    return { type: 'Feature', properties: { ...m.properties, code, parent, areaKm2: u.properties.areaKm2 }, geometry: u.geometry };
  });
}

/** Evenly spread points inside `count` of the features, for hovering. */
export function probePoints(features: Feature<Polygon | MultiPolygon>[], count = 10): [number, number][] {
  const step = Math.max(1, Math.floor(features.length / count));
  const points: [number, number][] = [];
  for (let i = Math.floor(step / 2); i < features.length && points.length < count; i += step) {
    const [lon, lat] = pointOnFeature(features[i]!).geometry.coordinates as [number, number];
    points.push([round(lon), round(lat)]);
  }
  return points;
}

/** Makes (or reads from `cacheDir`) one synthetic set from the files in `dataDir`. */
export function syntheticSet(dataDir: string, size: SyntheticSize, cacheDir: string): SyntheticSet {
  const municipalitiesText = readFileSync(join(dataDir, 'municipalities.geojson'), 'utf8');
  const indicatorsText = readFileSync(join(dataDir, 'indicators.json'), 'utf8');
  // The file's form is part of what is made: a change to it makes the cached sets stale too.
  const generator = readFileSync(new URL(import.meta.url), 'utf8') + readFileSync(new URL('../../src/domain/indicatorFile.ts', import.meta.url), 'utf8');
  const unitsText = 'territorialUnits' in size ? readFileSync(join(dataDir, 'territorial-units.topo.json'), 'utf8') : '';
  const key = createHash('sha1').update(municipalitiesText).update(indicatorsText).update(generator).update('cellKm' in size ? String(size.cellKm) : unitsText).digest('hex').slice(0, 16);
  const file = join(cacheDir, `synthetic-${key}.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as SyntheticSet;
  const units = (JSON.parse(municipalitiesText) as FeatureCollection<Polygon | MultiPolygon, Record<string, unknown>>).features;
  const pieces =
    'cellKm' in size
      ? gridPieces(units, size.cellKm)
      : territorialPieces((feature(JSON.parse(unitsText) as Topology, (JSON.parse(unitsText) as Topology).objects.units!) as FeatureCollection<Polygon | MultiPolygon, { code: string; municipalityAtvk: string; areaKm2: number }>).features, units);
  const set: SyntheticSet = {
    label: size.label,
    municipalities: { type: 'FeatureCollection', features: pieces },
    indicators: packIndicatorFile(spreadIndicators(unpackIndicatorFile(JSON.parse(indicatorsText), 'indicators.json'), pieces)),
    probes: probePoints(pieces),
    vertices: pieces.reduce((n, p) => n + vertexCount(p.geometry), 0),
  };
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(file, JSON.stringify(set));
  return set;
}
