import { readFileSync } from 'node:fs';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import type { FuaData } from '../../src/domain/hinterland/fua.ts';
import type { TerritorialUnits } from '../../src/domain/hinterland/territorial.ts';
import { effectiveLevel, selectAdminPartition, selectAggregates, selectFuaPartition } from '../../src/state/hinterlandDerived.ts';
import { selectDefinitionComparison, selectDisagreement } from '../../src/state/hinterlandComparison.ts';
import { selectScene } from '../../src/state/hinterlandScene.ts';
import { createAppStore } from '../../src/state/store.ts';
import { decodeViewState, encodeViewState } from '../../src/state/urlState.ts';
import { VIEW_DEFAULTS, viewContextOf, viewStateOf } from '../../src/state/viewSync.ts';
import { committedDataset } from './hinterlandDataset.ts';

const read = (file: string): unknown => JSON.parse(readFileSync(new URL(`../../public/data/${file}`, import.meta.url), 'utf8'));
const topo = read('territorial-units.topo.json') as Topology<{ units: GeometryCollection }>;
const units = feature(topo, topo.objects.units) as unknown as TerritorialUnits;
const fua = read('fua.json') as FuaData;

function store(withFua = true) {
  const s = createAppStore('en');
  s.getState().setDataset({ ...committedDataset(), territorialUnitsAvailable: true, territorialUnits: units, ...(withFua ? { fua } : {}) });
  s.getState().setHinterland({ kind: 'fua', shown: true });
  return s;
}

describe('the FUA hinterlands in the app', () => {
  it('are made of territorial units, each city’s own town kept by it even inside Rīga’s FUA', () => {
    const s = store();
    expect(effectiveLevel(s.getState())).toBe('territorial');
    const p = selectFuaPartition(s.getState())!;
    const cityOf = new Map(p.map((a) => [a.code, a.cityId]));
    expect(cityOf.get('LV0004000')).toBe('jurmala');
    expect(cityOf.get('LV0040010')).toBe('ogre');
    expect(cityOf.get('LV0054010')).toBe('valmiera');
    // The four FUA cities have hinterlands; the six others only their own territory.
    const count = (id: string) => p.filter((a) => a.cityId === id).length;
    for (const id of ['riga', 'liepaja', 'jelgava', 'daugavpils']) expect(count(id)).toBeGreaterThan(10);
    for (const id of ['ventspils', 'rezekne', 'valmiera', 'jekabpils', 'jurmala', 'ogre']) expect(count(id)).toBe(1);
    expect(count('riga')).toBe(fua.fuas.find((f) => f.cityId === 'riga')!.unitCount - 2); // less Jūrmala and Ogre
  });

  it('draw a scene and sum areas (no residents by parish)', () => {
    const s = store();
    expect(selectScene(s.getState())?.cityByCode.get('LV0004000')).toBe('jurmala');
    const riga = selectAggregates(s.getState())!.cities.find((c) => c.cityId === 'riga')!;
    expect(riga.areaKm2.value).toBeGreaterThan(1000);
    expect(riga.residents.value).toBeNull();
  });

  it('show where two definitions disagree: exactly the units given to different cities, never a city’s core', () => {
    const s = store();
    expect(selectDisagreement(s.getState())).toBeNull();
    s.getState().setHinterland({ disagree: ['admin', 'fua'] });
    const d = selectDisagreement(s.getState())!;
    const admin = new Map(selectAdminPartition(s.getState())!.map((a) => [a.code, a.cityId]));
    const fuas = new Map(selectFuaPartition(s.getState())!.map((a) => [a.code, a.cityId]));
    expect(d.level).toBe('territorial');
    expect(d.codes.length).toBeGreaterThan(10);
    expect([...admin.keys()].filter((c) => admin.get(c) !== fuas.get(c))).toEqual(d.codes);
    for (const core of ['LV0001000', 'LV0004000', 'LV0054010']) expect(d.codes).not.toContain(core);
    // The comparison's agreement and the drawn units tell the same story: Rīga's FUA is not its administrative hinterland.
    const riga = selectDefinitionComparison(s.getState())!.rows.find((r) => r.cityId === 'riga')!;
    expect(riga.agreement['admin|fua']).toBeLessThan(1);
    // Commuting without CSP's flows in the data: nothing drawn rather than an invented difference.
    s.getState().setHinterland({ disagree: ['admin', 'commuting'] });
    expect(selectDisagreement(s.getState())).toBeNull();
  });

  it('have no partition until fua.json has loaded, rather than an invented one', () => {
    expect(selectFuaPartition(store(false).getState())).toBeNull();
  });

  it('are part of the address as h=fua, and a level with them is dropped with a reason', () => {
    const s = store();
    const search = encodeViewState(viewStateOf(s.getState()), VIEW_DEFAULTS);
    expect(search).toBe('l=en&h=fua&hs=1');
    const context = viewContextOf(s.getState().dataset!);
    expect(decodeViewState(search, context).state.hinterland).toEqual({ kind: 'fua', shown: true });
    const withLevel = decodeViewState('h=fua&hl=t', context);
    expect(withLevel.dropped.map((d) => d.key)).toEqual(['hl']);
  });
});

describe('the share-of-attraction city in the address', () => {
  it('is written as hc under gravity, read back, and dropped with a reason when unknown or not under gravity', () => {
    const s = createAppStore('en');
    s.getState().setDataset(committedDataset());
    s.getState().setHinterland({ kind: 'gravity', shown: true, shareCity: 'valmiera' });
    const search = encodeViewState(viewStateOf(s.getState()), VIEW_DEFAULTS);
    expect(search).toBe('l=en&h=gravity&hs=1&hc=valmiera');
    const context = viewContextOf(s.getState().dataset!);
    expect(decodeViewState(search, context).state.hinterland).toMatchObject({ kind: 'gravity', shareCity: 'valmiera' });
    expect(decodeViewState('h=gravity&hc=tallinn', context).dropped.map((d) => d.key)).toEqual(['hc']);
    expect(decodeViewState('hc=riga', context).dropped.map((d) => d.key)).toEqual(['hc']);
  });
});
