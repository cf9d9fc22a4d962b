import { readFileSync } from 'node:fs';
import type { Dataset } from '../../src/domain/dataset.ts';
import { unpackIndicatorFile } from '../../src/domain/indicatorFile.ts';

const read = (file: string): unknown => JSON.parse(readFileSync(new URL(`../../public/data/${file}`, import.meta.url), 'utf8'));

/** The committed data files as the app loads them, for tests of the hinterland state without a browser. */
export function committedDataset(): Dataset {
  return {
    municipalities: read('municipalities.geojson'),
    cities: read('cities.geojson'),
    latvia: read('latvia.geojson'),
    neighbours: read('neighbours.geojson'),
    contextLabels: read('context-labels.geojson'),
    municipalityLabels: read('municipality-labels.geojson'),
    strategy: read('strategy.json'),
    indicators: unpackIndicatorFile(read('indicators.json'), 'indicators.json'),
  } as Dataset;
}
