import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { assignmentToCsv } from '../../src/domain/hinterland/assignmentCsv.ts';
import { DEFAULT_HUFF } from '../../src/domain/hinterland/huff.ts';
import { parseCsvRecords } from '../../src/domain/csv.ts';
import { hinterlandContext, selectAssignment, SHIPPED_ASSIGNMENT_ROWS } from '../../src/state/hinterlandDerived.ts';
import { applyHinterlandView, hinterlandViewOf } from '../../src/state/address/params/hinterland.ts';
import { DEFAULT_HINTERLAND } from '../../src/state/hinterlandSlice.ts';
import { persisted } from '../../src/state/persisted.ts';
import { HINTERLAND_STORE_VERSION, persistedHinterland } from '../../src/state/persistedHinterland.ts';
import type { KeyValueStorage } from '../../src/state/storageWrites.ts';
import { createAppStore } from '../../src/state/store.ts';
import { decodeViewState, encodeViewState } from '../../src/state/urlState.ts';
import { VIEW_DEFAULTS, viewContextOf, viewStateOf } from '../../src/state/viewSync.ts';
import { committedDataset } from './hinterlandDataset.ts';

const SHIPPED_ASSIGNMENT_CSV = readFileSync(new URL('../../geodata/inputs/hinterland_assignment.csv', import.meta.url), 'utf8');

const dataset = committedDataset();
const KEY = 'state-cities/hinterland-assignment';

function loadedStore() {
  const store = createAppStore('lv');
  store.getState().setDataset(dataset);
  return store;
}

/** An in-memory stand-in for idb-keyval that records what was written. */
function fakeStorage(initial: Record<string, unknown> = {}): KeyValueStorage & { data: Map<string, unknown> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    get: async (k) => data.get(k),
    set: async (k, v) => void data.set(k, structuredClone(v)),
    del: async (k) => void data.delete(k),
  };
}
const settle = () => new Promise((r) => setTimeout(r, 0));
const persistHinterland = (store: ReturnType<typeof loadedStore>, storage: KeyValueStorage) => persisted(store, persistedHinterland, storage).restored;
const cityOf = (store: ReturnType<typeof loadedStore>, code: string) => selectAssignment(store.getState())!.find((a) => a.code === code)!.cityId;

describe('the hinterland slice', () => {
  it('starts hidden, administrative, with the fitted Huff exponents, 30 km bands, a 15 % commuting threshold, made of parishes and towns', () => {
    const s = createAppStore().getState();
    expect(s.hinterland).toEqual({ shown: false, kind: 'admin', alpha: DEFAULT_HUFF.alpha, beta: DEFAULT_HUFF.beta, km: 30, threshold: 15, shareCity: null, year: null, level: 'territorial', disagree: null });
    expect(s.userAssignment).toBeNull();
  });

  it('keeps the settings object when a patch changes nothing, so subscribers redraw nothing', () => {
    const store = createAppStore();
    const before = store.getState().hinterland;
    store.getState().setHinterland({ kind: 'admin', km: 30 });
    expect(store.getState().hinterland).toBe(before);
    store.getState().setHinterland({ kind: 'gravity', alpha: 1.5 });
    expect(store.getState().hinterland).toMatchObject({ kind: 'gravity', alpha: 1.5, beta: DEFAULT_HUFF.beta });
  });

  it('uses the shipped assignment until the user edits a unit', async () => {
    const store = loadedStore();
    const shipped = hinterlandContext(dataset).shipped;
    expect(shipped.ok && selectAssignment(store.getState()) === shipped.assignment).toBe(true);
    expect(cityOf(store, 'LV0052000')).toBeNull();
    await store.getState().setUnitCity('LV0052000', 'jurmala');
    const edited = store.getState().userAssignment!;
    expect(edited.find((a) => a.code === 'LV0052000')).toMatchObject({ cityId: 'jurmala', role: 'hinterland', source: 'user edit' });
    // A city's own unit given back to it is its `city` unit again.
    await store.getState().setUnitCity('LV0001000', null);
    await store.getState().setUnitCity('LV0001000', 'riga');
    expect(store.getState().userAssignment!.find((a) => a.code === 'LV0001000')).toMatchObject({ cityId: 'riga', role: 'city' });
  });

  it('ignores an edit naming an unknown unit or city', async () => {
    const store = loadedStore();
    await store.getState().setUnitCity('LV9999999', 'riga');
    await store.getState().setUnitCity('LV0052000', 'atlantis');
    expect(store.getState().userAssignment).toBeNull();
  });

  it('has the shipped assignment parsed at build time exactly as the CSV reader reads the file', () => {
    expect(SHIPPED_ASSIGNMENT_ROWS).toEqual(parseCsvRecords(SHIPPED_ASSIGNMENT_CSV));
    expect(SHIPPED_ASSIGNMENT_ROWS.records.length).toBeGreaterThanOrEqual(42);
  });

  it('imports a valid CSV and rejects a bad one with line numbers, changing nothing', async () => {
    const store = loadedStore();
    await store.getState().setUnitCity('LV0052000', 'jurmala');
    const before = store.getState().userAssignment;
    const bad = SHIPPED_ASSIGNMENT_CSV.replace('LV0052000,Tukuma novads,,,', 'LV0052000,Tukuma novads,tukums,hinterland,').replace('LV0053000,', 'LV0052000,');
    const result = await store.getState().importAssignment(bad);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      const lines = result.errors.map((e) => e.line);
      // Line 40 names an unknown city, line 41 lists LV0052000 again, and Valkas novads is missing (0: the file).
      expect(lines).toEqual([40, 41, 0]);
      expect(result.errors.find((e) => e.line === 40)!.reason).toEqual({ lv: 'Nezināma pilsēta "tukums"', en: 'Unknown city "tukums"' });
    }
    expect(store.getState().userAssignment).toBe(before);
    const good = await store.getState().importAssignment(SHIPPED_ASSIGNMENT_CSV.replace('LV0046000,Saldus novads,,,', 'LV0046000,Saldus novads,liepaja,hinterland,'));
    expect(good.ok).toBe(true);
    expect(cityOf(store, 'LV0046000')).toBe('liepaja');
    expect(cityOf(store, 'LV0052000')).toBeNull();
  });

  it('returns to the shipped assignment on reset', async () => {
    const store = loadedStore();
    await store.getState().setUnitCity('LV0052000', 'jurmala');
    store.getState().resetAssignment();
    expect(store.getState().userAssignment).toBeNull();
    expect(cityOf(store, 'LV0052000')).toBeNull();
  });
});

