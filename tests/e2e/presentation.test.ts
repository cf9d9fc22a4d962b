import { readFileSync } from 'node:fs';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { bbox } from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { stagedCamera } from '../../src/domain/scenes.ts';
import { openPage, useBuiltApp, waitForMapIdle } from './harness.ts';

const app = useBuiltApp();

interface SceneView {
  indicator?: string;
  year?: string;
  camera?: { lon: number; lat: number; zoom: number };
  hinterland?: { shown?: boolean };
  links?: { shown?: boolean };
}
interface PageScene {
  id: string;
  title: { lv: string; en: string };
  view: SceneView;
  viewport?: { width: number; height: number };
}

/** The app at 1280×720 (a small projector: a quarter of the pixels of the 1920×1080 the scenes were made for, so software WebGL draws it fast), with its deck loaded. */
async function openApp(options: BrowserContextOptions = {}, query = '?lang=lv'): Promise<{ page: Page; errors: string[] }> {
  const opened = await openPage(app.browser, { viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce', acceptDownloads: true, ...options });
  opened.page.on('dialog', (d) => void d.accept());
  await opened.page.goto(`${app.url}${query}`);
  await waitForMapIdle(opened.page);
  await opened.page.waitForFunction(() => !!window.stateCities.store.getState().deck);
  return opened;
}

const scenes = (page: Page) => page.evaluate(() => window.stateCities.store.getState().deck!.scenes) as Promise<PageScene[]>;
const deckJson = (page: Page) => page.evaluate(() => JSON.stringify(window.stateCities.store.getState().deck));
const sceneIndex = (page: Page) => page.evaluate(() => window.stateCities.store.getState().sceneIndex);
const waitForScene = (page: Page, i: number) => page.waitForFunction((n) => window.stateCities.store.getState().sceneIndex === n, i);
async function shown(page: Page) {
  return page.evaluate(() => {
    const s = window.stateCities.store.getState();
    const map = window.stateCities.map!;
    const p = map.getPadding();
    const box = map.getContainer();
    const free = { width: box.clientWidth - (p.left ?? 0) - (p.right ?? 0), height: box.clientHeight - (p.top ?? 0) - (p.bottom ?? 0) };
    return { indicator: s.choropleth.indicator, year: s.choropleth.year, lon: map.getCenter().lng, lat: map.getCenter().lat, zoom: map.getZoom(), moving: map.isMoving(), free };
  });
}
async function expectScene(page: Page, scene: PageScene) {
  const now = await shown(page);
  expect(now.indicator, scene.id).toBe(scene.view.indicator ?? 'population_1jan');
  expect(now.year, scene.id).toBe(scene.view.year ?? '2026');
  // The scene's extent, clipped to Latvia, fitted into what the stage's cards leave free (MapLibre's padding centres it there).
  const latvia = bbox((await page.evaluate(() => window.stateCities.store.getState().dataset!.latvia)) as FeatureCollection) as [number, number, number, number];
  const staged = stagedCamera(scene.view.camera!, scene.viewport, now.free, latvia);
  expect(now.lon, scene.id).toBeCloseTo(staged.lon, 3);
  expect(now.lat, scene.id).toBeCloseTo(staged.lat, 3);
  expect(now.zoom, scene.id).toBeCloseTo(staged.zoom, 1);
  expect(await page.locator('#scene-title').innerText()).toBe(scene.title.lv);
  // A scene that draws hinterlands shows their legend, not the covered choropleth's.
  const stageLegend = page.locator('.stage-hinterland-legend');
  if (scene.view.hinterland?.shown) {
    await stageLegend.waitFor();
    expect(await stageLegend.innerText(), scene.id).toContain('Daugavpils');
  } else {
    expect(await stageLegend.count(), scene.id).toBe(0);
  }
  // A scene that draws the links shows their key beside the map's legend.
  const linksLegend = page.locator('.stage-links-legend');
  if (scene.view.links?.shown) {
    await linksLegend.locator('.links-legend li').first().waitFor();
    // The three fixed entries (uncertain, directed, ring) and at least one colour of the links drawn.
    expect(await linksLegend.locator('.links-legend li').count(), scene.id).toBeGreaterThanOrEqual(4);
    expect(await linksLegend.innerText(), scene.id).toMatch(/^Sadarbība\n[\s\S]*(aizsardzība|attīstība|jautājumi|joma nav norādīta)[\s\S]*nedroša \(raustīta līnija\)/);
  } else {
    expect(await linksLegend.count(), scene.id).toBe(0);
  }
}
async function openEditor(page: Page) {
  await page.getByRole('button', { name: /^Ainas/ }).click();
  await page.locator('.scene-editor').waitFor();
}

describe('presenting the deck', () => {
  it('steps through every scene with the clicker keys, applying its indicator, year and camera', async () => {
    const { page, errors } = await openApp();
    const deck = await scenes(page);
    expect(deck.length).toBeGreaterThanOrEqual(6);
    await page.getByRole('button', { name: '▶ Rādīt' }).click();
    await waitForScene(page, 0);
    await waitForMapIdle(page);
    await expectScene(page, deck[0]!);
    expect(await page.evaluate(() => document.documentElement.className)).toMatch(/presenting.*projector|projector.*presenting/);
    expect(await page.getByRole('combobox', { name: 'Rādītājs' }).isVisible()).toBe(false);
    expect(await page.locator('.legend').isVisible()).toBe(true);
    const keys = ['ArrowRight', 'PageDown', ' '];
    for (let i = 1; i < deck.length; i++) {
      await page.keyboard.press(keys[i % keys.length]!);
      await waitForScene(page, i);
      await waitForMapIdle(page);
      await expectScene(page, deck[i]!);
      expect(new URL(page.url()).searchParams.get('sc')).toBe(String(i));
    }
    await page.keyboard.press('ArrowRight');
    expect(await sceneIndex(page)).toBe(deck.length - 1);
    await page.keyboard.press('ArrowLeft');
    await waitForScene(page, deck.length - 2);
    await page.keyboard.press('PageUp');
    await waitForScene(page, deck.length - 3);
    await page.keyboard.press('Home');
    await waitForScene(page, 0);
    await page.keyboard.press('End');
    await waitForScene(page, deck.length - 1);
    await page.keyboard.press('3');
    await page.keyboard.press('Enter');
    await waitForScene(page, 2);
    await waitForMapIdle(page);
    await expectScene(page, deck[2]!);
    await page.keyboard.press('5');
    await waitForScene(page, 4);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 150_000);

  it('draws the cooperation links of a scene that shows them, straight from the start of the show', async () => {
    // The links' file and code load on first use: the scene must draw them once they are in.
    const { page, errors } = await openApp();
    const deck = await scenes(page);
    const last = deck.length - 1;
    expect(deck[last]!.id).toBe('cooperation');
    await page.getByRole('button', { name: '▶ Rādīt' }).click();
    await waitForScene(page, 0);
    await page.keyboard.press('End');
    await waitForScene(page, last);
    await page.waitForFunction(() => (window.stateCities.store.getState().shippedLinks?.length ?? 0) > 0);
    await waitForMapIdle(page);
    expect(await page.evaluate(`window.stateCities.map.querySourceFeatures('links-arcs').length`)).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('lets the speaker zoom and returns to the scene’s view with R', async () => {
    const { page } = await openApp();
    const deck = await scenes(page);
    await page.getByRole('button', { name: '▶ Rādīt' }).click();
    await page.keyboard.press('ArrowRight');
    await waitForScene(page, 1);
    await page.evaluate(() => window.stateCities.map!.jumpTo({ center: [21.0, 56.5], zoom: 9 }));
    await page.keyboard.press('r');
    await waitForMapIdle(page);
    await expectScene(page, deck[1]!);
    await page.context().close();
  });

  it('leaves every state city on screen clear of the legend card, the caption and the panel at 1280×800', async () => {
    const { page } = await openApp({ viewport: { width: 1280, height: 800 } });
    const deck = await scenes(page);
    await page.getByRole('button', { name: '▶ Rādīt' }).click();
    for (let i = 0; i < deck.length; i++) {
      if (i > 0) await page.keyboard.press('ArrowRight');
      await waitForScene(page, i);
      await page.locator('html.presenting .scene-caption').waitFor();
      // The flight is corrected once the new caption and panel have rendered: looked at again at
      // every idle until no city is covered, for up to 10 s (then the last look is the failure).
      const coveredCities = () =>
        page.evaluate(() => {
          const { store } = window.stateCities;
          const map = window.stateCities.map!;
          const cards = [...document.querySelectorAll('.sidebar > *, .scene-caption, .panel')].map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0 && r.height > 0);
          const out: string[] = [];
          for (const f of store.getState().dataset!.cities.features) {
            const p = map.project(f.geometry.coordinates as [number, number]);
            if (p.x < 0 || p.y < 0 || p.x > innerWidth || p.y > innerHeight) continue;
            // The dot and the start of its label, to its right.
            const probe = { left: p.x - 6, right: p.x + 40, top: p.y - 8, bottom: p.y + 8 };
            if (cards.some((r) => probe.left < r.right && probe.right > r.left && probe.top < r.bottom && probe.bottom > r.top)) out.push(f.properties.id);
          }
          return out;
        });
      let covered: string[] = [];
      for (const deadline = Date.now() + 10_000; ; ) {
        await waitForMapIdle(page);
        covered = await coveredCities();
        if (covered.length === 0 || Date.now() > deadline) break;
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
      }
      expect(covered, `scene ${i + 1}`).toEqual([]);
      // The legend card (with the links' key in scene 7) ends above the caption rather than behind it.
      const [card, caption] = await page.evaluate(() => [document.querySelector('.sidebar .controls')!.getBoundingClientRect().bottom, document.querySelector('.scene-caption')!.getBoundingClientRect().top]);
      expect(card, `scene ${i + 1}`).toBeLessThanOrEqual(caption!);
      // A scene that shows the links has their key whole in view, before the rest of the legend.
      if (deck[i]!.view.links?.shown) {
        const [keyBottom, cardBottom] = await page.evaluate(() => [document.querySelector('.stage-links-legend')!.getBoundingClientRect().bottom, document.querySelector('.sidebar .controls')!.getBoundingClientRect().bottom]);
        expect(keyBottom, `scene ${i + 1}`).toBeLessThanOrEqual(cardBottom!);
      }
    }
    await page.context().close();
  }, 120_000);

  it('keeps the scene caption clear of the side panel on a 1280×800 projector', async () => {
    const { page } = await openApp({ viewport: { width: 1280, height: 800 } });
    await page.getByRole('button', { name: '▶ Rādīt' }).click();
    await waitForScene(page, 0);
    // The first scene opens the key facts beside the map.
    await page.locator('.panel[data-panel=key-facts]').waitFor();
    await page.locator('html.presenting .scene-caption').waitFor();
    const panel = await page.locator('.panel').boundingBox();
    const caption = await page.locator('.scene-caption').boundingBox();
    expect(panel).not.toBeNull();
    expect(caption!.x + caption!.width).toBeLessThanOrEqual(panel!.x);
    await page.context().close();
  });

  it('blacks the screen out with B or . and back, and leaves with Esc', async () => {
    const { page } = await openApp();
    await page.getByRole('button', { name: '▶ Rādīt' }).click();
    await waitForScene(page, 0);
    const blank = page.locator('.blank-screen');
    await page.keyboard.press('b');
    await blank.waitFor();
    await page.keyboard.press('b');
    await blank.waitFor({ state: 'detached' });
    await page.keyboard.press('.');
    await blank.waitFor();
    await page.keyboard.press('ArrowRight');
    await blank.waitFor({ state: 'detached' });
    expect(await sceneIndex(page)).toBe(1);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => window.stateCities.store.getState().mode === 'explore');
    // The store changes first; the page follows on Preact's next render.
    await page.getByRole('combobox', { name: 'Rādītājs' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.classList.contains('presenting'))).toBe(false);
    await page.context().close();
  });

  it('flies between scenes, and jumps when the system asks for reduced motion', async () => {
    const smooth = await openApp({ reducedMotion: 'no-preference' });
    await smooth.page.getByRole('button', { name: '▶ Rādīt' }).click();
    await waitForScene(smooth.page, 0);
    await waitForMapIdle(smooth.page);
    await smooth.page.keyboard.press('ArrowRight');
    await waitForScene(smooth.page, 1);
    expect((await shown(smooth.page)).moving).toBe(true);
    await waitForMapIdle(smooth.page);
    await expectScene(smooth.page, (await scenes(smooth.page))[1]!);
    await smooth.page.context().close();

    const reduced = await openApp({ reducedMotion: 'reduce' });
    await reduced.page.getByRole('button', { name: '▶ Rādīt' }).click();
    await waitForScene(reduced.page, 0);
    await waitForMapIdle(reduced.page);
    await reduced.page.keyboard.press('ArrowRight');
    await waitForScene(reduced.page, 1);
    expect((await shown(reduced.page)).moving).toBe(false);
    // Jumped there at once: the scene's extent in what the cards leave free.
    await expectScene(reduced.page, (await scenes(reduced.page))[1]!);
    await reduced.page.context().close();
  });

  it('switches the map to the projector theme and back', async () => {
    const { page } = await openApp();
    const sea = () => page.evaluate(() => window.stateCities.map!.getPaintProperty('background', 'background-color'));
    const light = await sea();
    await page.getByLabel('Projektora tēma').check();
    await page.waitForFunction(() => document.documentElement.classList.contains('projector'));
    expect(await sea()).not.toBe(light);
    await page.getByLabel('Projektora tēma').uncheck();
    expect(await sea()).toBe(light);
    await page.context().close();
  });
});

describe('the deck file', () => {
  it('exports and imports back the same deck, which survives a reload', async () => {
    const { page } = await openApp();
    await page.getByRole('combobox', { name: 'Rādītājs' }).selectOption('median_age');
    await waitForMapIdle(page);
    await openEditor(page);
    await page.getByRole('button', { name: '+ Pievienot pašreizējo skatu' }).click();
    await page.getByLabel('Virsraksts angliski').fill('Median age');
    const before = await deckJson(page);
    const count = JSON.parse(before).scenes.length as number;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Eksportēt (JSON)' }).click()]);
    const exported = readFileSync((await download.path())!, 'utf8');
    // Picked, an indicator opens at its latest year (one year for every unit), and a scene keeps it.
    expect(JSON.parse(exported).scenes.at(-1)).toMatchObject({ title: { en: 'Median age' }, view: { indicator: 'median_age', year: '2026' } });
    await page.getByRole('button', { name: /^Dzēst: / }).first().click();
    await page.getByRole('button', { name: /^Dzēst: / }).first().click();
    expect(JSON.parse(await deckJson(page)).scenes).toHaveLength(count - 2);
    await page.locator('.scene-editor input[type=file]').setInputFiles({ name: 'deck.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
    await page.getByText(`Importētas ${count} ainas.`).waitFor();
    expect(await deckJson(page)).toBe(before);
    await page.reload();
    await waitForMapIdle(page);
    await page.waitForFunction(() => !!window.stateCities.store.getState().deck);
    expect(await deckJson(page)).toBe(before);
    await page.context().close();
  });

  it('rejects a bad deck file with the reason and keeps the deck unchanged', async () => {
    const { page } = await openApp();
    await openEditor(page);
    const before = await deckJson(page);
    const input = page.locator('.scene-editor input[type=file]');
    await input.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"state-cities-deck","version":1,"scenes":[{"id":"a","view":{}}]}') });
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toBe('Fails noraidīts, ainas nav mainītas: 1. aina: title: vajag teksta laukus lv un en (līdz 140 zīmēm).');
    expect(await deckJson(page)).toBe(before);
    await input.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('not json at all') });
    await page.getByText('Fails noraidīts, ainas nav mainītas: Fails nav derīgs JSON.').waitFor();
    expect(await deckJson(page)).toBe(before);
    await page.context().close();
  });

  it('opens a scene that refers to data no longer there, with a visible note', async () => {
    const { page, errors } = await openApp();
    await openEditor(page);
    const deck = { format: 'state-cities-deck', version: 1, title: { lv: '', en: '' }, scenes: [{ id: 'old', title: { lv: 'Veca aina', en: 'Old scene' }, view: { indicator: 'removed_indicator', place: { kind: 'city', id: 'atlantis' } } }] };
    await page.locator('.scene-editor input[type=file]').setInputFiles({ name: 'old.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(deck)) });
    // The file is read asynchronously: until it is, the editor still lists the shipped deck's scenes.
    await page.locator('.scene-editor li', { hasText: 'Veca aina' }).getByRole('button', { name: 'Atvērt' }).click();
    const note = page.locator('.scene-caption [role=note]');
    await note.waitFor();
    expect(await note.innerText()).toContain('Ainā izlaists “i=removed_indicator”: šāda rādītāja nav');
    expect(await note.innerText()).toContain('Ainā izlaists “s=atlantis”');
    await waitForMapIdle(page);
    expect((await shown(page)).indicator).toBe('population_1jan');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('opens the scene a link names', async () => {
    const { page } = await openApp({}, '?lang=lv&sc=3');
    const deck = await scenes(page);
    await waitForScene(page, 3);
    await page.waitForFunction((i) => window.stateCities.store.getState().choropleth.indicator === i, deck[3]!.view.indicator);
    await waitForMapIdle(page);
    await expectScene(page, deck[3]!);
    // Mapping something else by hand closes the scene: its caption would no longer describe the map.
    await page.getByRole('combobox', { name: 'Rādītājs' }).selectOption('median_age');
    await page.locator('.scene-caption').waitFor({ state: 'detached' });
    expect(new URL(page.url()).searchParams.get('sc')).toBeNull();
    await page.context().close();
  });

  it('opens the scene a link names when the link also holds a value it leaves out', async () => {
    const { page } = await openApp({}, '?lang=lv&sc=3&i=no_such_indicator');
    const deck = await scenes(page);
    await page.locator('.notice', { hasText: 'no_such_indicator' }).waitFor();
    await waitForScene(page, 3);
    await page.waitForFunction((i) => window.stateCities.store.getState().choropleth.indicator === i, deck[3]!.view.indicator);
    await waitForMapIdle(page);
    await expectScene(page, deck[3]!);
    await page.context().close();
  });
});

describe('the presenter window', () => {
  it('shows the current and next scene with notes, and its buttons drive the audience window', async () => {
    const { page, errors } = await openApp();
    const deck = await scenes(page);
    const popup = page.context().waitForEvent('page');
    await page.getByRole('button', { name: 'Runātāja skats' }).click();
    const presenter = await popup;
    await presenter.waitForSelector('[data-presenter]');
    await page.getByRole('button', { name: '▶ Rādīt' }).click();
    await presenter.locator('[data-current]', { hasText: deck[0]!.title.lv }).waitFor();
    await presenter.locator('[data-next]', { hasText: deck[1]!.title.lv }).waitFor();
    expect(await presenter.locator('.presenter-notes').innerText()).toContain('Desmit apļi ir valstspilsētas');
    // The audience window pictures the scene once drawn; the next one has none until it is shown.
    await presenter.locator('.presenter-current img[data-picture="0"]').waitFor();
    expect(await presenter.locator('.presenter-next [data-picture-missing="1"]').count()).toBe(1);
    await presenter.getByRole('button', { name: 'Nākamā ▶' }).click();
    await waitForScene(page, 1);
    await presenter.locator('[data-current]', { hasText: deck[1]!.title.lv }).waitFor();
    await presenter.keyboard.press('ArrowRight');
    await waitForScene(page, 2);
    await presenter.getByRole('button', { name: 'Melns ekrāns' }).click();
    await page.locator('.blank-screen').waitFor();
    await presenter.getByRole('button', { name: `1. ${deck[0]!.title.lv}` }).click();
    await waitForScene(page, 0);
    await page.locator('.blank-screen').waitFor({ state: 'detached' });
    expect(await presenter.locator('[data-elapsed]').innerText()).toMatch(/^\d\d:\d\d$/);
    // The scenes still without a picture are drawn behind the black screen; the audience comes back to scene 1.
    await presenter.getByRole('button', { name: 'Sagatavot ainu attēlus' }).click();
    await presenter.getByRole('button', { name: 'Sagatavot ainu attēlus' }).waitFor({ state: 'detached', timeout: 90_000 });
    await presenter.locator('.presenter-next img[data-picture="1"]').waitFor();
    expect(await presenter.locator('.presenter-next img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(480);
    await page.waitForFunction(() => window.stateCities.store.getState().sceneIndex === 0 && !window.stateCities.store.getState().blank);
    // Both windows ran under the Content-Security-Policy without a refusal (errors of every window of the context).
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('the kiosk', () => {
  it('loops on its own, waits while a visitor explores, resumes when left alone, and can be paused and stopped', async () => {
    const { page } = await openApp();
    // The idle wait leaves a loaded machine time to check the waiting state before the loop resumes
    // (at 1.5 s a slow CI run once saw the kiosk presenting again first).
    await page.evaluate(() => window.stateCities.store.setState({ kioskIntervalMs: 700, kioskIdleMs: 3000 }));
    await page.getByRole('button', { name: 'Kiosks' }).click();
    await waitForScene(page, 0);
    await waitForScene(page, 1);
    await page.keyboard.press('x');
    await page.locator('.kiosk-bar[data-kiosk=waiting]').waitFor();
    expect(await page.evaluate(() => document.documentElement.classList.contains('presenting'))).toBe(false);
    const waitingAt = (await sceneIndex(page))!;
    await page.locator('.kiosk-bar').waitFor({ state: 'detached', timeout: 10_000 });
    await waitForScene(page, waitingAt + 1);
    // Resuming when left alone is proven above; a long wait now keeps the bar up for the click
    // however slowly a loaded machine reaches it.
    await page.evaluate(() => window.stateCities.store.setState({ kioskIdleMs: 60_000 }));
    await page.keyboard.press('x');
    await page.locator('.kiosk-bar[data-kiosk=waiting]').waitFor();
    // The bar covers none of the visitor's controls: the header's places and language buttons stay clickable.
    for (const name of [/Vietas/, /English/]) {
      const box = (await page.getByRole('button', { name }).boundingBox())!;
      expect(await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.closest('.kiosk-bar') === null, [box.x + box.width / 2, box.y + box.height / 2])).toBe(true);
    }
    await page.getByRole('button', { name: 'Apturēt' }).click();
    await page.locator('.kiosk-bar[data-kiosk=paused]').waitFor();
    // Held still for any length of time: tests/state/presentationRuntime.test.ts checks that with
    // fake timers; here the bar says so, without waiting a fixed time for nothing to happen.
    expect(await page.locator('.kiosk-bar[data-kiosk=paused]').count()).toBe(1);
    await page.getByRole('button', { name: 'Beigt kiosku' }).click();
    await page.waitForFunction(() => window.stateCities.store.getState().mode === 'explore');
    // Esc leaves the kiosk, while it plays as well as while it waits.
    await page.getByRole('button', { name: 'Kiosks' }).click();
    await waitForScene(page, 0);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => window.stateCities.store.getState().mode === 'explore');
    await page.context().close();
  });
});
