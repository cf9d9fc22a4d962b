import { describe, expect, it } from 'vitest';
import { hinterlandFillStates } from '../../src/map/hinterlandLayers.ts';
import { bandsOf, gravityPartition, hinterlandContext, selectAggregates } from '../../src/state/hinterlandDerived.ts';
import { DEFAULT_HINTERLAND } from '../../src/state/hinterlandSlice.ts';
import { gravityScene, selectScene } from '../../src/state/hinterlandScene.ts';
import { createAppStore } from '../../src/state/store.ts';
import { committedDataset } from './hinterlandDataset.ts';

const dataset = committedDataset();
const ctx = hinterlandContext(dataset);

function loadedStore() {
  const store = createAppStore('lv');
  store.getState().setDataset(dataset);
  return store;
}

describe('the hinterland context of the committed data', () => {
  it('reads the shipped assignment against the 42 units and ten cities', () => {
    expect(ctx.shipped.ok).toBe(true);
    expect(ctx.unitCodes).toHaveLength(42);
    expect([...ctx.ownUnitOf.keys()].sort()).toEqual(['daugavpils', 'jelgava', 'jurmala', 'liepaja', 'rezekne', 'riga', 'ventspils']);
  });

  it('weighs all ten cities by one measure of one year', () => {
    expect(ctx.huff?.year).toBe('2025');
    expect(ctx.huff?.cities).toHaveLength(10);
    expect(ctx.huff?.units).toHaveLength(42);
    expect(ctx.huff?.cities.find((c) => c.id === 'valmiera')?.population).toBe(22811);
  });
});

describe('the hinterland scene', () => {
  it('outlines and labels every city of the administrative assignment', () => {
    const store = loadedStore();
    const scene = selectScene(store.getState())!;
    expect(scene.outlines.features.map((f) => f.properties.kind)).toEqual(['outline', 'city']);
    expect(scene.labels.features.map((f) => f.properties.cityId).sort()).toEqual(['daugavpils', 'jekabpils', 'jelgava', 'jurmala', 'liepaja', 'ogre', 'rezekne', 'riga', 'valmiera', 'ventspils']);
    expect(scene.cityByCode.get('LV0048000')).toBe('riga');
    expect(scene.roleByCode.get('LV0001000')).toBe('city');
    expect(scene.cityByCode.has('LV0052000')).toBe(false);
  });

  it('changes with the definition, and is the same object while nothing it depends on changes', () => {
    const store = loadedStore();
    const admin = selectScene(store.getState());
    expect(selectScene(store.getState())).toBe(admin);
    store.getState().setHinterland({ kind: 'gravity' });
    const gravity = selectScene(store.getState())!;
    expect(gravity).not.toBe(admin);
    expect(gravity.cityByCode.size).toBe(42);
    store.getState().setHinterland({ beta: 1 });
    expect(selectScene(store.getState())!.cityByCode).not.toEqual(gravity.cityByCode);
  });

  it('draws distance bands around the ten cities, and no partition under bands', async () => {
    const store = loadedStore();
    store.getState().setHinterland({ kind: 'bands', km: 20 });
    expect(selectScene(store.getState())).toBeNull();
    const bands = await bandsOf(dataset, 20);
    expect(bands.features.map((f) => f.properties)).toContainEqual({ cityId: 'riga', km: 20 });
    expect(bands.features).toHaveLength(10);
    expect(bandsOf(dataset, 20)).toBe(bandsOf(dataset, 20));
  }, 30_000); // dissolves buffers around ten cities: seconds on a busy machine, and the test is about the shapes

  // How fast is the benchmark's to say: its gravity budget times the store update, which includes
  // these fills and the map calls (tests/bench/appExtras.ts). This is what it computes.
  it('recomputes the gravity model for new exponents, and gives every municipality a fill', () => {
    const codes = dataset.municipalities.features.map((f) => f.properties.code);
    const fills = (alpha: number, beta: number, share: string | null) => hinterlandFillStates(gravityScene(ctx, alpha, beta, share)!, codes);
    const textbook = fills(1, 2, null);
    expect(textbook.size).toBe(codes.length);
    // Under gravity every municipality goes to some city.
    expect([...textbook.values()].every((f) => f.hinterlandOpacity > 0)).toBe(true);
    expect(fills(3, 2, null)).not.toEqual(textbook);
    // Rīga's share of attraction: every unit in one of the share classes.
    expect(new Set([...fills(1, 2, 'riga').values()].map((f) => f.hinterlandOpacity))).toEqual(new Set([0.92]));
  });
});

describe('the hinterland figures', () => {
  it('sum each city with its hinterland under the administrative assignment, and follow an edit', async () => {
    const store = loadedStore();
    const riga = () => selectAggregates(store.getState())!.cities.find((c) => c.cityId === 'riga')!;
    expect(riga().units).toHaveLength(9);
    const before = riga().areaKm2.value!;
    await store.getState().setUnitCity('LV0052000', 'riga');
    expect(riga().units).toHaveLength(10);
    expect(riga().areaKm2.value!).toBeGreaterThan(before);
  });

  it('leave a value out rather than fill it: no 2026 total for Latvia without Madonas novads', () => {
    const store = loadedStore();
    const agg = selectAggregates(store.getState())!;
    expect(agg.year).toBe('2026');
    expect(agg.latvia.residents.value).toBeNull();
    expect(agg.latvia.residents.note.en).toContain('Madona');
    expect(agg.latvia.densityPerKm2.value).toBeNull();
    const riga = agg.cities.find((c) => c.cityId === 'riga')!;
    expect(riga.residents).toMatchObject({ year: '2026', sources: [expect.any(Number)] });
    expect(riga.residents.value).toBeGreaterThan(800_000);
    expect(riga.shareOfLatviaResidents.value).toBeNull();
  });

  it('follow the gravity partition under gravity and the administrative one under bands', () => {
    const store = loadedStore();
    store.getState().setHinterland({ kind: 'gravity' });
    const units = selectAggregates(store.getState())!.cities.reduce((n, c) => n + c.units.length, 0);
    expect(units).toBe(42);
    store.getState().setHinterland({ kind: 'bands' });
    expect(selectAggregates(store.getState())!.unassigned).not.toBeNull();
  });
});

describe('the city-core rule under gravity', () => {
  it('keeps every city’s own territory with its city, even at exponents where Rīga would win them', () => {
    // α = 2, β = 1: Rīga's mass swamps distance, and without the rule it would take Jūrmala and Ogre.
    const g = gravityPartition(ctx, 2, 1, 'municipality')!;
    const cityOf = new Map(g.assignment.map((a) => [a.code, a.cityId]));
    expect(cityOf.get('LV0004000')).toBe('jurmala');
    expect(g.assignment.find((a) => a.code === 'LV0004000')?.role).toBe('city');
    // Ogre lies in Ogres novads: the novads is Ogre's (as hinterland: the city has no municipality of its own).
    expect(cityOf.get('LV0040000')).toBe('ogre');
    expect(g.assignment.find((a) => a.code === 'LV0040000')?.role).toBe('hinterland');
    for (const [cityId, code] of ctx.municipalCores) expect(cityOf.get(code)).toBe(cityId);
  });

  it('gives each of the ten cities a hinterland at the default exponents', () => {
    const g = gravityPartition(ctx, DEFAULT_HINTERLAND.alpha, DEFAULT_HINTERLAND.beta, 'municipality')!;
    expect(new Set(g.assignment.map((a) => a.cityId))).toEqual(new Set(ctx.cityIds));
  });
});
