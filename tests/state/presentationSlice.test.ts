import { describe, expect, it } from 'vitest';
import type { Deck, Scene } from '../../src/domain/scenes.ts';
import { selectAudienceView, selectCurrentScene, selectProjector } from '../../src/state/presentationSlice.ts';
import { createAppStore } from '../../src/state/store.ts';
import type { ViewState } from '../../src/state/urlState.ts';
import { viewStateOf } from '../../src/state/viewSync.ts';

const text = (s: string) => ({ lv: s, en: s });
const sceneOf = (id: string, view: ViewState = {}): Scene<ViewState> => ({ id, title: text(id), caption: text(''), notes: text(''), view });
const deckOf = (...ids: string[]): Deck<ViewState> => ({ title: text('deck'), scenes: ids.map((id) => sceneOf(id)) });

function presenting(ids = ['a', 'b', 'c']) {
  const store = createAppStore('lv');
  store.getState().setDeck(deckOf(...ids), 'default');
  return store;
}

describe('stepping through the deck', () => {
  it('starts at the first scene and never passes the ends while presenting', () => {
    const store = presenting();
    const s = () => store.getState();
    s().startPresenting();
    expect(s()).toMatchObject({ mode: 'present', sceneIndex: 0, sceneRequest: 1 });
    expect(s().presentStartedAt).toBeTypeOf('number');
    s().previousScene();
    expect(s().sceneIndex).toBe(0);
    s().nextScene();
    s().nextScene();
    s().nextScene();
    expect(s()).toMatchObject({ sceneIndex: 2, sceneRequest: 3 });
    s().goToScene(-4);
    expect(s().sceneIndex).toBe(0);
    s().goToScene(99);
    expect(s().sceneIndex).toBe(2);
    expect(selectCurrentScene(s())?.id).toBe('c');
  });

  it('asks the map again for the same scene when the speaker returns to its view', () => {
    const store = presenting();
    store.getState().startPresenting(1);
    const before = store.getState().sceneRequest;
    store.getState().returnToScene();
    expect(store.getState()).toMatchObject({ sceneIndex: 1, sceneRequest: before + 1 });
  });

  it('loops in the kiosk', () => {
    const store = presenting(['a', 'b']);
    store.getState().startKiosk();
    store.getState().nextScene();
    store.getState().nextScene();
    expect(store.getState().sceneIndex).toBe(0);
    store.getState().previousScene();
    expect(store.getState().sceneIndex).toBe(1);
  });

  it('does not present an empty deck', () => {
    const store = createAppStore();
    store.getState().startPresenting();
    store.getState().nextScene();
    expect(store.getState()).toMatchObject({ mode: 'explore', sceneIndex: null, sceneRequest: 0 });
  });

  it('puts the scene number into the shareable view', () => {
    const store = presenting();
    expect(viewStateOf(store.getState()).scene).toBeUndefined();
    store.getState().goToScene(2);
    expect(viewStateOf(store.getState()).scene).toBe(2);
    store.getState().closeScene();
    expect(viewStateOf(store.getState()).scene).toBeUndefined();
  });
});

describe('the audience view', () => {
  it('blacks out only while presenting, and any step brings the picture back', () => {
    const store = presenting();
    store.getState().toggleBlank();
    expect(store.getState().blank).toBe(false);
    store.getState().startPresenting();
    store.getState().toggleBlank();
    expect(store.getState().blank).toBe(true);
    store.getState().toggleBlank();
    expect(store.getState().blank).toBe(false);
    store.getState().toggleBlank();
    store.getState().nextScene();
    expect(store.getState().blank).toBe(false);
  });

  it('turns the projector theme on while presenting, lets the speaker turn it off, and restores the explore choice', () => {
    const store = presenting();
    const s = () => store.getState();
    expect(selectProjector(s())).toBe(false);
    s().startPresenting();
    expect(selectProjector(s())).toBe(true);
    s().toggleProjector();
    expect(selectProjector(s())).toBe(false);
    s().stopPresenting();
    expect(selectProjector(s())).toBe(false);
    s().toggleProjector();
    expect(selectProjector(s())).toBe(true);
    expect(s().mode).toBe('explore');
  });

  it('hides the editing controls while presenting and in the kiosk loop, not while a visitor explores', () => {
    expect(selectAudienceView({ mode: 'explore', kiosk: 'playing' })).toBe(false);
    expect(selectAudienceView({ mode: 'present', kiosk: 'playing' })).toBe(true);
    expect(selectAudienceView({ mode: 'kiosk', kiosk: 'playing' })).toBe(true);
    expect(selectAudienceView({ mode: 'kiosk', kiosk: 'paused' })).toBe(true);
    expect(selectAudienceView({ mode: 'kiosk', kiosk: 'waiting' })).toBe(false);
  });
});

describe('editing the deck', () => {
  it('marks the deck as the user’s on every edit', () => {
    const store = presenting();
    expect(store.getState().deckOrigin).toBe('default');
    store.getState().editScene('b', { title: text('B!') });
    expect(store.getState().deckOrigin).toBe('user');
    expect(store.getState().deck?.scenes[1]?.title.en).toBe('B!');
  });

  it('starts a deck when there is none', () => {
    const store = createAppStore();
    store.getState().addScene(sceneOf('first'));
    expect(store.getState().deck?.scenes.map((s) => s.id)).toEqual(['first']);
  });

  it('keeps the scene on screen when another is deleted, and closes it when it is deleted', () => {
    const store = presenting(['a', 'b', 'c']);
    store.getState().goToScene(2);
    store.getState().deleteScene('a');
    expect(selectCurrentScene(store.getState())?.id).toBe('c');
    store.getState().deleteScene('c');
    expect(store.getState().sceneIndex).toBeNull();
  });

  it('drops a scene number the new deck does not have', () => {
    const store = presenting(['a', 'b', 'c']);
    store.getState().goToScene(2);
    store.getState().setDeck(deckOf('x'), 'user');
    expect(store.getState().sceneIndex).toBeNull();
  });
});
