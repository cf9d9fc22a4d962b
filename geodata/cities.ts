import type { Feature, Point } from 'geojson';
import { booleanPointInPolygon } from '@turf/turf';
import { parseCsvRecords, requireColumns } from '../src/domain/csv.ts';
import type { CityProps } from '../src/domain/units.ts';
import { PipelineError } from './errors.ts';
import type { MatchedPolygon } from './division.ts';
import type { UnitRow } from './units.ts';

const COLUMNS = ['id', 'name_lv', 'name_en', 'municipality_code', 'inside_novads', 'lat', 'lon'] as const;

/**
 * Reads the ten city points and checks each against the boundary of its unit: a point outside
 * its municipality (a typo in a coordinate, a swapped lat/lon) stops the build with the line.
 */
export function readCities(text: string, file: string, units: UnitRow[], polygons: MatchedPolygon[]): Feature<Point, CityProps>[] {
  let parsed;
  try {
    parsed = parseCsvRecords(text);
    requireColumns(parsed.header, COLUMNS);
  } catch (e) {
    throw new PipelineError(file, null, (e as Error).message);
  }
  const unitCodes = new Set(units.map((u) => u.code));
  const polygonOf = new Map(polygons.map((p) => [p.code, p.geometry]));
  const ids = new Set<string>();
  return parsed.records.map(({ line, values: v }, i) => {
    const id = v.id ?? '';
    if (!/^[a-z]+$/.test(id)) throw new PipelineError(file, line, `invalid city id "${id}"`);
    if (ids.has(id)) throw new PipelineError(file, line, `city ${id} listed twice`);
    ids.add(id);
    const unitCode = v.municipality_code ?? '';
    if (!unitCodes.has(unitCode)) throw new PipelineError(file, line, `unknown unit code "${unitCode}"`);
    const lat = Number(v.lat);
    const lon = Number(v.lon);
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) throw new PipelineError(file, line, `invalid coordinates "${v.lat}", "${v.lon}"`);
    const polygon = polygonOf.get(unitCode);
    if (!polygon) throw new PipelineError(file, line, `unit ${unitCode} has no boundary`);
    if (!booleanPointInPolygon([lon, lat], polygon)) {
      throw new PipelineError(file, line, `${v.name_lv} (${lat}, ${lon}) lies outside its unit ${unitCode}`);
    }
    return {
      type: 'Feature',
      properties: {
        id,
        nameLv: v.name_lv ?? '',
        nameEn: v.name_en ?? '',
        unitCode,
        insideNovads: v.inside_novads === 'yes',
        order: i + 1,
      },
      geometry: { type: 'Point', coordinates: [lon, lat] },
    };
  });
}
