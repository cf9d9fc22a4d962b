import { describe, expect, it, vi } from 'vitest';
import { persistDeck } from '../../src/state/deckStorage.ts';
import { persistHinterland } from '../../src/state/persistHinterland.ts';
import { persistLinks } from '../../src/state/persistLinks.ts';
import { persistUserIndicators } from '../../src/state/persistUserIndicators.ts';
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
        await persistUserIndicators(store, storage);
        await persistHinterland(store, storage);
        await persistLinks(store, storage);
        persistDeck(store, storage);
        store.setState({ userIndicators: [] });
        store.setState({ userAssignment: [{ code: 'LV0001000', name: 'Rīga', cityId: 'riga', role: 'city', reason: { lv: '', en: '' }, source: '' }] });
        store.setState({ userLinks: [] });
        store.setState({ deck: { title: { lv: '', en: '' }, scenes: [] }, deckOrigin: 'user' });
        await settle();
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
