import { readFileSync } from 'node:fs';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import type { CommutingData } from '../../src/domain/hinterland/commuting.ts';
import type { TerritorialUnits } from '../../src/domain/hinterland/territorial.ts';
import { selectAggregates, selectCommutingPartition } from '../../src/state/hinterlandDerived.ts';
import { selectDefinitionComparison } from '../../src/state/hinterlandComparison.ts';
import { selectScene } from '../../src/state/hinterlandScene.ts';
import { createAppStore } from '../../src/state/store.ts';
import { decodeViewState, encodeViewState } from '../../src/state/urlState.ts';
import { VIEW_DEFAULTS, viewContextOf, viewStateOf } from '../../src/state/viewSync.ts';
import { committedDataset } from './hinterlandDataset.ts';

const topo = JSON.parse(readFileSync(new URL('../../public/data/territorial-units.topo.json', import.meta.url), 'utf8')) as Topology<{ units: GeometryCollection }>;
const units = feature(topo, topo.objects.units) as unknown as TerritorialUnits;

// Synthetic flows in the shape of commuting.json (not CSP's figures): Ķekava parish
// sends 40 % of its employed to Rīga; Mārupe town 12 %; Jūrmala 30 % (its core stays its own); by municipality Mārupes novads 40 %.
const kekava = units.features.find((f) => f.properties.name === 'Ķekavas pagasts')!.properties.code;
const marupe = units.features.find((f) => f.properties.name === 'Mārupe')!.properties.code;
const commuting: CommutingData = {
  source: { lv: 'sintētiski', en: 'synthetic' },
  year: '2023',
  retrieved: '2026-12-07',
  territorial: {
    totals: { [kekava]: 1000, [marupe]: 1000, LV0004000: 20000 },
    flows: [
      [kekava, 'LV0001000', 400],
      [marupe, 'LV0001000', 120],
      ['LV0004000', 'LV0001000', 6000],
    ],
    cityWork: { riga: 'LV0001000', jurmala: 'LV0004000' },
  },
  municipality: {
    totals: { LV0039000: 10000 },
    flows: [['LV0039000', 'LV0001000', 4000]],
    cityWork: { riga: 'LV0001000' },
  },
};

function store(withFlows = true) {
  const s = createAppStore('en');
  s.getState().setDataset({ ...committedDataset(), territorialUnitsAvailable: true, territorialUnits: units, commutingAvailable: true, ...(withFlows ? { commuting } : {}) });
  s.getState().setHinterland({ kind: 'commuting', shown: true });
  return s;
}
const cityOf = (s: ReturnType<typeof store>, code: string) => selectCommutingPartition(s.getState())!.find((a) => a.code === code)?.cityId;

describe('the commuting hinterlands in the app', () => {
  it('tie a parish to the city drawing at least the threshold of its employed, and keep every core', () => {
    const s = store();
    expect(cityOf(s, kekava)).toBe('riga');
    expect(cityOf(s, marupe)).toBe(null); // 12 % < 15 %
    expect(cityOf(s, 'LV0004000')).toBe('jurmala');
    s.getState().setHinterland({ threshold: 10 });
    expect(cityOf(s, marupe)).toBe('riga');
    expect(selectScene(s.getState())?.cityByCode.get(marupe)).toBe('riga');
  });

  it('by municipality use the municipal flows, and sum areas over them', () => {
    const s = store();
    s.getState().setHinterland({ level: 'municipality' });
    const code = 'LV0039000';
    expect(selectCommutingPartition(s.getState())!.find((a) => a.code === code)?.cityId).toBe('riga');
    expect(selectAggregates(s.getState())!.cities.find((c) => c.cityId === 'riga')!.units).toEqual(['LV0001000', 'LV0039000']);
  });

  it('have no partition until the flows have loaded, rather than an invented one', () => {
    expect(selectCommutingPartition(store(false).getState())).toBeNull();
  });

  it('join the comparison only when the data carry the flows', () => {
    expect(selectDefinitionComparison(store().getState())!.definitions).toEqual(['admin', 'gravity', 'fua', 'commuting']);
    const without = createAppStore('en');
    without.getState().setDataset({ ...committedDataset(), territorialUnitsAvailable: true, territorialUnits: units });
    expect(selectDefinitionComparison(without.getState())!.definitions).toEqual(['admin', 'gravity', 'fua']);
  });

  it('are part of the address with their threshold; a threshold out of range is dropped with a reason in both languages', () => {
    const s = store();
    s.getState().setHinterland({ threshold: 20 });
    const search = encodeViewState(viewStateOf(s.getState()), VIEW_DEFAULTS);
    expect(search).toBe('l=en&h=commuting&hs=1&ht=20');
    const context = viewContextOf(s.getState().dataset!);
    expect(decodeViewState(search, context).state.hinterland).toEqual({ kind: 'commuting', threshold: 20, shown: true });
    const bad = decodeViewState('h=commuting&ht=95', context);
    expect(bad.state.hinterland).toEqual({ kind: 'commuting' });
    expect(bad.dropped[0]).toMatchObject({ key: 'ht', reason: { en: 'the threshold must be a number from 1 to 90', lv: 'slieksnim jābūt skaitlim no 1 līdz 90' } });
    expect(decodeViewState('h=gravity&ht=20', context).dropped[0]!.reason.en).toBe('applies only to the commuting hinterland');
  });
});
