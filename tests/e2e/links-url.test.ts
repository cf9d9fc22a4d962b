import { describe, expect, it } from 'vitest';
import { openPage, useBuiltApp, waitForMapIdle, waitUntil } from './harness.ts';

const app = useBuiltApp();

describe('every view is a link', () => {
  it('a deep link reproduces the indicator, the city and the camera', async () => {
    const { page } = await openPage(app.browser);
    await page.goto(`${app.url}?l=en&i=median_age&s=valmiera&v=25.1,57.2,8.25`);
    await waitForMapIdle(page);
    const state = JSON.parse(
      (await page.evaluate(`JSON.stringify((() => {
        const s = window.stateCities.store.getState();
        const m = window.stateCities.map;
        return { lang: s.lang, indicator: s.choropleth.indicator, selection: s.selection, lon: m.getCenter().lng, lat: m.getCenter().lat, zoom: m.getZoom() };
      })())`)) as string,
    );
    expect(state).toMatchObject({ lang: 'en', indicator: 'median_age', selection: { kind: 'city', id: 'valmiera' } });
    expect(state.zoom).toBeCloseTo(8.25, 2);
    expect(state.lon).toBeCloseTo(25.1, 3);
    expect(state.lat).toBeCloseTo(57.2, 3);
    await page.locator('.panel[data-place="valmiera"]').waitFor();
    expect(await page.locator('.controls-title').innerText()).toContain('Median age');
    await page.context().close();
  });

  it('drops an invalid value with a visible notice and keeps the rest', async () => {
    const { page, errors } = await openPage(app.browser);
    await page.goto(`${app.url}?l=lv&i=no_such_indicator&s=jelgava`);
    await waitForMapIdle(page);
    await page.locator('.notice', { hasText: 'no_such_indicator' }).waitFor();
    expect(await page.evaluate(`window.stateCities.store.getState().choropleth.indicator`)).toBe('population_1jan');
    await page.locator('.panel[data-place="jelgava"]').waitFor();
    // The address keeps the rest and loses the bad value, so a reload reports nothing again.
    expect(new URL(page.url()).searchParams.toString()).toBe('l=lv&s=jelgava');
    await page.reload();
    await waitForMapIdle(page);
    await page.locator('.panel[data-place="jelgava"]').waitFor();
    expect(await page.locator('.notice').count()).toBe(0);
    // The camera a link names stays with the rest.
    await page.goto(`${app.url}?l=lv&y=1900&v=25.1,57.2,8.25`);
    await waitForMapIdle(page);
    await page.locator('.notice', { hasText: 'y=1900' }).waitFor();
    expect(new URL(page.url()).searchParams.toString()).toBe('l=lv&v=25.1%2C57.2%2C8.25');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('writes the user’s choices into the address, and Back returns to the previous view', async () => {
    const { page } = await openPage(app.browser);
    await page.goto(`${app.url}?l=lv`);
    await waitForMapIdle(page);
    await page.getByLabel('Rādītājs', { exact: true }).selectOption('median_age');
    await waitUntil(page, `location.search.includes('i=median_age')`);
    await page.getByLabel('Rādītājs', { exact: true }).selectOption('sex_ratio');
    await waitUntil(page, `location.search.includes('i=sex_ratio')`);
    await page.goBack();
    await waitUntil(page, `window.stateCities.store.getState().choropleth.indicator === 'median_age'`);
    await page.goBack();
    await waitUntil(page, `window.stateCities.store.getState().choropleth.indicator === 'population_1jan'`);
    await page.goForward();
    await waitUntil(page, `window.stateCities.store.getState().choropleth.indicator === 'median_age'`);
    await page.context().close();
  });
});
