import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { Topology } from 'topojson-specification';
import { cityGeoId, type CityProps, type MunicipalityProps } from '../src/domain/units.ts';
import type { IndicatorData } from '../src/domain/indicators.ts';
import { ellipsoidalAreaKm2 } from './area.ts';
import { readCities } from './cities.ts';
import { neighbourCountries } from './context.ts';
import type { TerritorialUnitProps } from '../src/domain/hinterland/territorial.ts';
import { buildDivision, checkSourceUnits, isValidAreal } from './division.ts';
import { labelPoint } from './labels.ts';
import type { SourceUnits } from './official.ts';
import { describeTilingProblem, tilingProblems } from './tiling.ts';
import { PipelineError } from './errors.ts';
import { derivedSpecs, readCatalogue } from './catalogue.ts';
import { checkScopes, deriveListed, readCategories } from './categories.ts';
import { deriveObservations } from './derived.ts';
import { keepLevel, packIndicatorData, readObservations, toCurrentDivision } from './indicators.ts';
import { readPeriods } from './periods.ts';
import { applyTextPairs, readTextPairs } from './textPairs.ts';
import { isCurrent, readUnits, type UnitRow } from './units.ts';

export interface TextInput {
  file: string;
  text: string;
}

/** Everything the pipeline reads, already loaded, so that tests can feed small fixtures. */
export interface DatasetInputs {
  units: TextInput;
  cities: TextInput;
  catalogue: TextInput;
  /** `indicator_categories.csv`: the categories of categorical indicators and the scopes of figures. */
  categories?: TextInput;
  /** `indicator_periods.csv`: the only periods read for some indicators. */
  periods?: TextInput;
  indicators: TextInput[];
  /** `indicator_text_pairs.csv`: sources and notes of the indicator files in both languages. */
  textPairs?: TextInput;
  /** The territorial units (CSP L1) with their municipalities; everything geometric is made from them. */
  boundaries: SourceUnits;
  world?: Topology;
  /** ISO date on which the division is taken (dissolved units are merged into their successor). */
  asOf: string;
  /** Visvalingam threshold for web simplification, km². */
  simplifyKm2: number;
  /** Decimals of longitude/latitude kept in web geometry. */
  digits: number;
  /** The largest overlap or gap between simplified neighbours that is let through, km². */
  toleranceKm2?: number;
}

/** A state city's own outline, as carried in the `cities` object of `territory.topo.json`. */
export interface CityOutlineProps {
  id: string;
  nameLv: string;
  nameEn: string;
  /** CSP code of the territorial unit. */
  code: string;
  areaKm2: number;
}

export interface Dataset {
  municipalities: FeatureCollection<Polygon | MultiPolygon, MunicipalityProps>;
  borders: FeatureCollection;
  latvia: FeatureCollection;
  neighbours?: FeatureCollection;
  cities: FeatureCollection<Point, CityProps>;
  cityOutlines: FeatureCollection<Polygon | MultiPolygon, CityOutlineProps>;
  territorialUnits: FeatureCollection<Polygon | MultiPolygon, TerritorialUnitProps>;
  indicators: IndicatorData;
  stats: { units: number; territorialUnits: number; areaKm2: number; verticesBefore: number; verticesAfter: number; restoredArcs: number; skippedIndicatorRows: number };
}

const round = (n: number, d: number) => Math.round(n * 10 ** d) / 10 ** d;

