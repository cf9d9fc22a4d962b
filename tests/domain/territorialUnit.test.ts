import { describe, expect, it } from 'vitest';
import type { TerritorialUnits } from '../../src/domain/hinterland/territorial.ts';
import { describeTerritorialUnit } from '../../src/domain/territorialUnit.ts';
import type { MunicipalityProps } from '../../src/domain/units.ts';

const square = { type: 'Polygon' as const, coordinates: [[[25, 57], [25.1, 57], [25.1, 57.1], [25, 57.1], [25, 57]]] };
const units: TerritorialUnits = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { code: 'LV0054010', municipalityAtvk: '0054000', name: 'Valmiera', kind: 'town', areaKm2: 19.32, label: [25.05, 57.05] }, geometry: square },
    { type: 'Feature', properties: { code: 'LV0055400', municipalityAtvk: '0038000', name: 'Murmastienes pagasts', kind: 'parish', areaKm2: 97.4, label: [25.05, 57.05] }, geometry: square },
  ],
};
const muni = (code: string, atvk: string, nameLv: string, nameEn: string): MunicipalityProps => ({ code, atvk, iso: '', nameLv, nameEn, kind: 'novads', region: '', areaKm2: 0, containsCity: '' });
const municipalities = [muni('LV0054000', '0054000', 'Valmieras novads', 'Valmiera municipality'), muni('LV0038000', '0038000', 'Madonas novads', 'Madona municipality')];

describe('describing a territorial unit', () => {
  it('gives its name, kind, computed area and municipality', () => {
    expect(describeTerritorialUnit('LV0054010', units, municipalities)).toEqual({
      code: 'LV0054010',
      name: 'Valmiera',
      kind: 'town',
      municipality: { code: 'LV0054000', nameLv: 'Valmieras novads', nameEn: 'Valmiera municipality' },
      areaKm2: 19.32,
    });
  });

  it('puts a former Varakļāni parish in Madonas novads, as the map’s division does', () => {
    expect(describeTerritorialUnit('LV0055400', units, municipalities)?.municipality?.code).toBe('LV0038000');
  });

  it('says nothing of a code that is not loaded', () => {
    expect(describeTerritorialUnit('LV0099999', units, municipalities)).toBeNull();
  });
});