describe('hinterlands in a link', () => {
  const context = viewContextOf(dataset);
  const linkOf = (store: ReturnType<typeof loadedStore>) => encodeViewState(viewStateOf(store.getState()), VIEW_DEFAULTS);

  it('writes nothing while hidden and administrative, and hs=1 when shown', () => {
    const store = loadedStore();
    expect(linkOf(store)).not.toContain('h');
    store.getState().setHinterland({ shown: true });
    expect(linkOf(store)).toContain('hs=1');
    store.getState().setHinterland({ kind: 'gravity', alpha: 1.5 });
    expect(linkOf(store)).toMatch(/h=gravity&hs=1&ha=1\.5(&|$)/);
    store.getState().setHinterland({ kind: 'bands', km: 45, shown: false });
    expect(linkOf(store)).toMatch(/h=bands&hk=45/);
    expect(linkOf(store)).not.toContain('hs=');
  });

  it('reads back what it writes, and drops a bad hs with a notice', () => {
    for (const settings of [{ shown: true }, { shown: true, kind: 'gravity' as const, alpha: 0.5, beta: 3 }, { kind: 'bands' as const, km: 12.5 }]) {
      const store = loadedStore();
      store.getState().setHinterland(settings);
      const { state, dropped } = decodeViewState(linkOf(store), context);
      expect(dropped).toEqual([]);
      const other = loadedStore();
      applyHinterlandView(other, state.hinterland);
      expect(other.getState().hinterland).toEqual(store.getState().hinterland);
    }
    expect(decodeViewState('hs=yes', context).dropped.map((d) => d.key)).toEqual(['hs']);
  });

  it('turns a link without hinterland parameters back to the defaults', () => {
    const store = loadedStore();
    store.getState().setHinterland({ shown: true, kind: 'gravity', alpha: 3 });
    applyHinterlandView(store, undefined);
    expect(store.getState().hinterland).toEqual(DEFAULT_HINTERLAND);
    expect(hinterlandViewOf(DEFAULT_HINTERLAND)).toEqual({ kind: 'admin' });
  });
});

describe('keeping the edited assignment in the browser', () => {
  it('saves each edit as versioned CSV and deletes it on reset', async () => {
    const storage = fakeStorage();
    const store = loadedStore();
    await persistHinterland(store, storage);
    await store.getState().setUnitCity('LV0052000', 'jurmala');
    await settle();
    const saved = storage.data.get(KEY) as { version: number; data: string };
    expect(saved.version).toBe(HINTERLAND_STORE_VERSION);
    expect(saved.data).toBe(assignmentToCsv(store.getState().userAssignment!));
    store.getState().resetAssignment();
    await settle();
    expect(storage.data.has(KEY)).toBe(false);
  });

  it('keeps the order of writes: a reset right after an edit leaves nothing stored', async () => {
    const storage = fakeStorage();
    const store = loadedStore();
    await persistHinterland(store, storage);
    await store.getState().setUnitCity('LV0052000', 'jurmala');
    store.getState().resetAssignment();
    await settle();
    expect(storage.data.has(KEY)).toBe(false);
  });

  it('restores a saved assignment after a reload', async () => {
    const first = loadedStore();
    const storage = fakeStorage();
    await persistHinterland(first, storage);
    await first.getState().setUnitCity('LV0052000', 'jurmala');
    await settle();
    const reloaded = loadedStore();
    await persistHinterland(reloaded, storage);
    expect(cityOf(reloaded, 'LV0052000')).toBe('jurmala');
    expect(reloaded.getState().notices).toEqual([]);
  });

  it('ignores a value of another version, or of other units, with a notice', async () => {
    const shipped = hinterlandContext(dataset).shipped;
    if (!shipped.ok) throw new Error('the shipped assignment does not parse');
    const csv = assignmentToCsv(shipped.assignment);
    for (const value of [{ version: 99, csv }, { version: HINTERLAND_STORE_VERSION, data: csv.replace('LV0052000', 'LV0050000') }, 'junk']) {
      const store = loadedStore();
      await persistHinterland(store, fakeStorage({ [KEY]: value }));
      expect(store.getState().userAssignment).toBeNull();
      expect(store.getState().notices).toHaveLength(1);
    }
  });
});
