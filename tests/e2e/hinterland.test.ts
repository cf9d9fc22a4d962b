import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, pagePointOf, useBuiltApp, waitForMapIdle, waitForStored, waitUntil } from './harness.ts';

const TUKUMS: [number, number] = [23.0743, 56.9168];

const app = useBuiltApp();

async function openMap(query = '?l=lv&hl=m'): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await openPage(app.browser);
  await page.goto(`${app.url}${query}`);
  await waitForMapIdle(page);
  return { page, errors };
}

/** Distinct values of a property among the features MapLibre has drawn in a layer. */
const rendered = (page: Page, layer: string, property: string) =>
  page.evaluate(`[...new Set(window.stateCities.map.queryRenderedFeatures({ layers: ['${layer}'] }).map((f) => f.properties['${property}']))].sort()`) as Promise<string[]>;
/** Distinct values of a property among a source's features in the loaded tiles, drawn or hidden by label collisions. */
const inSource = (page: Page, source: string, property: string) =>
  page.evaluate(`[...new Set(window.stateCities.map.querySourceFeatures('${source}').map((f) => f.properties['${property}']))].sort()`) as Promise<string[]>;
const renderedCount = (page: Page, layer: string) => page.evaluate(`window.stateCities.map.queryRenderedFeatures({ layers: ['${layer}'] }).length`) as Promise<number>;
const visibility = (page: Page, layer: string) => page.evaluate(`window.stateCities.map.getLayoutProperty('${layer}', 'visibility')`) as Promise<string>;
/** Each municipality's hinterland fill, as the map holds it (feature-state). */
const unitFills = (page: Page) =>
  page.evaluate(`(() => {
    const { map, store } = window.stateCities;
    return Object.fromEntries(store.getState().dataset.municipalities.features.map((f) => {
      const s = map.getFeatureState({ source: 'municipalities', id: f.properties.code });
      return [f.properties.code, { colour: s.hinterlandColour ?? null, opacity: s.hinterlandOpacity ?? 0 }];
    }));
  })()`) as Promise<Record<string, { colour: string | null; opacity: number }>>;
const cityOfUnit = (page: Page, code: string) =>
  page.evaluate(`(window.stateCities.store.getState().userAssignment ?? []).find((a) => a.code === '${code}')?.cityId ?? null`) as Promise<string | null>;

async function openSection(page: Page) {
  await page.locator('.hinterland-section summary').click();
}

