import type { MultiPolygon, Polygon } from 'geojson';
import { bbox, feature, featureCollection, intersect } from '@turf/turf';
import { readCsvInput } from './csvInput.ts';
import { fuaPartition, type Fua, type FuaData, type FuaMatch } from '../src/domain/hinterland/fua.ts';
import { cityMasses, fitGravityToFuas } from '../src/domain/hinterland/gravityFit.ts';
import { cityGeoId } from '../src/domain/units.ts';
import type { Dataset } from './dataset.ts';
import { ellipsoidalAreaKm2 } from './area.ts';
import { PipelineError } from './errors.ts';
import type { SourceUnit } from './official.ts';

type Areal = Polygon | MultiPolygon;

/** One LAU (a pre-2021 municipality) of a functional urban area, as Eurostat lists it. */
export interface FuaLau {
  fuaCode: string;
  fuaName: string;
  /** CSP area code of the LAU (`LV` + its old 7-digit ATVK), the L0 code of the 2021 boundaries. */
  lauCode: string;
  lauName: string;
  line: number;
}

const COLUMNS = ['fua_code', 'fua_name', 'lau_code', 'lau_name', 'year'] as const;

/**
 * Reads `fua_lau_lv_2019.csv`: one row per LAU in an FUA. A missing column, a LAU code that is not
 * 7 digits, a year other than 2019 or a LAU listed twice stops the build with the line.
 */
export function readFuaLaus(text: string, file: string): FuaLau[] {
  const records = readCsvInput(text, file, COLUMNS);
  const seen = new Set<string>();
  return records.map(({ line, values: v }) => {
    const lau = v.lau_code ?? '';
    if (!/^\d{7}$/.test(lau)) throw new PipelineError(file, line, `lau_code "${lau}" is not a 7-digit ATVK code`);
    if (v.year !== '2019') throw new PipelineError(file, line, `year "${v.year}" is not 2019 (the LAU 2019 units)`);
    if (!/^LV\d{3}L\d$/.test(v.fua_code ?? '')) throw new PipelineError(file, line, `fua_code "${v.fua_code}" is not an FUA code`);
    if (seen.has(lau)) throw new PipelineError(file, line, `LAU ${lau} listed twice`);
    seen.add(lau);
    return { fuaCode: v.fua_code!, fuaName: v.fua_name ?? '', lauCode: `LV${lau}`, lauName: v.lau_name ?? '', line };
  });
}

const boxesMeet = (a: number[], b: number[]) => a[0]! <= b[2]! && b[0]! <= a[2]! && a[1]! <= b[3]! && b[1]! <= a[3]!;

/** Below this share of a unit's area, a piece in another LAU is the two editions' generalisation, not a real split. */
export const CLEAN_SHARE = 0.98;

/**
 * Carries FUA membership from the LAU 2019 municipalities to today's territorial units by
 * geometry (the parish codes changed in 2021; the outlines mostly did not): each 2022 unit is
 * overlaid on the 2021 units, and the share of its area inside the LAUs of each FUA is measured.
 * A unit goes to the FUA holding more than half of it. Every unit whose largest share, in an FUA or
 * outside all, is below `CLEAN_SHARE` is reported with its shares, and so is every FUA LAU that
 * no 2022 unit lies mostly in.
 */
