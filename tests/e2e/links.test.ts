import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, pagePointOf, useBuiltApp, waitForMapIdle, waitForStored, waitUntil } from './harness.ts';

const app = useBuiltApp();

async function openLinks(query = '?l=lv'): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await openPage(app.browser);
  await page.goto(`${app.url}${query}`);
  await waitForMapIdle(page);
  await page.locator('.links-section summary').click();
  await page.getByLabel('Rādīt saites kartē').check();
  // links.json is fetched when the links are first shown.
  await waitUntil(page, `window.stateCities.store.getState().shippedLinks !== null`);
  await waitForMapIdle(page);
  return { page, errors };
}

/** Ids of the arcs in the source (drawn or not by the current viewport's tiles). */
const arcIds = (page: Page) =>
  page.evaluate(`[...new Set(window.stateCities.map.querySourceFeatures('links-arcs').map((f) => f.properties.id))].sort()`) as Promise<string[]>;
const linkCount = (page: Page) => page.evaluate(`(window.stateCities.store.getState().userLinks ?? window.stateCities.store.getState().shippedLinks).length`) as Promise<number>;

describe('cooperation links', () => {
  it('are hidden at first; a type filter keeps exactly the arcs of that type and goes into the address', async () => {
    const { page, errors } = await openPage(app.browser);
    await page.goto(`${app.url}?l=lv`);
    await waitForMapIdle(page);
    // Not even added until first shown: new sources and layers would hold back the first idle.
    expect(await page.evaluate(`window.stateCities.map.getLayer('links-arc') === undefined`)).toBe(true);
    await page.close();
    const opened = await openLinks();
    const p = opened.page;
    const all = await arcIds(p);
    expect(all.length).toBeGreaterThan(20);
    await p.locator('#links-type').selectOption('transport_link');
    await waitUntil(p, `location.search.includes('lt=transport_link')`);
    await waitForMapIdle(p);
    const kept = await arcIds(p);
    const expected = (await p.evaluate(`JSON.stringify(window.stateCities.store.getState().shippedLinks.filter((l) => l.type === 'transport_link').map((l) => l.id))`)) as string;
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(all.length);
    for (const id of kept) expect(JSON.parse(expected)).toContain(id);
    expect(errors).toEqual([]);
    await p.context().close();
  });

  it('focusing a city (its number key) fades the other arcs', async () => {
    const { page, errors } = await openLinks();
    expect(await page.evaluate(`window.stateCities.map.getPaintProperty('links-arc', 'line-opacity')`)).toBe(0.9);
    await page.locator('canvas').first().focus();
    await page.keyboard.press('2');
    await waitUntil(page, `window.stateCities.store.getState().selection?.id === 'daugavpils'`);
    await waitForMapIdle(page);
    const opacity = (await page.evaluate(`JSON.stringify(window.stateCities.map.getPaintProperty('links-arc', 'line-opacity'))`)) as string;
    const expr = JSON.parse(opacity) as unknown[];
    expect(expr[0]).toBe('case');
    const focused = (expr[1] as [string, unknown, [string, string[]]])[2][1];
    const ofDaugavpils = JSON.parse(
      (await page.evaluate(`JSON.stringify(window.stateCities.store.getState().shippedLinks.filter((l) => [l.from, l.to].some((e) => e.kind === 'city' && e.id === 'daugavpils')).map((l) => l.id))`)) as string,
    ) as string[];
    expect(focused.length).toBeGreaterThan(0);
    for (const id of focused) expect(ofDaugavpils).toContain(id);
    expect(expr[expr.length - 1]).toBeLessThan(0.2);
    await page.locator('.links-focus[data-city="daugavpils"]').waitFor();
    if (process.env.LINK_SHOTS) await page.screenshot({ path: `${process.env.LINK_SHOTS}/links-focus-daugavpils.png` });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a click on a city’s dot chooses the city, even where arcs end; Esc and a new choice close a link’s card', async () => {
    const { page, errors } = await openLinks();
    const dot = await pagePointOf(page, (await page.evaluate(`window.stateCities.store.getState().dataset.cities.features.find((f) => f.properties.id === 'daugavpils').geometry.coordinates`)) as [number, number]);
    await page.mouse.click(dot.x, dot.y);
    await waitUntil(page, `window.stateCities.store.getState().selection?.id === 'daugavpils'`);
    expect(await page.evaluate(`window.stateCities.store.getState().selectedLinkId`)).toBeNull();
    expect(await page.locator('.links-details').count()).toBe(0);
    // A link's card: Esc closes it, and leaves the city chosen.
    const firstId = (await page.evaluate(`window.stateCities.store.getState().shippedLinks[0].id`)) as string;
    await page.evaluate(`window.stateCities.store.getState().selectLink(${JSON.stringify(firstId)})`);
    await page.locator('.links-details').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('.links-details').waitFor({ state: 'detached' });
    expect(await page.evaluate(`window.stateCities.store.getState().selection?.id`)).toBe('daugavpils');
    // Choosing another place closes it too.
    await page.evaluate(`window.stateCities.store.getState().selectLink(${JSON.stringify(firstId)})`);
    await page.locator('.links-details').waitFor();
    await page.evaluate(`window.stateCities.store.getState().select({ kind: 'city', id: 'rezekne' })`);
    await page.locator('.links-details').waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('focusing a city frames all of its links, without zooming in', async () => {
    // Zoomed in on Latgale: most of Rēzekne's links run off-screen until it is focused.
    const { page, errors } = await openLinks('?l=lv&v=27.3,56.5,8');
    const zoom = (await page.evaluate(`window.stateCities.map.getZoom()`)) as number;
    await page.locator('canvas').first().focus();
    await page.keyboard.press('6'); // Rēzekne
    await waitUntil(page, `window.stateCities.store.getState().selection?.id === 'rezekne'`);
    await waitForMapIdle(page);
    expect((await page.evaluate(`window.stateCities.map.getZoom()`)) as number).toBeLessThanOrEqual(zoom + 1e-6);
    const ends = JSON.parse(
      (await page.evaluate(`(() => {
        const { store, map } = window.stateCities;
        const s = store.getState();
        const at = (e) => e.kind === 'city' ? s.dataset.cities.features.find((f) => f.properties.id === e.id)?.geometry.coordinates : s.dataset.municipalityLabels.features.find((f) => f.properties.code === e.code)?.geometry.coordinates;
        return JSON.stringify(s.shippedLinks.filter((l) => [l.from, l.to].some((e) => e.kind === 'city' && e.id === 'rezekne')).flatMap((l) => [at(l.from), at(l.to)]).filter(Boolean).map((p) => map.project(p)));
      })()`)) as string,
    ) as { x: number; y: number }[];
    const size = page.viewportSize()!;
    expect(ends.length).toBeGreaterThan(1);
    for (const p of ends) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(size.width);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeLessThanOrEqual(size.height);
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('draws the gravity model as its own, labelled layer, never among the documented arcs', async () => {
    const { page, errors } = await openLinks();
    expect(await page.evaluate(`window.stateCities.map.getLayoutProperty('links-model-line', 'visibility')`)).toBe('none');
    const arcsBefore = await arcIds(page);
    await page.getByLabel('Modelis: gravitācijas potenciāls starp pilsētām').check();
    await waitForMapIdle(page);
    expect(await page.evaluate(`window.stateCities.map.getLayoutProperty('links-model-line', 'visibility')`)).toBe('visible');
    const pairs = JSON.parse(
      (await page.evaluate(`JSON.stringify(window.stateCities.map.querySourceFeatures('links-model').map((f) => f.properties))`)) as string,
    ) as { from: string; to: string; rank: number }[];
    const ranks = [...new Set(pairs.map((p) => p.rank))].sort((a, b) => a - b);
    expect(ranks).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const cityIds = ['riga', 'daugavpils', 'jelgava', 'jurmala', 'liepaja', 'rezekne', 'ventspils', 'valmiera', 'jekabpils', 'ogre'];
    for (const p of pairs) expect(cityIds).toEqual(expect.arrayContaining([p.from, p.to]));
    // The documented arcs are exactly what they were: the model adds nothing to them.
    expect(await arcIds(page)).toEqual(arcsBefore);
    expect(await page.locator('.links-model').innerText()).toContain('MODELIS, nevis dokumentēta saite');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a link added in the editor is still there after a reload', async () => {
    const { page, errors } = await openLinks();
    const before = await linkCount(page);
    await page.getByRole('button', { name: 'Pievienot saiti' }).click();
    await page.locator('#links-edit-from').selectOption('city:ventspils');
    await page.locator('#links-edit-to').selectOption('city:rezekne');
    await page.locator('#links-edit-type').selectOption('agreement');
    await page.locator('#links-edit-start').fill('2024');
    await page.locator('#links-edit-end').fill('2020');
    await page.getByRole('button', { name: 'Saglabāt' }).click();
    await page.locator('.links-issues', { hasText: 'pirms sākuma datuma' }).waitFor();
    await page.locator('#links-edit-end').fill('2026');
    await page.locator('#links-edit-desc-lv').fill('Testa līgums');
    await page.getByRole('button', { name: 'Saglabāt' }).click();
    await page.locator('.links-details[data-link]').waitFor();
    expect(await linkCount(page)).toBe(before + 1);
    // Saved on every change: reload once the record is there.
    await waitForStored(page, 'state-cities/links');
    await page.reload();
    await waitForMapIdle(page);
    await waitUntil(page, `(window.stateCities.store.getState().userLinks ?? []).some((l) => l.description.lv === 'Testa līgums')`);
    expect(await linkCount(page)).toBe(before + 1);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a bad CSV is rejected with its line and the links stay as they were', async () => {
    const { page } = await openLinks();
    const before = (await page.evaluate(`JSON.stringify(window.stateCities.store.getState().shippedLinks.map((l) => l.id))`)) as string;
    const csv = 'id,type\nL1,membership\n';
    await page.locator('input.links-import').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.locator('.links-import-errors', { hasText: 'rinda 1' }).waitFor();
    expect(await page.evaluate(`window.stateCities.store.getState().userLinks`)).toBeNull();
    const after = (await page.evaluate(`JSON.stringify(window.stateCities.store.getState().shippedLinks.map((l) => l.id))`)) as string;
    expect(after).toBe(before);
    if (process.env.LINK_SHOTS) await page.screenshot({ path: `${process.env.LINK_SHOTS}/links-on.png` });
    await page.context().close();
  });
});
