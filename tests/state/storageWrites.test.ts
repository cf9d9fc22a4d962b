import { describe, expect, it, vi } from 'vitest';
import { persistAll } from '../../src/state/persisted.ts';
import { persistedFeatures } from '../../src/state/persistedFeatures.ts';
import { orderedWrites, type KeyValueStorage } from '../../src/state/storageWrites.ts';
import { createAppStore } from '../../src/state/store.ts';
import { committedDataset } from './hinterlandDataset.ts';

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

/** A storage whose reads find nothing and whose writes fail as a browser's can. */
function failingStorage(how: 'throws' | 'rejects'): KeyValueStorage {
  const fail = () => {
    const error = new DOMException('The operation is insecure.', 'SecurityError');
    if (how === 'throws') throw error;
    return Promise.reject(error);
  };
  return { get: async () => undefined, set: fail, del: fail };
}

describe('ordered writes', () => {
  it('run one after another and report a failure, thrown or rejected, without stopping the next', async () => {
    const failed = vi.fn();
    const write = orderedWrites(failed);
    const order: string[] = [];
    const slow = () => new Promise<void>((resolve) => setTimeout(() => (order.push('edit'), resolve()), 5));
    void write(slow);
    void write(() => {
      throw new Error('sync');
    });
    await write(async () => void order.push('reset'));
    expect(order).toEqual(['edit', 'reset']);
    expect(failed).toHaveBeenCalledOnce();
  });
});

describe('every stored thing reports a failed save, never an uncaught error', () => {
  for (const how of ['throws', 'rejects'] as const) {
    it(`when the storage ${how}`, async () => {
      const unhandled = vi.fn();
      process.on('unhandledRejection', unhandled);
      try {
        const store = createAppStore('en');
        store.getState().setDataset(committedDataset());
        const storage = failingStorage(how);
        // Each is read when ready: the links once wanted, the deck once the first view is drawn.
        store.getState().wantLinks();
        store.getState().setFirstViewDrawn();
        const saved = persistAll(store, persistedFeatures(async () => ({ ok: true, value: { title: { lv: '', en: '' }, scenes: [] } })), storage);
        await Promise.all(Object.values(saved).map((s) => s.restored));
        store.setState({ userIndicators: [] });
        store.setState({ userAssignment: [{ code: 'LV0001000', name: 'Rīga', cityId: 'riga', role: 'city', reason: { lv: '', en: '' }, source: '' }] });
        store.setState({ userLinks: [] });
        store.setState({ deck: { title: { lv: '', en: '' }, scenes: [] }, deckOrigin: 'user' });
        // The links' and the assignment's CSV writers are fetched at their first save: wait for all four.
        await vi.waitFor(() => expect(store.getState().notices.length).toBeGreaterThanOrEqual(4), { timeout: 5000 });
        await settle();
        const notices = store.getState().notices.map((n) => n.en);
        expect(notices).toHaveLength(4);
        expect(notices).toEqual(expect.arrayContaining([
          expect.stringContaining('The import could not be saved'),
          expect.stringContaining('The hinterland assignment could not be saved'),
          expect.stringContaining('The links could not be saved'),
          expect.stringContaining('The deck could not be saved'),
        ]));
        expect(unhandled).not.toHaveBeenCalled();
      } finally {
        process.off('unhandledRejection', unhandled);
      }
    });
  }
});
