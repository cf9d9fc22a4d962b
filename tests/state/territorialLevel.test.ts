import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Feature, MultiPolygon, Point, Polygon } from 'geojson';
import type { TerritorialUnits } from '../../src/domain/hinterland/territorial.ts';
import type { CityProps, MunicipalityProps } from '../../src/domain/units.ts';
import type { Dataset } from '../../src/domain/dataset.ts';
import { effectiveLevel, selectAggregates, selectGravity } from '../../src/state/hinterlandDerived.ts';
import { selectScene } from '../../src/state/hinterlandScene.ts';
import { createAppStore } from '../../src/state/store.ts';
import { decodeViewState, encodeViewState } from '../../src/state/urlState.ts';
import { applyViewState, VIEW_DEFAULTS, viewContextOf, viewStateOf } from '../../src/state/viewSync.ts';

const UNITS = JSON.parse(readFileSync(new URL('../domain/hinterland/fixtures/territorial-units.geojson', import.meta.url), 'utf8')) as TerritorialUnits;

const rect = (x0: number, y0: number, x1: number, y1: number): Polygon => ({ type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] });
function municipality(code: string, nameLv: string, geometry: Polygon, containsCity = ''): Feature<Polygon | MultiPolygon, MunicipalityProps> {
  return { type: 'Feature', properties: { code, atvk: code.slice(2), iso: '', nameLv, nameEn: nameLv, kind: 'novads', region: '', areaKm2: 0, containsCity }, geometry };
}
function city(id: string, unitCode: string, insideNovads: boolean, lon: number, lat: number, order: number): Feature<Point, CityProps> {
  return { type: 'Feature', properties: { id, nameLv: id, nameEn: id, unitCode, insideNovads, outlineCode: unitCode, areaKm2: 0, order }, geometry: { type: 'Point', coordinates: [lon, lat] } };
}
const label = (code: string, lon: number, lat: number) => ({ type: 'Feature', properties: { code }, geometry: { type: 'Point', coordinates: [lon, lat] } });
const obs = (geo: string, value: number) => ({ geo, indicator: 'city_population', year: '2025', value, source: 0 });

/** The fixture's two novadi by municipality, Valmiera inside the first, a city "north" of both (its unit is not on the map). */
function dataset(withUnits: boolean): Dataset {
  return {
    municipalities: { type: 'FeatureCollection', features: [municipality('LV0054000', 'Valmieras novads', rect(25, 57.4, 25.4, 57.7), 'valmiera'), municipality('LV0020000', 'Otrais novads', rect(25.4, 57.4, 25.6, 57.7))] },
    cities: { type: 'FeatureCollection', features: [city('valmiera', 'LV0054000', true, 25.1, 57.45, 1), city('north', 'LV0099000', false, 25.5, 57.9, 2)] },
    municipalityLabels: { type: 'FeatureCollection', features: [label('LV0054000', 25.2, 57.55), label('LV0020000', 25.5, 57.55)] },
    indicators: { indicators: [], sources: ['test'], observations: [obs('city:valmiera', 20_000), obs('LV0099000', 80_000)] },
    ...(withUnits ? { territorialUnits: UNITS, territorialUnitsAvailable: true } : { territorialUnitsAvailable: false }),
  } as unknown as Dataset;
}

async function loadedStore(withUnits = true) {
  const store = createAppStore('en');
  store.getState().setDataset(dataset(withUnits));
  const imported = await store.getState().importAssignment('municipality_code,municipality_name,city_id,role,reason,source\nLV0054000,Valmieras novads,valmiera,hinterland,the city lies inside it,doc\nLV0020000,Otrais novads,,,,\n');
  expect(imported.ok).toBe(true);
  return store;
}

