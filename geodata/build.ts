/**
 * The geodata pipeline, top to bottom: fetch and verify sources → match units → dissolve into
 * the current division → compute areas → simplify shared arcs and quantise → check city points →
 * carry indicators over → write deterministic files to public/data/.
 *
 *   npm run geodata                              # the CSP boundaries in geodata/boundaries/ (checksum-verified)
 *   npm run geodata -- --official path/to/Territorial_units_LV_1.2m.zip   # another CSP edition
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Topology } from 'topojson-specification';
import { readContextLabels } from './context.ts';
import { municipalityLabels } from './labels.ts';
import { readShippedLinks } from './links.ts';
import { readStrategy } from './strategy.ts';
import { buildDataset, type DatasetInputs } from './dataset.ts';
import { readCatalogue } from './catalogue.ts';
import { awaitingData } from './refreshChecks.ts';
import { PipelineError } from './errors.ts';
import { buildCommuting, readTea } from './commuting.ts';
import { buildFuaData, readFuaLaus } from './fua.ts';
import { readOfficialShapefile } from './official.ts';
import { BOUNDARIES_2021, integrityOf, OFFICIAL_BOUNDARIES, packageFile, verifySha256, WORLD_ATLAS } from './sources.ts';
import { TERRITORIAL_UNITS_FILE, territorialUnitsTopology, territoryTopology } from './territory.ts';
import { stableJson } from './write.ts';
import { packIndicatorFile } from '../src/domain/indicatorFile.ts';
import { readWater } from './waterInput.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const inputs = join(root, 'geodata', 'inputs');
const cache = join(root, 'geodata', '.cache');
const out = join(root, 'public', 'data');

/** The division is taken on this date: Varakļānu novads is part of Madonas novads from 2025-07-01. */
export const DIVISION_AS_OF = '2025-07-01';

function text(file: string) {
  return { file: file.replace(`${root}/`, ''), text: readFileSync(file, 'utf8') };
}

const COMMUTING_FILE = 'commuting.json';

/** `commuting.json` from the refreshed `tea_empl.csv` and its note; home codes that are not today's units are reported. */
function commutingFile(teaFile: string, dataset: ReturnType<typeof buildDataset>) {
  const tea = text(teaFile);
  const noteFile = teaFile.replace(/\.csv$/, '.json');
  const note = existsSync(noteFile) ? (JSON.parse(readFileSync(noteFile, 'utf8')) as { retrieved?: string }) : {};
  const cities = dataset.cities.features.map(({ properties: p }) => ({ id: p.id, unitCode: p.unitCode, outlineCode: p.outlineCode }));
  const known = { municipality: new Set(dataset.municipalities.features.map((f) => f.properties.code)), territorial: new Set(dataset.territorialUnits.features.map((f) => f.properties.code)) };
  const { data, unknown } = buildCommuting(readTea(tea.text, tea.file), cities, known, note.retrieved ?? '');
  if (unknown.length) console.warn(`${tea.file}: ${unknown.length} home codes are not today's units and were left out: ${unknown.join(', ')}`);
  return data;
}