/** Builds every output of the pipeline from loaded inputs; pure apart from CPU time. */
export function buildDataset(inp: DatasetInputs): Dataset {
  const units = readUnits(inp.units.text, inp.units.file);
  const current = units.filter((u) => isCurrent(u, inp.asOf));
  const file = inp.boundaries.file;
  checkSourceUnits(inp.boundaries.units, units, file);
  const toleranceKm2 = inp.toleranceKm2 ?? 0.01;
  const division = buildDivision(inp.boundaries.units, units, inp.asOf, inp.simplifyKm2, inp.digits, toleranceKm2);
  const missing = current.filter((u) => !division.municipalities.some((d) => d.code === u.code));
  if (missing.length > 0) {
    throw new PipelineError(file, null, `no territorial units for ${missing.map((u) => `${u.code} ${u.nameLv}`).join(', ')}`);
  }
  for (const u of division.units) {
    if (!isValidAreal(u.geometry)) throw new PipelineError(file, null, `unit ${u.code} ${u.name} became invalid after simplification`);
  }
  const problems = tilingProblems(division.units, toleranceKm2);
  if (problems.length > 0) throw new PipelineError(file, null, problems.map(describeTilingProblem).join('; '));

  const unitByCode = new Map(units.map((u) => [u.code, u]));
  const municipalities: Dataset['municipalities'] = {
    type: 'FeatureCollection',
    features: division.municipalities.map(({ code, geometry, areaKm2 }) => {
      const u = unitByCode.get(code)!;
      return {
        type: 'Feature',
        properties: {
          code,
          atvk: u.atvk,
          iso: u.iso,
          nameLv: u.nameLv,
          nameEn: u.nameEn,
          kind: u.kind,
          region: u.region,
          areaKm2: round(areaKm2, 1),
          containsCity: u.containsCity,
        },
        geometry,
      };
    }),
  };
  const territorialUnits: Dataset['territorialUnits'] = {
    type: 'FeatureCollection',
    features: division.units.map((u) => {
      const [lon, lat] = labelPoint(u.source) as [number, number];
      return {
        type: 'Feature',
        properties: { code: u.code, municipalityAtvk: unitByCode.get(u.municipalityCode)!.atvk, name: u.name, kind: u.kind, areaKm2: round(u.areaKm2, 2), label: [lon, lat] },
        geometry: u.geometry,
      };
    }),
  };

  const cities = readCities(inp.cities.text, inp.cities.file, units, division.units);
  const unitGeometry = new Map(division.units.map((u) => [u.code, u.geometry]));
  const cityOutlines: Dataset['cityOutlines'] = {
    type: 'FeatureCollection',
    features: cities.map(({ properties: c }) => ({
      type: 'Feature',
      properties: { id: c.id, nameLv: c.nameLv, nameEn: c.nameEn, code: c.outlineCode, areaKm2: c.areaKm2 },
      geometry: unitGeometry.get(c.outlineCode)!,
    })),
  };
  const cityIdByName = new Map<string, string>();
  for (const c of cities) {
    cityIdByName.set(c.properties.nameLv, c.properties.id);
    cityIdByName.set(c.properties.nameEn, c.properties.id);
  }
  const cityGeos = new Set(cities.map((c) => (c.properties.insideNovads ? cityGeoId(c.properties.id) : c.properties.unitCode)));
  // Derived values use the published (rounded) areas, so that anyone can redo them from the files.
  // A city inside a novads has its own area under its city id, so city-level ratios (density) can use it.
  const areaKm2 = division.areaKm2;
  const areas = new Map<string, number>([
    ...municipalities.features.map((f) => [f.properties.code, f.properties.areaKm2] as const),
    ...cities.filter((c) => c.properties.insideNovads).map((c) => [cityGeoId(c.properties.id), c.properties.areaKm2] as const),
    ['LV', round(areaKm2, 1)],
  ]);
  const { data: indicators, skipped } = buildIndicatorData(inp, units, { cityIdByName, cityGeos, areas }, inp.asOf);

  const lines = (kind: string, geometry: Feature['geometry']): Feature => ({ type: 'Feature', properties: { kind }, geometry });
  const dataset: Dataset = {
    municipalities,
    borders: { type: 'FeatureCollection', features: [lines('municipal', division.innerBorders), lines('national', division.outerBorder)] },
    latvia: {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { nameLv: 'Latvija', nameEn: 'Latvia', areaKm2: round(areaKm2, 1) }, geometry: division.whole }],
    },
    cities: { type: 'FeatureCollection', features: cities },
    cityOutlines,
    territorialUnits,
    indicators,
    stats: {
      units: division.municipalities.length,
      territorialUnits: division.units.length,
      areaKm2: round(areaKm2, 1),
      verticesBefore: division.verticesBefore,
      verticesAfter: division.verticesAfter,
      restoredArcs: division.restoredArcs,
      skippedIndicatorRows: skipped,
    },
  };
  if (inp.world) dataset.neighbours = neighbourCountries(inp.world);
  return dataset;
}

