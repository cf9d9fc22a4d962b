/**
 * The geodata pipeline, top to bottom: fetch and verify sources → match units → dissolve into
 * the current division → compute areas → simplify shared arcs and quantise → check city points →
 * carry indicators over → write deterministic files to public/data/.
 *
 *   npm run geodata                              # amCharts 2021 boundaries (default)
 *   npm run geodata -- --official path/to/Territorial_units_LV_1.2m.zip   # CSP shapefile
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature, FeatureCollection } from 'geojson';
import type { Topology } from 'topojson-specification';
import { readContextLabels } from './context.ts';
import { municipalityLabels } from './labels.ts';
import { readShippedLinks } from './links.ts';
import { readStrategy } from './strategy.ts';
import { buildDataset, type DatasetInputs } from './dataset.ts';
import { PipelineError } from './errors.ts';
import { readOfficialShapefile } from './official.ts';
import { AMCHARTS_GEODATA, integrityOf, packageFile, WORLD_ATLAS } from './sources.ts';
import { territoryTopology } from './territory.ts';
import { stableJson } from './write.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const inputs = join(root, 'geodata', 'inputs');
const cache = join(root, 'geodata', '.cache');
const out = join(root, 'public', 'data');

/** The division is taken on this date: Varakļānu novads is part of Madonas novads from 2025-07-01. */
export const DIVISION_AS_OF = '2025-07-01';

function text(file: string) {
  return { file: file.replace(`${root}/`, ''), text: readFileSync(file, 'utf8') };
}

async function main(argv: string[]) {
  const officialAt = argv.indexOf('--official');
  const officialPath = officialAt >= 0 ? argv[officialAt + 1] : undefined;
  const amchartsFile = packageFile(AMCHARTS_GEODATA, 'json/latvia2021High.json', cache);
  const worldFile = packageFile(WORLD_ATLAS, 'countries-10m.json', cache);

  let boundaries: DatasetInputs['boundaries'];
  let territorialUnits: FeatureCollection | undefined;
  if (officialPath) {
    const official = await readOfficialShapefile(officialPath);
    boundaries = official.municipalities;
    territorialUnits = official.territorialUnits;
  } else {
    const fc = JSON.parse(readFileSync(amchartsFile, 'utf8')) as FeatureCollection;
    boundaries = {
      file: `${AMCHARTS_GEODATA.name}@${AMCHARTS_GEODATA.version}/json/latvia2021High.json`,
      features: fc.features,
      keyOf: (f: Feature) => String(f.properties?.id ?? ''),
      unitKey: (u) => u.iso,
    };
  }
  const indicatorDir = join(inputs, 'indicators');
  const dataset = buildDataset({
    units: text(join(inputs, 'units.csv')),
    cities: text(join(inputs, 'cities.csv')),
    catalogue: text(join(inputs, 'indicator_catalogue.csv')),
    indicators: readdirSync(indicatorDir).filter((f) => f.endsWith('.csv')).sort().map((f) => text(join(indicatorDir, f))),
    boundaries,
    world: JSON.parse(readFileSync(worldFile, 'utf8')) as Topology,
    asOf: DIVISION_AS_OF,
    simplifyKm2: 0.02,
    digits: 5,
  });

  mkdirSync(out, { recursive: true });
  const write = (name: string, value: unknown) => writeFileSync(join(out, name), stableJson(value));
  write('municipalities.geojson', dataset.municipalities);
  write('municipality-labels.geojson', municipalityLabels(dataset.municipalities));
  write('latvia.geojson', dataset.latvia);
  write('neighbours.geojson', dataset.neighbours);
  write('territory.topo.json', territoryTopology({ municipalities: dataset.municipalities, latvia: dataset.latvia, neighbours: dataset.neighbours! }));
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
  write('indicators.json', dataset.indicators);
  if (territorialUnits) write('territorial-units.geojson', territorialUnits);
  copyFileSync(packageFile(AMCHARTS_GEODATA, 'LICENSE', cache), join(out, 'LICENSE-amcharts.txt'));
  write('provenance.json', {
    boundaries: officialPath
      ? { source: 'CSP territorial units shapefile', file: officialPath.split('/').pop(), sha512: integrityOf(readFileSync(officialPath)) }
      : { source: `${AMCHARTS_GEODATA.name}@${AMCHARTS_GEODATA.version}`, file: 'json/latvia2021High.json', integrity: AMCHARTS_GEODATA.integrity, licence: AMCHARTS_GEODATA.licence },
    context: { source: `${WORLD_ATLAS.name}@${WORLD_ATLAS.version}`, file: 'countries-10m.json', integrity: WORLD_ATLAS.integrity, licence: WORLD_ATLAS.licence },
    divisionAsOf: DIVISION_AS_OF,
    areaMethod: 'ellipsoidal (GRS80) area via ETRS89-LAEA, computed from the unsimplified boundaries',
    ...dataset.stats,
  });
  const s = dataset.stats;
  console.log(`wrote ${s.units} municipalities (${s.areaKm2} km², ${s.verticesBefore} → ${s.verticesAfter} vertices), ${dataset.cities.features.length} cities, ${dataset.indicators.observations.length} observations (${s.skippedIndicatorRows} rows of uncatalogued indicators or places skipped) to public/data/`);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error(e instanceof PipelineError ? `geodata: ${e.message}` : e);
  process.exit(1);
});