describe('hinterlands', () => {
  it('are hidden at first and shown, outlined and labelled by the toggle', async () => {
    const { page, errors } = await openMap();
    // Not even added until first shown: a layer on the municipalities source would reload its tiles.
    expect(await page.evaluate(`window.stateCities.map.getLayer('hinterland-fill') === undefined`)).toBe(true);
    await openSection(page);
    await page.getByLabel('Rādīt kartē').check();
    await waitForMapIdle(page);
    expect(await visibility(page, 'hinterland-outline')).toBe('visible');
    expect(await renderedCount(page, 'hinterland-outline')).toBeGreaterThan(0);
    expect(await renderedCount(page, 'hinterland-city-line')).toBeGreaterThan(0);
    // Symbols are placed a frame or two after the data arrive.
    await expect.poll(() => rendered(page, 'hinterland-label', 'cityId')).toEqual(expect.arrayContaining(['daugavpils', 'liepaja', 'riga', 'valmiera']));
    expect(page.url()).toContain('hs=1');
    await page.getByLabel('Rādīt kartē').uncheck();
    await waitForMapIdle(page);
    expect(await renderedCount(page, 'hinterland-outline')).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('draw other features when the definition changes', async () => {
    const { page, errors } = await openMap('?l=en&hl=m');
    await openSection(page);
    await page.getByLabel('Show on the map').check();
    expect(await page.getByRole('radio', { name: 'Administrative assignment' }).isChecked()).toBe(true);
    await waitForMapIdle(page);
    const adminFill = await unitFills(page);
    await expect.poll(() => inSource(page, 'hinterland-labels', 'cityId')).toContain('jurmala');

    await page.getByRole('radio', { name: 'Gravity model (Huff)' }).check();
    await waitForMapIdle(page);
    expect(page.url()).toMatch(/h=gravity&hs=1/);
    const gravityFill = await unitFills(page);
    expect(gravityFill).not.toEqual(adminFill);
    // Under gravity every municipality has a city: Tukuma novads, unassigned administratively, is coloured.
    expect(gravityFill.LV0052000!.opacity).toBeGreaterThan(0);
    expect(adminFill.LV0052000!.opacity).toBe(0);
    expect(Object.values(gravityFill).every((f) => f.opacity > 0)).toBe(true);
    // The city-core rule: under any exponents Jūrmala keeps its own unit, so it has an area to label.
    await expect.poll(() => inSource(page, 'hinterland-labels', 'cityId')).toContain('jurmala');

    // New exponents redraw the outlines and labels, and change the fills as feature-states: the
    // municipalities' tiles (the choropleth, the borders) are not laid out again.
    await page.evaluate(`(() => {
      window.__reloaded = {};
      window.stateCities.map.on('sourcedata', (e) => { if (e.tile) window.__reloaded[e.sourceId] = (window.__reloaded[e.sourceId] ?? 0) + 1; });
      window.stateCities.store.getState().setHinterland({ alpha: 2.5 });
    })()`);
    await waitForMapIdle(page);
    const reloaded = (await page.evaluate('window.__reloaded')) as Record<string, number>;
    expect(reloaded['hinterland-lines']).toBeGreaterThan(0);
    expect(reloaded.municipalities).toBeUndefined();
    expect(await unitFills(page)).not.toEqual(gravityFill);
    await waitForMapIdle(page);

    await page.getByRole('radio', { name: 'Distance bands' }).check();
    await waitForMapIdle(page);
    expect(await renderedCount(page, 'hinterland-outline')).toBe(0);
    await expect.poll(() => rendered(page, 'hinterland-bands-fill', 'cityId')).toHaveLength(10);
    expect(page.url()).toMatch(/h=bands&hs=1/);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('fill the units again when the WebGL context comes back', async () => {
    const { page, errors } = await openMap('?l=en&h=gravity&hs=1&hl=m');
    await expect.poll(async () => (await unitFills(page)).LV0052000!.opacity).toBeGreaterThan(0);
    const before = await unitFills(page);
    // MapLibre rebuilds its style without the feature-states; the binding sends them again.
    await page.evaluate(`window.__lose = window.stateCities.map.getCanvas().getContext('webgl2').getExtension('WEBGL_lose_context'); window.__lose.loseContext();`);
    await page.locator('.map[data-context-lost]').waitFor();
    await page.evaluate(`window.__lose.restoreContext()`);
    await page.locator('.map[data-context-lost]').waitFor({ state: 'detached', timeout: 30_000 });
    await waitForMapIdle(page);
    expect(await unitFills(page)).toEqual(before);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('do not swallow a change of indicator made while they redraw', async () => {
    const { page } = await openMap('?l=lv&h=gravity&hs=1&hl=m');
    // The choropleth colours are the units' feature-state.
    const paint = () =>
      page.evaluate(`(() => {
        const { map, store } = window.stateCities;
        return store.getState().dataset.municipalities.features.map((f) => map.getFeatureState({ source: 'municipalities', id: f.properties.code }).fill).join();
      })()`);
    const before = await paint();
    // setData makes isStyleLoaded() false until the worker has the new data; the indicator must still be painted.
    await page.evaluate(`(() => {
      const s = window.stateCities.store.getState();
      s.setHinterland({ alpha: 2 });
      s.setChoropleth({ indicator: 'median_age', year: 'latest' });
    })()`);
    await waitForMapIdle(page);
    expect(await paint()).not.toBe(before);
    await page.context().close();
  });

  it('keep a municipality given to another city after a reload, until reset', async () => {
    const { page } = await openMap();
    const p = await pagePointOf(page, TUKUMS);
    await page.mouse.click(p.x, p.y);
    await page.locator('.panel[data-place="LV0052000"]').waitFor();
    const select = page.getByLabel('Pieder pilsētai (administratīvais aptvērums)');
    expect(await select.inputValue()).toBe('');
    await select.selectOption('jurmala');
    await waitUntil(page, `(window.stateCities.store.getState().userAssignment ?? []).some((a) => a.code === 'LV0052000' && a.cityId === 'jurmala')`);
    // Saving to IndexedDB is asynchronous: reload once the record is there.
    await waitForStored(page, 'state-cities/hinterland-assignment');
    await page.reload();
    await waitForMapIdle(page);
    await waitUntil(page, `window.stateCities.store.getState().userAssignment !== null`);
    expect(await cityOfUnit(page, 'LV0052000')).toBe('jurmala');
    await page.locator('.panel[data-place="LV0052000"]').waitFor();
    expect(await page.getByLabel('Pieder pilsētai (administratīvais aptvērums)').inputValue()).toBe('jurmala');

    await openSection(page);
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Atjaunot piegādāto' }).click();
    await waitUntil(page, `window.stateCities.store.getState().userAssignment === null`);
    await waitForStored(page, 'state-cities/hinterland-assignment', false);
    await page.reload();
    await waitForMapIdle(page);
    expect(await page.evaluate(`window.stateCities.store.getState().userAssignment`)).toBeNull();
    await page.context().close();
  });

  it('reject a bad assignment CSV with the line and reason, and keep the assignment', async () => {
    const { page } = await openMap();
    const p = await pagePointOf(page, TUKUMS);
    await page.mouse.click(p.x, p.y);
    await page.getByLabel('Pieder pilsētai (administratīvais aptvērums)').selectOption('riga');
    // The edit lands once the assignment's code is in (fetched when the browser is idle after the first view).
    await expect.poll(() => cityOfUnit(page, 'LV0052000')).toBe('riga');
    await page.keyboard.press('Escape');
    const before = await page.evaluate(`JSON.stringify(window.stateCities.store.getState().userAssignment)`);
    await openSection(page);
    const csv = [
      'municipality_code,municipality_name,city_id,role,reason,source',
      'LV0001000,Rīga,riga,city,own,test',
      'LV0052000,Tukuma novads,tukums,hinterland,no such city,test',
    ].join('\n');
    await page.locator('.assignment-tools input[type=file]').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const error = page.locator('.hinterland-import-error');
    await error.waitFor();
    const text = await error.innerText();
    expect(text).toContain('sadalījums nav mainīts');
    expect(text).toContain('rinda 3: Nezināma pilsēta "tukums"');
    expect(text).toMatch(/fails: Failā nav vienību: LV0002000/);
    expect(await page.evaluate(`JSON.stringify(window.stateCities.store.getState().userAssignment)`)).toBe(before);
    expect(await cityOfUnit(page, 'LV0052000')).toBe('riga');
    await page.context().close();
  });

  it('have no serious accessibility violations with the section, a unit panel and the table open', async () => {
    const { page } = await openMap('?l=lv&h=gravity&hs=1&s=LV0052000&hl=m');
    await page.locator('.hinterland-unit').waitFor();
    await openSection(page);
    await page.getByRole('button', { name: /Kas tas ir\? Gravitācijas/ }).click();
    const serious = async () =>
      (await new AxeBuilder({ page: page as never }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
    expect(await serious()).toEqual([]);
    await page.getByRole('button', { name: 'Skaitļi' }).click();
    await page.locator('.hinterland-table').waitFor();
    expect(await serious()).toEqual([]);
    await page.context().close();
  });

  it('show a city with its hinterland in the panel and the table, each figure with its year and source', async () => {
    const { page, errors } = await openMap('?l=en&s=valmiera&hl=m');
    const facts = page.locator('.hinterland-facts');
    await facts.waitFor();
    expect(await facts.locator('[data-hinterland-fact="areaKm2"]').innerText()).toMatch(/km²[\s\S]*computed from the boundaries/);
    expect(await facts.locator('[data-hinterland-fact="residents"]').innerText()).toMatch(/2026 · Source: CSP IRD041 · computed/);
    expect(await facts.locator('[data-hinterland-fact="shareOfLatviaResidents"]').innerText()).toMatch(/no data[\s\S]*Madona/);
    await openSection(page);
    await page.getByRole('button', { name: 'Figures' }).click();
    const table = page.locator('.hinterland-table');
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(12);
    expect(await table.locator('tr[data-row="riga"]').innerText()).toMatch(/^Rīga\t9\t/);
    expect(await page.locator('.hinterland-notes li').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