/** What the indicator steps need to know of the places: the cities by name, their place ids, and areas for ratios. */
export interface IndicatorPlaces {
  cityIdByName: Map<string, string>;
  cityGeos: ReadonlySet<string>;
  /** Computed area (km²) of each current unit, of each city inside a novads (`city:<id>`) and of `LV`. */
  areas: Map<string, number>;
}

/**
 * The indicator steps of the pipeline, top to bottom: read the catalogue with its categories and
 * periods → read every file (names → codes, words → category codes) → prefer refreshed figures →
 * keep what each level allows → make the categories of complete lists on each year's division →
 * merge dissolved units → check that scoped figures lie in their scope → compute ratios and
 * changes → pack deterministically → pair sources and notes with their Latvian and English texts.
 * Tests run it on the project's own inputs without geometry.
 */
export function buildIndicatorData(
  inp: Pick<DatasetInputs, 'catalogue' | 'categories' | 'periods' | 'indicators' | 'textPairs'>,
  units: UnitRow[],
  places: IndicatorPlaces,
  asOf: string,
): { data: IndicatorData; skipped: number } {
  let catalogue = readCatalogue(inp.catalogue.text, inp.catalogue.file);
  if (inp.categories) catalogue = readCategories(inp.categories.text, inp.categories.file, catalogue);
  else if (catalogue.some((c) => c.kind === 'category')) throw new PipelineError(inp.catalogue.file, null, 'the catalogue has categorical indicators but no indicator_categories.csv was given');
  if (inp.periods) catalogue = readPeriods(inp.periods.text, inp.periods.file, catalogue);
  let skipped = 0;
  const rows = preferRefreshed(
    inp.indicators.flatMap((f) => {
      const r = readObservations(f.text, f.file, catalogue, units, places.cityIdByName);
      skipped += r.skipped;
      return r.rows;
    }),
  );
  const levelled = keepLevel(rows, catalogue, places.cityGeos);
  skipped += levelled.skipped;
  const onCurrent = toCurrentDivision([...levelled.rows, ...deriveListed(levelled.rows, catalogue, units)], catalogue, units, asOf);
  checkScopes(onCurrent, catalogue);
  const packed = packIndicatorData(catalogue, [...onCurrent, ...deriveObservations(onCurrent, derivedSpecs(catalogue), catalogue, places.areas)]);
  const data = inp.textPairs ? applyTextPairs(packed, readTextPairs(inp.textPairs.text, inp.textPairs.file), inp.textPairs.file) : packed;
  return { data, skipped };
}

/** Files written by `npm run data:update`: from the Official Statistics Portal API, or from an official CSV source. */
const REFRESHED_FILE = /(^|\/)(pxweb|refresh)_[^/]+\.csv$/;

/**
 * One observation per place, indicator and year. A figure refreshed from an official source
 * (`pxweb_*.csv`, `refresh_*.csv`) replaces the same figure from an older hand-copied file; two hand-copied files
 * that disagree stop the build, naming both lines, since neither can be preferred by rule.
 */
export function preferRefreshed<T extends { geo: string; indicator: string; year: string; value: number; file: string; line: number }>(rows: T[]): T[] {
  const byKey = new Map<string, T>();
  for (const row of rows) {
    const key = `${row.geo}|${row.indicator}|${row.year}`;
    const prev = byKey.get(key);
    if (!prev) {
      byKey.set(key, row);
      continue;
    }
    const prevRefreshed = REFRESHED_FILE.test(prev.file);
    const rowRefreshed = REFRESHED_FILE.test(row.file);
    if (rowRefreshed && !prevRefreshed) byKey.set(key, row);
    else if (rowRefreshed === prevRefreshed && prev.value !== row.value) {
      throw new PipelineError(row.file, row.line, `${row.indicator} ${row.year} for ${row.geo} is ${row.value} here but ${prev.value} in ${prev.file}, line ${prev.line}`);
    }
  }
  return rows.filter((r) => byKey.get(`${r.geo}|${r.indicator}|${r.year}`) === r);
}
