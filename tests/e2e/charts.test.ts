import { AxeBuilder } from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { openPage, useBuiltApp, waitForMapIdle } from './harness.ts';

const app = useBuiltApp();

/** The map at a link's view, with every request the page makes recorded. */
async function openMap(query = ''): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const { page, errors } = await openPage(app.browser, { acceptDownloads: true });
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${app.url}?lang=lv${query}`);
  await waitForMapIdle(page);
  return { page, errors, requests };
}

/** Serious and critical axe violations inside one part of the page, as "rule: target" lines. */
async function seriousViolations(page: Page, selector: string): Promise<string[]> {
  const result = await new AxeBuilder({ page: page as never }).include(selector).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

/** Clicks a chart's SVG or PNG button and returns the downloaded file's name and bytes. */
async function download(scope: Locator, format: 'svg' | 'png'): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([scope.page().waitForEvent('download', { timeout: 30_000 }), scope.locator(`[data-chart-export="${format}"]`).click()]);
  return { name: d.suggestedFilename(), bytes: readFileSync((await d.path())!) };
}

/** The bars' values top to bottom, and the cities listed without a value. */
const barValues = (chart: Locator) => chart.locator('rect.chart-bar').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
const noDataCities = (chart: Locator) => chart.locator('.chart-nodata').evaluateAll((els) => els.map((e) => e.getAttribute('data-city')));

/** Pixels of about `rgb` (±6 per channel) in a PNG. */
function countColour(png: PNG, rgb: [number, number, number]): number {
  let n = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    if (Math.abs(png.data[i]! - rgb[0]) <= 6 && Math.abs(png.data[i + 1]! - rgb[1]) <= 6 && Math.abs(png.data[i + 2]! - rgb[2]) <= 6) n++;
  }
  return n;
}

describe('cities compared: the mapped indicator as ranked bars', () => {
  it('ranks the ten state cities largest first, with Latvia’s line, and follows the indicator the map shows', async () => {
    // GDP per capita 2021: a rate with a value for every state city and for Latvia (17,7).
    const { page, errors, requests } = await openMap('&i=gdp_per_capita&y=2021');
    // The chart's code is not part of the first view.
    expect(requests.filter((r) => /\/assets\/CitiesCompared[.\w-]*\.js$/.test(r))).toEqual([]);
    await page.locator('.cities-section summary').click();
    const figure = page.locator('.cities-compared');
    const chart = figure.locator('svg.ranked-bars');
    await chart.waitFor();
    expect(await chart.getAttribute('role')).toBe('img');
    expect(await figure.locator('figcaption').innerText()).toContain('IKP uz vienu iedzīvotāju, 2021');
    expect(await figure.locator('.chart-source').innerText()).toMatch(/^Avots: CSP IKR060, 2021/);

    const values = await barValues(chart);
    expect(values.length + (await noDataCities(chart)).length).toBe(10);
    expect(values).toHaveLength(10);
    expect(values[0]).toBe(Math.max(...values));
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(await chart.locator('rect.chart-bar').first().getAttribute('data-city')).toBe('riga');
    // Every bar is the store's own figure for its city, never a municipality's.
    const stored = (await page.evaluate(`(() => {
      const s = window.stateCities.store.getState();
      const geoOf = (c) => (c.insideNovads ? 'city:' + c.id : c.unitCode);
      const o = s.dataset.indicators.observations.filter((x) => x.indicator === 'gdp_per_capita' && x.year === '2021');
      return s.dataset.cities.features.map((f) => o.find((x) => x.geo === geoOf(f.properties)).value).sort((a, b) => b - a);
    })()`)) as number[];
    expect(values).toEqual(stored);
    // Latvia's value as a labelled line, between Rīga's bar and the smallest one.
    const national = chart.locator('.chart-national-mark');
    expect(await national.count()).toBe(1);
    expect(await national.textContent()).toBe('Latvija');
    expect(Number(await national.getAttribute('data-value'))).toBe(17.7);
    const lineX = Number(await national.locator('line').getAttribute('x1'));
    const riga = chart.locator('rect.chart-bar[data-city="riga"]');
    expect(lineX).toBeLessThan(Number(await riga.getAttribute('x')) + Number(await riga.getAttribute('width')));
    expect(await chart.locator('text', { hasText: 'Rīga' }).count()).toBe(1);
    expect(await chart.locator('text', { hasText: 'Jēkabpils' }).count()).toBe(1);

    // The map's indicator changes: residents on 1 January 2026, a count without a figure for the
    // three cities inside a novads, which are listed as no data at the bottom, never as a zero bar.
    await page.getByLabel('Rādītājs', { exact: true }).selectOption('population_1jan');
    await expect.poll(() => figure.locator('figcaption').innerText()).toContain('2026');
    const counts = await barValues(chart);
    const missing = await noDataCities(chart);
    expect(counts.length + missing.length).toBe(10);
    expect(missing).toEqual(['valmiera', 'jekabpils', 'ogre']);
    expect(counts.every((v) => v > 0)).toBe(true);
    expect(await chart.locator('.chart-nodata').first().textContent()).toContain('nav datu');
    expect(await chart.locator('.chart-national-mark').count()).toBe(0);

    expect(await seriousViolations(page, '.cities-compared')).toEqual([]);
    expect(requests.filter((r) => /\/assets\/CitiesCompared[.\w-]*\.js$/.test(r))).toHaveLength(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('draws a change from a zero axis in both directions and downloads it as a PNG and a self-contained SVG', async () => {
    const { page, errors } = await openMap('&i=city_population_change');
    await page.locator('.cities-section summary').click();
    const figure = page.locator('.cities-compared');
    const chart = figure.locator('svg.ranked-bars');
    await chart.waitFor();
    const values = await barValues(chart);
    expect(values).toHaveLength(10);
    expect(values.some((v) => v < 0)).toBe(true);
    const zeroX = Number(await chart.locator('.chart-axis').getAttribute('x1'));
    const ends = await chart.locator('rect.chart-bar').evaluateAll((els) => els.map((e) => ({ v: Number(e.getAttribute('data-value')), x: Number(e.getAttribute('x')), w: Number(e.getAttribute('width')) })));
    for (const b of ends) {
      if (b.v < 0) expect(b.x + b.w).toBeCloseTo(zeroX, 0);
      else expect(b.x).toBeCloseTo(zeroX, 0);
    }
    // Negative values with a true minus sign and a decimal comma.
    expect(await chart.textContent()).toMatch(/\u2212\d+,\d/);

    const png = await download(figure, 'png');
    expect(png.name).toBe('valstspilsetas-city_population_change-2013-2025.png');
    const picture = PNG.sync.read(png.bytes);
    // 2× the exported SVG, which is at least 320 px wide; white background, bars in the export's blue.
    expect(picture.width).toBeGreaterThanOrEqual(640);
    expect(picture.width % 2).toBe(0);
    expect([...picture.data.subarray(0, 4)]).toEqual([255, 255, 255, 255]);
    expect(countColour(picture, [0x3b, 0x78, 0xb8])).toBeGreaterThan(2000);
    expect(countColour(picture, [255, 255, 255])).toBeGreaterThan(picture.width * picture.height * 0.5);

    const svg = await download(figure, 'svg');
    expect(svg.name).toBe('valstspilsetas-city_population_change-2013-2025.svg');
    const text = svg.bytes.toString('utf8');
    // The title whole in the file's <title>; drawn, it may wrap, so its words are looked for apart.
    expect(text).toContain('<title>Pilsētas iedzīvotāju skaita izmaiņas 2013–2025</title>');
    expect(text).toMatch(/<text[^>]*>Avots: CSP \(tabula nav nosaukta\), 2013–2025/);
    expect(text).toContain('aprēķināts');
    expect(text).toContain('Dati: CSP');
    expect(text).toContain("font-family:'Noto Sans'");
    expect(text).toContain('fill="#ffffff"');
    expect(text).not.toMatch(/<script|javascript:|(href|src)="https?:/);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('a city’s series in its profile', () => {
  it('draws a labelled line chart for a multi-year indicator, with its values as text, and downloads it', async () => {
    const { page, errors } = await openMap();
    await page.evaluate(`window.stateCities.store.getState().select({ kind: 'city', id: 'riga' })`);
    const panel = page.locator('.panel[data-place="riga"]');
    await panel.waitFor();
    // City population: Rīga's figures of 2013, 2019, 2021 and 2025 (none of 2023).
    const fact = panel.locator('.fact[data-indicator=city_population]');
    const chart = fact.locator('svg.series-chart');
    await chart.waitFor();
    expect(await chart.getAttribute('role')).toBe('img');
    const label = (await chart.getAttribute('aria-label'))!;
    expect(label).toContain('Rīga');
    expect(label).toContain('2013–2025');
    expect(label).toMatch(/lielākā .+; mazākā /);
    expect(await chart.locator('.chart-point').count()).toBe(4);
    expect(await chart.locator('.chart-latest').count()).toBe(1);
    expect(await chart.locator('text').allTextContents()).toEqual(expect.arrayContaining(['2013', '2025']));
    // A compact chart, about 200 × 60 CSS pixels.
    const box = (await chart.boundingBox())!;
    expect(box.width).toBeLessThanOrEqual(200);
    expect(box.height).toBeLessThanOrEqual(62);
    // The values as text: a table to open.
    await fact.locator('.chart-values summary').click();
    expect(await fact.locator('.chart-values tr').count()).toBe(4);
    // A one-year indicator has no chart.
    expect(await panel.locator('.fact[data-indicator=city_density] svg.series-chart').count()).toBe(0);

    const png = await download(fact, 'png');
    expect(png.name).toMatch(/^valstspilsetas-riga-city_population-2013-2025\.png$/);
    const picture = PNG.sync.read(png.bytes);
    expect(picture.width).toBeGreaterThanOrEqual(640);
    expect(countColour(picture, [0x3b, 0x78, 0xb8])).toBeGreaterThan(100);
    expect(await seriousViolations(page, '.panel')).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
