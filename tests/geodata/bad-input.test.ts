import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Feature } from 'geojson';
import { buildDataset } from '../../geodata/dataset.ts';
import { PipelineError } from '../../geodata/errors.ts';
import { AMCHARTS_GEODATA, integrityOf, verifyIntegrity } from '../../geodata/sources.ts';
import { boundaryFeatures, CITIES_CSV, DEMOGRAPHY_CSV, UNITS_CSV, worldInputs } from './fixtures/world.ts';

/** The PipelineError a call throws (failing the test if it throws nothing or something else). */
function pipelineError(run: () => unknown): PipelineError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(PipelineError);
    return e as PipelineError;
  }
  throw new Error('expected a PipelineError, nothing was thrown');
}

const withLine = (text: string, line: number, row: string) => {
  const lines = text.split('\n');
  lines.splice(line - 1, 0, row);
  return lines.join('\n');
};

describe('the pipeline refuses bad input, naming the file and line', () => {
  it('an unknown unit code in an indicator file', () => {
    const text = withLine(DEMOGRAPHY_CSV, 4, 'LV0099000,population_1jan,2025,5,persons,CSP IRD041,');
    const e = pipelineError(() => buildDataset(worldInputs({ indicators: [{ file: 'geodata/inputs/indicators/demography.csv', text }] })));
    expect(e.message).toBe('geodata/inputs/indicators/demography.csv, line 4: unknown unit code "LV0099000"');
    expect([e.file, e.line]).toEqual(['geodata/inputs/indicators/demography.csv', 4]);
  });

  it('a value that is not a number', () => {
    const text = withLine(DEMOGRAPHY_CSV, 3, 'LV0001000,population_1jan,2024,n/a,persons,CSP IRD041,');
    const e = pipelineError(() => buildDataset(worldInputs({ indicators: [{ file: 'demography.csv', text }] })));
    expect(e.message).toBe('demography.csv, line 3: value "n/a" is not a number');
  });

  it('an unknown boundary key', () => {
    const features: Feature[] = boundaryFeatures();
    features[2]!.properties = { id: 'LV-999' };
    const inputs = worldInputs();
    const e = pipelineError(() => buildDataset({ ...inputs, boundaries: { ...inputs.boundaries, features } }));
    expect(e.message).toBe('latvia2021High.json: feature 3 (LV-999): unknown unit code "LV-999"');
  });

  it('a current unit without a boundary', () => {
    const inputs = worldInputs();
    const features = boundaryFeatures().filter((f) => f.properties?.id !== 'LV-067');
    const e = pipelineError(() => buildDataset({ ...inputs, boundaries: { ...inputs.boundaries, features } }));
    expect(e.message).toBe('latvia2021High.json: no boundary for LV0040000 Ogres novads');
  });

  it('a city point outside its unit', () => {
    const text = CITIES_CSV.replace('ogre,Ogre,Ogre,LV0040000,yes,56.75,24.25', 'ogre,Ogre,Ogre,LV0040000,yes,56.75,24.75');
    const e = pipelineError(() => buildDataset(worldInputs({ cities: { file: 'geodata/inputs/cities.csv', text } })));
    expect(e.message).toBe('geodata/inputs/cities.csv, line 3: Ogre (56.75, 24.75) lies outside its unit LV0040000');
  });

  it('a city with latitude and longitude swapped', () => {
    const text = CITIES_CSV.replace('57.25,24.25', '24.25,57.25');
    const e = pipelineError(() => buildDataset(worldInputs({ cities: { file: 'cities.csv', text } })));
    expect(e.message).toMatch(/^cities\.csv, line 2: Rīga .* lies outside its unit LV0001000$/);
  });

  it('an invalid (self-intersecting bow-tie) geometry', () => {
    const features = boundaryFeatures();
    features[0]!.geometry = { type: 'Polygon', coordinates: [[[24, 57], [24.5, 57.5], [24.5, 57], [24, 57.5], [24, 57]]] };
    const inputs = worldInputs();
    const e = pipelineError(() => buildDataset({ ...inputs, boundaries: { ...inputs.boundaries, features } }));
    expect(e.message).toBe('latvia2021High.json: feature 1 (LV-RIX): invalid geometry (self-intersection or bad ring)');
  });

  it('missing columns in units.csv or an indicator file', () => {
    const units = UNITS_CSV.replace(',successor_code,', ',successor,');
    let e = pipelineError(() => buildDataset(worldInputs({ units: { file: 'geodata/inputs/units.csv', text: units } })));
    expect(e.message).toBe('geodata/inputs/units.csv: missing column(s): successor_code');

    const indicators = [{ file: 'x.csv', text: 'code_or_name,indicator,year,value\nLV,population_1jan,2025,1\n' }];
    e = pipelineError(() => buildDataset(worldInputs({ indicators })));
    expect(e.message).toBe('x.csv: missing column(s): unit, source, note');
  });

  it('a malformed row, with its physical line', () => {
    const units = withLine(UNITS_CSV, 3, '').replace('LV0040000,0040000,LV-067,Ogres novads,Ogre municipality,novads,Vidzeme,2021-07-01,,,ogre', 'LV0040000,0040000,LV-067,Ogres novads,Ogre municipality,novads,Vidzeme,2021-07-01,,,ogre,extra');
    const e = pipelineError(() => buildDataset(worldInputs({ units: { file: 'units.csv', text: units } })));
    expect(e.message).toBe('units.csv: line 5: Too many fields: expected 11 fields but parsed 12');
  });

  it('a successor that is not a unit', () => {
    const units = UNITS_CSV.replace('2025-06-30,LV0038000,', '2025-06-30,LV0038001,');
    const e = pipelineError(() => buildDataset(worldInputs({ units: { file: 'units.csv', text: units } })));
    expect(e.message).toBe('units.csv, line 5: successor LV0038001 is not a known unit');
  });
});

describe('verifyIntegrity', () => {
  const abc = new TextEncoder().encode('abc');
  // FIPS 180-2's published SHA-512 of "abc", as base64: an independent reference.
  const abcSha512 =
    'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f';

  it('computes npm-style sha512 integrity', () => {
    expect(integrityOf(abc)).toBe(`sha512-${Buffer.from(abcSha512, 'hex').toString('base64')}`);
    expect(integrityOf(abc)).toBe(`sha512-${createHash('sha512').update('abc').digest('base64')}`);
  });

  it('accepts the recorded buffer', () => {
    expect(() => verifyIntegrity(abc, integrityOf(abc), 'abc.tgz')).not.toThrow();
  });

  it('refuses a changed buffer, naming the file', () => {
    const file = 'geodata/.cache/amcharts-amcharts5-geodata-5.1.6.tgz';
    const e = pipelineError(() => verifyIntegrity(abc, AMCHARTS_GEODATA.integrity, file));
    expect(e.file).toBe(file);
    expect(e.message).toContain(`${file}: checksum mismatch: expected ${AMCHARTS_GEODATA.integrity}, got ${integrityOf(abc)}`);
  });
});
