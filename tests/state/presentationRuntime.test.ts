import { afterEach, describe, expect, it, vi } from 'vitest';
import { deckToJson, type Checked, type Deck } from '../../src/domain/scenes.ts';
import { DECK_KEY } from '../../src/state/deckStorage.ts';
import { persisted } from '../../src/state/persisted.ts';
import { persistedDeck } from '../../src/state/persistedDeck.ts';
import type { KeyValueStorage } from '../../src/state/storageWrites.ts';
import { bindKiosk } from '../../src/state/kiosk.ts';
import { selectProjector, type SceneDeck } from '../../src/state/presentationSlice.ts';
import { bindAudienceChannel, keyCommand, type PresentStatus, type ScenePictures } from '../../src/state/presenterChannel.ts';
import { createAppStore } from '../../src/state/store.ts';

const text = (s: string) => ({ lv: s, en: s });
const deckOf = (...ids: string[]): SceneDeck => ({ title: text('deck'), scenes: ids.map((id) => ({ id, title: text(id), caption: text(''), notes: text(`notes ${id}`), view: {} })) });
const ok = (deck: Deck<object>): (() => Promise<Checked<SceneDeck>>) => async () => ({ ok: true, value: deck });

/** The deck kept in `storage`, read as the page would once the map has drawn its first view. */
function keepDeck(store: ReturnType<typeof createAppStore>, storage: KeyValueStorage, loadDefault: () => Promise<Checked<SceneDeck>>) {
  store.getState().setFirstViewDrawn();
  return persisted(store, persistedDeck(loadDefault), storage).restored;
}

function memoryStorage(initial: Record<string, unknown> = {}): KeyValueStorage & { data: Map<string, unknown> } {
  const data = new Map(Object.entries(initial));
  return { data, get: async (k) => data.get(k), set: async (k, v) => void data.set(k, v), del: async (k) => void data.delete(k) };
}

describe('keeping the deck in the browser', () => {
  it('loads the shipped deck when nothing is stored, and stores nothing until the user changes it', async () => {
    const store = createAppStore();
    const storage = memoryStorage();
    await keepDeck(store, storage, ok(deckOf('a', 'b')));
    expect(store.getState()).toMatchObject({ deckOrigin: 'default', deck: deckOf('a', 'b') });
    expect(storage.data.size).toBe(0);
    store.getState().editScene('a', { title: text('A!') });
    await Promise.resolve();
    expect((storage.data.get(DECK_KEY) as { data: unknown }).data).toBe(deckToJson(store.getState().deck!));
  });

  it('prefers the user’s stored deck over the shipped one', async () => {
    const store = createAppStore();
    await keepDeck(store, memoryStorage({ [DECK_KEY]: deckToJson(deckOf('mine')) }), ok(deckOf('shipped')));
    expect(store.getState()).toMatchObject({ deckOrigin: 'user', deck: deckOf('mine') });
  });

  it('falls back to the shipped deck with a notice when the stored one cannot be read, and leaves it stored', async () => {
    const store = createAppStore();
    const storage = memoryStorage({ [DECK_KEY]: '{"format":"state-cities-deck","version":9}' });
    await keepDeck(store, storage, ok(deckOf('shipped')));
    expect(store.getState().deck).toEqual(deckOf('shipped'));
    expect(store.getState().notices.map((n) => n.en)).toEqual([
      'The saved scene deck could not be read: Deck version 9 is newer than this app reads (1). The shipped deck is shown. The saved record is not deleted; it can be downloaded.',
    ]);
    expect(storage.data.has(DECK_KEY)).toBe(true);
  });

  it('forgets the stored deck when the user goes back to the shipped one', async () => {
    const store = createAppStore();
    const storage = memoryStorage({ [DECK_KEY]: deckToJson(deckOf('mine')) });
    await keepDeck(store, storage, ok(deckOf('shipped')));
    store.getState().setDeck(deckOf('shipped'), 'default');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(storage.data.has(DECK_KEY)).toBe(false);
  });

  it('reports a shipped deck that failed to load', async () => {
    const store = createAppStore();
    await keepDeck(store, memoryStorage(), async () => ({ ok: false, reason: { lv: 'deck.json: HTTP 404', en: 'deck.json: HTTP 404' } }));
    expect(store.getState().deck).toBeNull();
    expect(store.getState().notices[0]?.en).toBe('The default scenes did not load: deck.json: HTTP 404');
  });
});

