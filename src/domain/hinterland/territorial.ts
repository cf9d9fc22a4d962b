import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { AggregateUnit } from './aggregates.ts';
import { REASONS, type HinterlandAssignment, type UnitAssignment } from './assignment.ts';
import type { HuffUnit } from './huff.ts';

type Areal = Polygon | MultiPolygon;


/** What the administrative and gravity hinterlands are made of: municipalities, or territorial units (cities and parishes). */
export type HinterlandLevel = 'municipality' | 'territorial';

/** CSP `L1_type`: a state city (valstspilsēta), a town (pilsēta), a parish (pagasts), or (before 2021 only) an undivided novads. */
export type TerritorialUnitKind = 'state_city' | 'town' | 'parish' | 'novads';

/**
 * A territorial unit (a city, town or parish, CSP `L1_code`) as written to
 * `public/data/territorial-units.topo.json` by `npm run geodata`: its code, the ATVK of its
 * municipality in the division the map shows (Varakļānu novads' parishes are Madonas novads'), its
 * Latvian name and kind, and, from the pipeline, its ellipsoidal area and label point computed
 * like the municipalities' (unsimplified boundaries; pole of inaccessibility).
 */
export interface TerritorialUnitProps {
  code: string;
  municipalityAtvk: string;
  name: string;
  kind: TerritorialUnitKind;
  areaKm2: number;
  /** WGS84 [lon, lat] of the label point; the unit's position in the gravity model. */
  label: [number, number];
}

export type TerritorialUnits = FeatureCollection<Areal, TerritorialUnitProps>;

/** What the parish level needs of a municipality and of a city. */
export interface MunicipalityRef {
  code: string;
  atvk: string;
}
export interface CityPoint {
  id: string;
  /** CSP code of the municipality the city is or lies in. */
  unitCode: string;
  lon: number;
  lat: number;
}

/** Whether a point lies inside a ring (even–odd rule; a point on the edge may go either way). */
function inRing(x: number, y: number, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Whether a WGS84 point lies inside a (Multi)Polygon: inside an outer ring and in none of its holes. */
export function containsPoint(geometry: Areal, lon: number, lat: number): boolean {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.some(([outer, ...holes]) => outer !== undefined && inRing(lon, lat, outer) && !holes.some((h) => inRing(lon, lat, h)));
}

/**
 * Each city's own territorial unit, recognised as the unit of the city's municipality that contains
 * the city point of `cities.geojson`. For the seven state cities with a municipality of their own
 * that is its only unit; for Valmiera, Jēkabpils and Ogre it is the city's L1 unit inside its
 * novads (not a parish around it). Units of other municipalities are never taken, so a point near
 * a border cannot pick a neighbour; a city whose point lies in no unit of its municipality (a
 * generalised outline that misses it) has no own unit and no core.
 */
export function cityCoreUnits(units: TerritorialUnits, municipalities: readonly MunicipalityRef[], cities: readonly CityPoint[]): Map<string, string> {
  const atvkOf = new Map(municipalities.map((m) => [m.code, m.atvk]));
  const cores = new Map<string, string>();
  for (const c of cities) {
    const atvk = atvkOf.get(c.unitCode);
    const unit = units.features.find((f) => f.properties.municipalityAtvk === atvk && containsPoint(f.geometry, c.lon, c.lat));
    if (unit) cores.set(c.id, unit.properties.code);
  }
  return cores;
}

/**
 * The administrative hinterlands at parish level: every territorial unit goes to the city its
 * municipality is assigned to (the same reason and source), in the role `hinterland`, except a
 * city's own unit (`cores`), which always belongs to its city in the role `city`: it is the city
 * itself, whatever its novads is given to. A unit whose municipality is not in the assignment is
 * unassigned, so the result is still a partition of all units. Units in file order.
 */
export function territorialAssignment(units: TerritorialUnits, municipalities: readonly MunicipalityRef[], assignment: HinterlandAssignment, cores: ReadonlyMap<string, string>): HinterlandAssignment {
  const codeOfAtvk = new Map(municipalities.map((m) => [m.atvk, m.code]));
  const rowOf = new Map(assignment.map((a) => [a.code, a]));
  const cityOfCore = new Map([...cores].map(([cityId, code]) => [code, cityId]));
  return units.features.map(({ properties: u }): UnitAssignment => {
    const row = rowOf.get(codeOfAtvk.get(u.municipalityAtvk) ?? '');
    const core = cityOfCore.get(u.code);
    if (core !== undefined) return { code: u.code, name: u.name, cityId: core, role: 'city', reason: REASONS.ownTerritorialUnit, source: 'territorial-units.geojson' };
    const cityId = row?.cityId ?? null;
    return { code: u.code, name: u.name, cityId, role: cityId === null ? null : 'hinterland', reason: row?.reason ?? REASONS.none, source: row?.source ?? '' };
  });
}

/**
 * Checks a parsed territorial-units file: every feature a (Multi)Polygon with a text `code` and
 * `municipalityAtvk`, a finite `areaKm2` and a `label` point, codes unique. Returns the reason for
 * the first problem, or null when the file can be used.
 */
export function territorialUnitsProblem(data: unknown): string | null {
  const fc = data as FeatureCollection<Areal | null, Partial<TerritorialUnitProps> | null>;
  if (!Array.isArray(fc?.features) || fc.features.length === 0) return 'no territorial units in the file';
  const seen = new Set<string>();
  for (const [i, f] of fc.features.entries()) {
    const p = f.properties;
    const at = `feature ${i + 1}`;
    if (f.geometry?.type !== 'Polygon' && f.geometry?.type !== 'MultiPolygon') return `${at}: not a polygon`;
    if (typeof p?.code !== 'string' || typeof p.municipalityAtvk !== 'string') return `${at}: code and municipalityAtvk are required`;
    if (!Number.isFinite(p.areaKm2) || !Array.isArray(p.label) || !p.label.every(Number.isFinite)) return `${at}: areaKm2 and label are required`;
    if (seen.has(p.code)) return `${at}: code ${p.code} repeated`;
    seen.add(p.code);
  }
  return null;
}

/**
 * The units as the gravity model sees them: each at its label point, as a municipality is at its
 * own label point, so that the two levels differ only in the size of the units.
 */
export function territorialHuffUnits(units: TerritorialUnits): HuffUnit[] {
  return units.features.map(({ properties: { code, label } }) => ({ code, lon: label[0], lat: label[1] }));
}

/** The units for the aggregates: area from the pipeline, the Latvian name in both languages (CSP gives no English one). */
export function territorialAggregateUnits(units: TerritorialUnits): AggregateUnit[] {
  return units.features.map(({ properties: { code, name, areaKm2 } }) => ({ code, nameLv: name, nameEn: name, areaKm2, containsCity: '' }));
}

/** Why the parish-level figures have no residents: the project has no parish-level source. */
export const NO_TERRITORIAL_RESIDENTS = {
  lv: 'Pagastu un pilsētu teritoriālo vienību iedzīvotāju skaita šajā projektā nav; tas netiek ne novērtēts, ne sadalīts',
  en: 'This project has no residents for parishes and other territorial units; they are neither estimated nor apportioned',
} as const;
