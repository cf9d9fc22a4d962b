import type { Feature, Point } from 'geojson';
import { booleanPointInPolygon } from '@turf/turf';
import { readCsvInput } from './csvInput.ts';
import type { CityProps } from '../src/domain/units.ts';
import { PipelineError } from './errors.ts';
import type { DivisionUnit } from './division.ts';
import type { UnitRow } from './units.ts';

const COLUMNS = ['id', 'name_lv', 'name_en', 'municipality_code', 'inside_novads', 'lat', 'lon'] as const;

const round = (n: number, d: number) => Math.round(n * 10 ** d) / 10 ** d;

/**
 * The territorial unit that is the city itself: for a state city with a municipality of its own
 * the unit with the municipality's code; for Valmiera, Jēkabpils and Ogre the town of that name in
 * their novads. Matching by name, not by which unit holds the point, so that a misplaced point is
 * reported instead of picking a parish.
 */
function ownUnit(units: DivisionUnit[], municipalityCode: string, nameLv: string, insideNovads: boolean): DivisionUnit | undefined {
  return insideNovads
    ? units.find((u) => u.municipalityCode === municipalityCode && u.kind === 'town' && u.name === nameLv)
    : units.find((u) => u.code === municipalityCode);
}

/**
 * Reads the ten city points and ties each to its own outline: a city without a territorial unit of
 * its own, or whose point lies outside that outline (before or after simplification: a typo in a
 * coordinate, a swapped lat/lon), stops the build with the line.
 */
export function readCities(text: string, file: string, rows: UnitRow[], units: DivisionUnit[]): Feature<Point, CityProps>[] {
  const records = readCsvInput(text, file, COLUMNS);
  const unitCodes = new Set(rows.map((u) => u.code));
  const ids = new Set<string>();
  return records.map(({ line, values: v }, i) => {
    const id = v.id ?? '';
    if (!/^[a-z]+$/.test(id)) throw new PipelineError(file, line, `invalid city id "${id}"`);
    if (ids.has(id)) throw new PipelineError(file, line, `city ${id} listed twice`);
    ids.add(id);
    const unitCode = v.municipality_code ?? '';
    if (!unitCodes.has(unitCode)) throw new PipelineError(file, line, `unknown unit code "${unitCode}"`);
    const lat = Number(v.lat);
    const lon = Number(v.lon);
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) throw new PipelineError(file, line, `invalid coordinates "${v.lat}", "${v.lon}"`);
    const insideNovads = v.inside_novads === 'yes';
    const own = ownUnit(units, unitCode, v.name_lv ?? '', insideNovads);
    if (!own) {
      throw new PipelineError(file, line, `${v.name_lv} has no territorial unit of its own in ${unitCode} (${insideNovads ? `no town named "${v.name_lv}"` : 'no unit with that code'})`);
    }
    if (!booleanPointInPolygon([lon, lat], own.source) || !booleanPointInPolygon([lon, lat], own.geometry)) {
      throw new PipelineError(file, line, `${v.name_lv} (${lat}, ${lon}) lies outside its own outline ${own.code}`);
    }
    return {
      type: 'Feature',
      properties: {
        id,
        nameLv: v.name_lv ?? '',
        nameEn: v.name_en ?? '',
        unitCode,
        insideNovads,
        outlineCode: own.code,
        areaKm2: round(own.areaKm2, 1),
        order: i + 1,
      },
      geometry: { type: 'Point', coordinates: [lon, lat] },
    };
  });
}