export function carryFuas(
  laus: FuaLau[],
  fuaCity: ReadonlyMap<string, string>,
  units2021: SourceUnit[],
  units2022: SourceUnit[],
  file: string,
): Pick<FuaData, 'membership' | 'matches' | 'unmatchedLaus'> {
  for (const l of laus) {
    if (!fuaCity.has(l.fuaCode)) throw new PipelineError(file, l.line, `FUA ${l.fuaCode} (${l.fuaName}) is not the FUA of a state city`);
    if (!units2021.some((u) => u.municipalityCode === l.lauCode)) throw new PipelineError(file, l.line, `LAU ${l.lauCode} (${l.lauName}) has no unit in the 2021-01-01 boundaries`);
  }
  const fuaOfLau = new Map(laus.map((l) => [l.lauCode, l.fuaCode]));
  const old = units2021.map((u) => ({ unit: u, box: bbox(u.geometry) }));
  const membership: Record<string, string> = {};
  const matches: FuaMatch[] = [];
  const lauHasUnit = new Set<string>();
  for (const u of units2022) {
    const box = bbox(u.geometry);
    const area = ellipsoidalAreaKm2(u.geometry);
    const shares = new Map<string, number>(); // FUA code, or '' for outside every FUA
    for (const o of old) {
      if (!boxesMeet(box, o.box)) continue;
      const piece = intersect(featureCollection([feature(u.geometry), feature(o.unit.geometry as Areal)]));
      if (!piece) continue;
      const share = ellipsoidalAreaKm2(piece.geometry) / area;
      const key = fuaOfLau.get(o.unit.municipalityCode) ?? '';
      shares.set(key, (shares.get(key) ?? 0) + share);
      if (share > 0.5 && key) lauHasUnit.add(o.unit.municipalityCode);
    }
    const [bestKey, best] = [...shares].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
    if (bestKey && best > 0.5) membership[u.code] = fuaCity.get(bestKey)!;
    if (best < CLEAN_SHARE) {
      matches.push({
        code: u.code,
        name: u.name,
        shares: Object.fromEntries([...shares].filter(([, s]) => s >= 0.005).map(([k, s]) => [k || 'none', Math.round(s * 1000) / 1000])),
        assigned: bestKey && best > 0.5 ? fuaCity.get(bestKey)! : null,
      });
    }
  }
  const unmatchedLaus = laus.filter((l) => !lauHasUnit.has(l.lauCode)).map((l) => `${l.lauCode} ${l.lauName}`);
  return { membership, matches, unmatchedLaus };
}

/**
 * Everything `public/data/fua.json` holds: the four FUAs with their cities, today's units carried
 * into them, the units that do not match cleanly, and the Huff exponents fitted to them (on the
 * territorial units, each city's core kept by its city, masses as the app's gravity model takes them).
 */
export function buildFuaData(laus: FuaLau[], units2021: SourceUnit[], units2022: SourceUnit[], dataset: Dataset, file: string): FuaData {
  const cityOfName = new Map(dataset.cities.features.map((f) => [f.properties.nameLv, f.properties.id]));
  const fuaCity = new Map<string, string>();
  for (const l of laus) {
    const cityId = cityOfName.get(l.fuaName);
    if (!cityId) throw new PipelineError(file, l.line, `FUA ${l.fuaCode} is named "${l.fuaName}", not after a state city`);
    fuaCity.set(l.fuaCode, cityId);
  }
  const carried = carryFuas(laus, fuaCity, units2021, units2022, file);
  const fuas: Fua[] = [...fuaCity].map(([code, cityId]) => ({
    code,
    name: laus.find((l) => l.fuaCode === code)!.fuaName,
    cityId,
    lauCount: laus.filter((l) => l.fuaCode === code).length,
    unitCount: Object.values(carried.membership).filter((c) => c === cityId).length,
  }));
  const cores = new Map(dataset.cities.features.map((f) => [f.properties.id, f.properties.outlineCode]));
  const units = dataset.territorialUnits.features.map(({ properties: p }) => ({ code: p.code, lon: p.label[0], lat: p.label[1], areaKm2: p.areaKm2 }));
  const masses = cityMasses(
    dataset.cities.features.map(({ properties: p, geometry: g }) => ({ id: p.id, geo: p.insideNovads ? cityGeoId(p.id) : p.unitCode, lon: g.coordinates[0]!, lat: g.coordinates[1]! })),
    dataset.indicators.observations,
  );
  if (!masses) throw new PipelineError(file, null, 'no year in which every city has a city_population: the gravity model has no masses to fit');
  const partition = fuaPartition(units.map((u) => u.code), carried.membership, cores);
  return {
    source: { lv: 'Eurostat, LAU 2019 (EU-28-LAU-2019-NUTS-2016), pārnests uz CSP/VZD teritoriālajām vienībām', en: 'Eurostat, LAU 2019 (EU-28-LAU-2019-NUTS-2016), carried to the CSP/VZD territorial units' },
    fuas,
    ...carried,
    gravityFit: fitGravityToFuas(units, masses.cities, cores, partition, masses.year),
  };
}