describe('hinterlands by territorial unit', () => {
  it('stay by municipality when the data have no territorial units, whatever the setting', async () => {
    const store = await loadedStore(false);
    store.getState().setHinterland({ level: 'territorial', shown: true });
    expect(effectiveLevel(store.getState())).toBe('municipality');
    expect([...selectScene(store.getState())!.cityByCode]).toEqual([['LV0054000', 'valmiera']]);
  });

  it('draw the administrative hinterland from the territorial units, the city unit as the city', async () => {
    const store = await loadedStore();
    store.getState().setHinterland({ level: 'territorial', shown: true });
    const scene = selectScene(store.getState())!;
    expect([...scene.cityByCode]).toEqual([['0054001', 'valmiera'], ['0054002', 'valmiera'], ['0054003', 'valmiera']]);
    expect(scene.roleByCode.get('0054001')).toBe('city');
    expect(scene.outlines.features.map((f) => f.properties.kind)).toEqual(['outline', 'city']);
    // The label goes in the largest unit of the hinterland.
    expect(scene.labels.features[0]!.geometry.coordinates).toEqual([25.2, 57.6]);
  });

  it('follow an edit of the municipal assignment', async () => {
    const store = await loadedStore();
    store.getState().setHinterland({ level: 'territorial' });
    await store.getState().setUnitCity('LV0020000', 'valmiera');
    expect(selectScene(store.getState())!.cityByCode.get('0020002')).toBe('valmiera');
  });

  it('sum areas only, saying there are no residents by parish', async () => {
    const store = await loadedStore();
    store.getState().setHinterland({ level: 'territorial' });
    const agg = selectAggregates(store.getState())!;
    expect(agg.cities[0]!.units).toEqual(['0054001', '0054002', '0054003']);
    expect(agg.cities[0]!.areaKm2.value).toBe(800.2);
    expect(agg.cities[0]!.residents.value).toBeNull();
    expect(agg.cities[0]!.residents.note.en).toMatch(/no residents for parishes/);
    store.getState().setHinterland({ level: 'municipality' });
    expect(selectAggregates(store.getState())!.cities[0]!.units).toEqual(['LV0054000']);
  });

  it('run the gravity model from the territorial units’ label points, with the same masses and exponents', async () => {
    const store = await loadedStore();
    store.getState().setHinterland({ kind: 'gravity', level: 'territorial', alpha: 1, beta: 2 });
    const g = selectGravity(store.getState())!;
    expect(g.assignment.map((a) => [a.code, a.cityId, a.role])).toEqual([
      ['0054001', 'valmiera', 'city'],
      ['0054002', 'valmiera', 'hinterland'],
      ['0054003', 'valmiera', 'hinterland'],
      ['0020001', 'north', 'hinterland'], // Valmiera's share there is 0.4905
      ['0020002', 'north', 'hinterland'],
    ]);
    // Hand-computed in tests/domain/hinterland/territorial.test.ts.
    expect(g.shareByCode.get('0020002')!.north).toBeCloseTo(0.80229, 4);
  });

  it('are the default; the choice of municipalities is part of the address as hl=m, read back into the store', async () => {
    const store = await loadedStore();
    store.getState().setHinterland({ shown: true });
    expect(encodeViewState(viewStateOf(store.getState()), VIEW_DEFAULTS)).toBe('l=en&hs=1');
    store.getState().setHinterland({ level: 'municipality' });
    const search = encodeViewState(viewStateOf(store.getState()), VIEW_DEFAULTS);
    expect(search).toBe('l=en&hs=1&hl=m');
    const other = await loadedStore();
    const { state, dropped } = decodeViewState(search, viewContextOf(other.getState().dataset!));
    expect(dropped).toEqual([]);
    applyViewState(other, state);
    expect(other.getState().hinterland).toMatchObject({ kind: 'admin', shown: true, level: 'municipality' });
    applyViewState(other, decodeViewState('hs=1', viewContextOf(other.getState().dataset!)).state);
    expect(other.getState().hinterland.level).toBe('territorial');
  });
});