async function main(argv: string[]) {
  const officialAt = argv.indexOf('--official');
  const officialPath = officialAt >= 0 ? argv[officialAt + 1] : undefined;
  const worldFile = packageFile(WORLD_ATLAS, 'countries-10m.json', cache);

  const verifiedShp = (b: { dir: string; base: string; sha256: Record<string, string> }) => {
    for (const [ext, sha256] of Object.entries(b.sha256)) verifySha256(readFileSync(join(root, b.dir, `${b.base}.${ext}`)), sha256, `${b.dir}/${b.base}.${ext}`);
    return join(root, b.dir, `${b.base}.shp`);
  };
  const boundaries = await readOfficialShapefile(officialPath ?? verifiedShp(OFFICIAL_BOUNDARIES));
  const indicatorDir = join(inputs, 'indicators');
  const dataset = buildDataset({
    units: text(join(inputs, 'units.csv')),
    cities: text(join(inputs, 'cities.csv')),
    catalogue: text(join(inputs, 'indicator_catalogue.csv')),
    categories: text(join(inputs, 'indicator_categories.csv')),
    periods: text(join(inputs, 'indicator_periods.csv')),
    indicators: readdirSync(indicatorDir).filter((f) => f.endsWith('.csv')).sort().map((f) => text(join(indicatorDir, f))),
    textPairs: text(join(inputs, 'indicator_text_pairs.csv')),
    boundaries,
    world: JSON.parse(readFileSync(worldFile, 'utf8')) as Topology,
    asOf: DIVISION_AS_OF,
    simplifyKm2: 0.2,
    digits: 5,
    toleranceKm2: 0.01,
  });

  mkdirSync(out, { recursive: true });
  const write = (name: string, value: unknown) => writeFileSync(join(out, name), stableJson(value));
  write('municipalities.geojson', dataset.municipalities);
  write('municipality-labels.geojson', municipalityLabels(dataset.municipalities));
  write('latvia.geojson', dataset.latvia);
  write('neighbours.geojson', dataset.neighbours);
  // CSP's commuting flows, once `npm run data:update` has fetched them (they are not shipped offline).
  const teaFile = join(inputs, 'commuting', 'tea_empl.csv');
  const commuting = existsSync(teaFile) ? commutingFile(teaFile, dataset) : undefined;
  if (commuting) write(COMMUTING_FILE, commuting);
  else if (existsSync(join(out, COMMUTING_FILE))) rmSync(join(out, COMMUTING_FILE));
  write('territory.topo.json', territoryTopology({ municipalities: dataset.municipalities, latvia: dataset.latvia, neighbours: dataset.neighbours!, cities: dataset.cityOutlines }, TERRITORIAL_UNITS_FILE, commuting ? COMMUTING_FILE : undefined));
  write(TERRITORIAL_UNITS_FILE, territorialUnitsTopology(dataset.territorialUnits));
  write('cities.geojson', dataset.cities);
  write(
    'links.json',
    readShippedLinks({
      links: [text(join(inputs, 'cooperation_links.csv')), text(join(inputs, 'cooperation_links_more.csv'))],
      organisations: text(join(inputs, 'organisations.csv')),
      cities: text(join(inputs, 'cities.csv')),
      units: text(join(inputs, 'units.csv')),
      asOf: DIVISION_AS_OF,
    }),
  );
  const strategy = text(join(inputs, 'strategy_llpa_2027.csv'));
  write('strategy.json', readStrategy(strategy.text, strategy.file));
  const labels = text(join(inputs, 'context_labels.csv'));
  write('context-labels.geojson', readContextLabels(labels.text, labels.file));
  // Columns per indicator, each note, place and year once (src/domain/indicatorFile.ts).
  write('indicators.json', packIndicatorFile(dataset.indicators));
  // Eurostat's functional urban areas on today's units, and the gravity exponents fitted to them.
  const fua = text(join(inputs, 'hinterland', 'fua_lau_lv_2019.csv'));
  write('fua.json', buildFuaData(readFuaLaus(fua.text, fua.file), (await readOfficialShapefile(verifiedShp(BOUNDARIES_2021))).units, boundaries.units, dataset, fua.file));
  // Lakes and the Daugava: a quiet context layer the map loads after its first view.
  const water = text(join(inputs, 'water.geojson'));
  const { source: waterSource, ...waterFeatures } = readWater(water.text, water.file);
  write('water.geojson', waterFeatures);
  for (const old of ['LICENSE-amcharts.txt', 'territorial-units.geojson']) if (existsSync(join(out, old))) rmSync(join(out, old));
  const b = OFFICIAL_BOUNDARIES;
  write('provenance.json', {
    boundaries: officialPath
      ? { source: 'CSP territorial units shapefile', file: officialPath.split('/').pop(), sha512: integrityOf(readFileSync(officialPath)) }
      : { source: `CSP territorial units shapefile, edition ${b.edition}`, producer: b.producer, origin: b.origin, licence: b.licence, changes: b.changes, files: Object.fromEntries(Object.entries(b.sha256).map(([ext, sha]) => [`${b.base}.${ext}`, `sha256:${sha}`])) },
    context: { source: `${WORLD_ATLAS.name}@${WORLD_ATLAS.version}`, file: 'countries-10m.json', integrity: WORLD_ATLAS.integrity, licence: WORLD_ATLAS.licence },
    divisionAsOf: DIVISION_AS_OF,
    areaMethod: 'ellipsoidal (GRS80) area via ETRS89-LAEA, computed from the unsimplified boundaries',
    water: { source: waterSource, file: 'geodata/inputs/water.geojson (npm run water)' },
    outputs: ['territory.topo.json', 'territorial-units.topo.json', 'water.geojson'],
    ...dataset.stats,
  });
  // Catalogued indicators without figures yet are left out of indicators.json (the app lists only
  // indicators with data); say which, so that a missing refresh is not mistaken for a missing row.
  const catalogueInput = text(join(inputs, 'indicator_catalogue.csv'));
  const waiting = awaitingData(readCatalogue(catalogueInput.text, catalogueInput.file), dataset.indicators);
  if (waiting.length > 0) console.log(`catalogued, no data yet (not shipped; fill them with \`npm run data:update\` online, see geodata/README.md): ${waiting.join(', ')}`);
  const s = dataset.stats;
  console.log(`wrote ${s.units} municipalities, ${s.territorialUnits} territorial units (${s.areaKm2} km², ${s.verticesBefore} → ${s.verticesAfter} vertices), ${dataset.cities.features.length} cities, ${dataset.indicators.observations.length} observations (${s.skippedIndicatorRows} rows of uncatalogued indicators or places skipped) to public/data/`);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error(e instanceof PipelineError ? `geodata: ${e.message}` : e);
  process.exit(1);
});