describe('the kiosk loop', () => {
  afterEach(() => vi.useRealTimers());
  const kiosk = () => {
    vi.useFakeTimers();
    const store = createAppStore();
    store.getState().setDeck(deckOf('a', 'b', 'c'), 'default');
    store.setState({ kioskIntervalMs: 1000, kioskIdleMs: 5000 });
    const unbind = bindKiosk(store, { setTimeout: (f, ms) => setTimeout(f, ms), clearTimeout: (h) => clearTimeout(h) });
    store.getState().startKiosk();
    return { store, unbind };
  };

  it('advances on its own and wraps around', () => {
    const { store } = kiosk();
    expect(store.getState().sceneIndex).toBe(0);
    vi.advanceTimersByTime(999);
    expect(store.getState().sceneIndex).toBe(0);
    vi.advanceTimersByTime(1);
    expect(store.getState().sceneIndex).toBe(1);
    vi.advanceTimersByTime(2000);
    expect(store.getState().sceneIndex).toBe(0);
  });

  it('waits while a visitor explores and resumes after a quiet period', () => {
    const { store } = kiosk();
    store.getState().kioskInput();
    expect(store.getState().kiosk).toBe('waiting');
    vi.advanceTimersByTime(4000);
    store.getState().kioskInput();
    vi.advanceTimersByTime(4999);
    expect(store.getState()).toMatchObject({ kiosk: 'waiting', sceneIndex: 0 });
    vi.advanceTimersByTime(1);
    expect(store.getState()).toMatchObject({ kiosk: 'playing', sceneIndex: 1 });
  });

  it('holds still when paused and stops for good', () => {
    const { store, unbind } = kiosk();
    store.getState().pauseKiosk();
    store.getState().kioskInput();
    vi.advanceTimersByTime(60_000);
    expect(store.getState()).toMatchObject({ kiosk: 'paused', sceneIndex: 0 });
    store.getState().resumeKiosk();
    expect(store.getState()).toMatchObject({ kiosk: 'playing', sceneIndex: 1 });
    store.getState().stopKiosk();
    vi.advanceTimersByTime(60_000);
    expect(store.getState()).toMatchObject({ mode: 'explore', sceneIndex: 1 });
    unbind();
  });
});

describe('the presenter window channel', () => {
  it('answers hello with the status, follows changes and carries out the presenter’s commands', async () => {
    const store = createAppStore('en');
    store.getState().setDeck(deckOf('a', 'b', 'c'), 'default');
    const audience = new BroadcastChannel('test-presenter');
    const presenter = new BroadcastChannel('test-presenter');
    const unbind = bindAudienceChannel(store, audience, selectProjector);
    const received: PresentStatus[] = [];
    const pictures: ScenePictures[] = [];
    const next = () =>
      new Promise<PresentStatus>((resolve) => {
        const onStatus = (e: MessageEvent) => {
          if (e.data?.type !== 'status') return;
          presenter.removeEventListener('message', onStatus);
          resolve(e.data as PresentStatus);
        };
        presenter.addEventListener('message', onStatus);
      });
    presenter.addEventListener('message', (e) => (e.data?.type === 'status' ? received.push(e.data as PresentStatus) : pictures.push(e.data as ScenePictures)));
    let status = next();
    presenter.postMessage({ type: 'hello' });
    expect(await status).toMatchObject({ type: 'status', mode: 'explore', index: null, count: 3, blank: false, projector: false });
    status = next();
    store.getState().startPresenting();
    expect(await status).toMatchObject({ mode: 'present', index: 0, projector: true });
    status = next();
    presenter.postMessage({ type: 'command', command: { kind: 'next' } });
    expect((await status).index).toBe(1);
    expect(received.at(-1)?.scenes[1]?.notes.en).toBe('notes b');
    status = next();
    presenter.postMessage({ type: 'command', command: { kind: 'blank' } });
    expect((await status).blank).toBe(true);
    status = next();
    presenter.postMessage({ type: 'command', command: { kind: 'goto', index: 2 } });
    expect(await status).toMatchObject({ index: 2, blank: false });
    // A picture taken by the map binding reaches the presenter under the scene's drawing key.
    expect(pictures).toEqual([{ type: 'pictures', pictures: {} }]);
    const prepare = vi.fn(async () => store.getState().rememberScenePicture(received.at(-1)!.scenes[2]!.picture, 'data:image/jpeg;base64,AA'));
    store.setState({ prepareScenePictures: prepare });
    const picture = new Promise<ScenePictures>((resolve) => presenter.addEventListener('message', (e) => e.data?.type === 'pictures' && resolve(e.data as ScenePictures)));
    presenter.postMessage({ type: 'command', command: { kind: 'pictures' } });
    expect((await picture).pictures).toEqual({ [received.at(-1)!.scenes[2]!.picture]: 'data:image/jpeg;base64,AA' });
    expect(prepare).toHaveBeenCalledOnce();
    unbind();
    audience.close();
    presenter.close();
  });

  it('maps the keys clickers send', () => {
    for (const key of ['ArrowRight', 'PageDown', ' ']) expect(keyCommand(key)).toEqual({ kind: 'next' });
    for (const key of ['ArrowLeft', 'PageUp']) expect(keyCommand(key)).toEqual({ kind: 'previous' });
    expect(keyCommand('Home')).toEqual({ kind: 'first' });
    expect(keyCommand('End')).toEqual({ kind: 'last' });
    for (const key of ['b', 'B', '.']) expect(keyCommand(key)).toEqual({ kind: 'blank' });
    expect(keyCommand('r')).toEqual({ kind: 'return' });
    expect(keyCommand('Escape')).toEqual({ kind: 'stop' });
    expect(keyCommand('x')).toBeNull();
  });
});
