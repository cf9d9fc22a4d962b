import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../geodata/dataset.ts';
import { PipelineError } from '../../geodata/errors.ts';
import { integrityOf, OFFICIAL_BOUNDARIES, verifyIntegrity, verifySha256, WORLD_ATLAS } from '../../geodata/sources.ts';
import { CITIES_CSV, DEMOGRAPHY_CSV, sourceUnits, UNITS_CSV, worldInputs } from './fixtures/world.ts';
import { pipelineError } from './fixtures/pipelineError.ts';

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

  it('a municipality named in a way units.csv does not know (never skipped)', () => {
    const text = withLine(DEMOGRAPHY_CSV, 4, 'Madona,population_1jan,2024,5,persons,CSP IRD041,');
    const e = pipelineError(() => buildDataset(worldInputs({ indicators: [{ file: 'geodata/inputs/indicators/demography.csv', text }] })));
    expect(e.message).toBe('geodata/inputs/indicators/demography.csv, line 4: unknown municipality name "Madona" (not in units.csv)');
  });

  it('a value that is not a number', () => {
    const text = withLine(DEMOGRAPHY_CSV, 3, 'LV0001000,population_1jan,2024,n/a,persons,CSP IRD041,');
    const e = pipelineError(() => buildDataset(worldInputs({ indicators: [{ file: 'demography.csv', text }] })));
    expect(e.message).toBe('demography.csv, line 3: value "n/a" is not a number');
  });

  const SHP = 'Territorial_units_LV_1.2m_(2022.07.01.).shp';
  const withUnits = (units: ReturnType<typeof sourceUnits>) => worldInputs({ boundaries: { file: SHP, units } });

  it('a territorial unit whose municipality is unknown', () => {
    const units = sourceUnits();
    units[2]!.municipalityCode = 'LV0099000';
    const e = pipelineError(() => buildDataset(withUnits(units)));
    expect(e.message).toBe(`${SHP}: feature 3 (LV0055400 Varakļānu pagasts): unknown municipality LV0099000 (not in units.csv)`);
  });

  it('a territorial unit listed twice', () => {
    const units = sourceUnits();
    units[4]!.code = 'LV0040400';
    const e = pipelineError(() => buildDataset(withUnits(units)));
    expect(e.message).toBe(`${SHP}: feature 5 (LV0040400 Ogre): territorial unit listed twice`);
  });

  it('a current municipality without territorial units', () => {
    const units = sourceUnits().filter((u) => u.municipalityCode !== 'LV0040000');
    const e = pipelineError(() => buildDataset(withUnits(units)));
    expect(e.message).toBe(`${SHP}: no territorial units for LV0040000 Ogres novads`);
  });

  it('a city point outside its own outline (in its novads, but not in the town)', () => {
    const text = CITIES_CSV.replace('ogre,Ogre,Ogre,LV0040000,yes,56.75,24.25', 'ogre,Ogre,Ogre,LV0040000,yes,56.6,24.1');
    const e = pipelineError(() => buildDataset(worldInputs({ cities: { file: 'geodata/inputs/cities.csv', text } })));
    expect(e.message).toBe('geodata/inputs/cities.csv, line 3: Ogre (56.6, 24.1) lies outside its own outline LV0040010');
  });

  it('a city inside a novads without a town of its name', () => {
    const units = sourceUnits();
    units[4]!.name = 'Ogresgals';
    const e = pipelineError(() => buildDataset(withUnits(units)));
    expect(e.message).toBe('geodata/inputs/cities.csv, line 3: Ogre has no territorial unit of its own in LV0040000 (no town named "Ogre")');
  });

  it('a city with latitude and longitude swapped', () => {
    const text = CITIES_CSV.replace('57.25,24.25', '24.25,57.25');
    const e = pipelineError(() => buildDataset(worldInputs({ cities: { file: 'cities.csv', text } })));
    expect(e.message).toMatch(/^cities\.csv, line 2: Rīga .* lies outside its own outline LV0001000$/);
  });

  it('an invalid (self-intersecting bow-tie) geometry', () => {
    const units = sourceUnits();
    units[0]!.geometry = { type: 'Polygon', coordinates: [[[24, 57], [24.5, 57.5], [24.5, 57], [24, 57.5], [24, 57]]] };
    const e = pipelineError(() => buildDataset(withUnits(units)));
    expect(e.message).toBe(`${SHP}: feature 1 (LV0001000 Rīga): invalid geometry (self-intersection or bad ring)`);
  });

  it('neighbours that overlap, or leave a gap, by more than the tolerance', () => {
    // The town drawn 0.02° too far east: it overlaps the parish and leaves a gap in the hole.
    const units = sourceUnits();
    units[4]!.geometry = { type: 'Polygon', coordinates: [(units[4]!.geometry.coordinates[0] as number[][]).map(([x, y]) => [x! + 0.02, y!])] };
    const e = pipelineError(() => buildDataset(withUnits(units)));
    expect(e.message).toMatch(new RegExp(`^${SHP.replace(/[().]/g, '\\$&')}: LV0040400 and LV0040010 overlap by [0-9.]+ km² after simplification; a gap of [0-9.]+ km² opened at .* between .*LV0040010`));
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
    const file = 'geodata/.cache/world-atlas-2.0.2.tgz';
    const e = pipelineError(() => verifyIntegrity(abc, WORLD_ATLAS.integrity, file));
    expect(e.file).toBe(file);
    expect(e.message).toContain(`${file}: checksum mismatch: expected ${WORLD_ATLAS.integrity}, got ${integrityOf(abc)}`);
  });

  it('refuses a boundary file whose sha256 is not the recorded one, and accepts the copy in geodata/boundaries', () => {
    const dir = `${OFFICIAL_BOUNDARIES.dir}/${OFFICIAL_BOUNDARIES.base}`;
    const dbf = readFileSync(`${dir}.dbf`);
    expect(() => verifySha256(dbf, OFFICIAL_BOUNDARIES.sha256.dbf, `${dir}.dbf`)).not.toThrow();
    const changed = Uint8Array.from(dbf);
    changed[200]! ^= 1;
    const e = pipelineError(() => verifySha256(changed, OFFICIAL_BOUNDARIES.sha256.dbf, `${dir}.dbf`));
    expect(e.message).toMatch(new RegExp(`checksum mismatch: expected sha256 ${OFFICIAL_BOUNDARIES.sha256.dbf}, got [0-9a-f]{64}`));
  });
});
