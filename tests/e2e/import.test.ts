import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, useBuiltApp, waitForMapIdle, waitUntil } from './harness.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url));

const app = useBuiltApp();

const indicatorIds = (page: Page) => page.evaluate(`window.stateCities.store.getState().dataset.indicators.indicators.map((i) => i.id)`) as Promise<string[]>;

describe('importing one’s own indicator', () => {
  it('adds the good rows of a CSP export, reports the rows it cannot use, and keeps it after a reload', async () => {
    const { page } = await openPage(app.browser);
    await page.goto(`${app.url}?l=lv`);
    await waitForMapIdle(page);
    const shipped = await indicatorIds(page);
    await page.getByRole('button', { name: 'Importēt CSV' }).click();
    await page.locator('.import-dialog input[type=file]').setInputFiles(fixture('csp-libraries-2024.csv'));
    await page.locator('[data-count="matched"]').waitFor();
    const matched = Number(await page.locator('[data-count="matched"]').innerText());
    expect(matched).toBeGreaterThan(30);
    expect(await page.locator('.import-issues').innerText()).toContain('Varakļānu');
    await page.getByLabel('Nosaukums').fill('Bibliotēkas (mans imports)');
    await page.getByRole('button', { name: 'Pievienot kartei' }).click();
    await page.locator('.controls-title', { hasText: 'Bibliotēkas (mans imports)' }).waitFor();
    await waitForMapIdle(page);
    const after = await indicatorIds(page);
    expect(after).toEqual([...shipped, 'user:bibliotekas-mans-imports']);
    expect(await page.evaluate(`window.stateCities.store.getState().dataset.indicators.observations.filter((o) => o.indicator === 'user:bibliotekas-mans-imports' && o.geo !== 'LV').length`)).toBe(matched);
    // The address names the import; after a reload in this browser the link opens it, without a notice.
    const link = page.url();
    expect(new URL(link).searchParams.get('i')).toBe('user:bibliotekas-mans-imports');
    await page.reload();
    await waitForMapIdle(page);
    await waitUntil(page, `window.stateCities.store.getState().userIndicators.length === 1`);
    expect(await indicatorIds(page)).toContain('user:bibliotekas-mans-imports');
    expect(await page.evaluate(`window.stateCities.store.getState().choropleth.indicator`)).toBe('user:bibliotekas-mans-imports');
    expect(await page.locator('.notices').count()).toBe(0);
    await page.context().close();
    // Another browser (a fresh profile) has no such import: the notice says where it lives and what is shown instead.
    const elsewhere = await openPage(app.browser);
    await elsewhere.page.goto(link);
    await waitForMapIdle(elsewhere.page);
    expect(await elsewhere.page.evaluate(`window.stateCities.store.getState().choropleth.indicator`)).toBe('population_1jan');
    expect(await elsewhere.page.locator('.notices').innerText()).toContain('importēts rādītājs glabājas tikai tajā pārlūkā, kurā tas importēts');
    await elsewhere.page.context().close();
  });

  it('lists each bad row with its line and reason', async () => {
    const { page } = await openPage(app.browser);
    await page.goto(`${app.url}?l=en`);
    await waitForMapIdle(page);
    await page.getByRole('button', { name: 'Import CSV' }).click();
    await page.locator('.import-dialog input[type=file]').setInputFiles(fixture('bad-rows.csv'));
    await page.locator('[data-count="unmatched"]').waitFor();
    const issues = await page.locator('.import-issues li').allInnerTexts();
    expect(issues.some((i) => i.startsWith('line 4:'))).toBe(true);
    expect(issues.find((i) => i.startsWith('line 3:'))).toMatch(/Varakļ|merged/i);
    await page.context().close();
  });

  it('rejects a file that is not a table with a message and changes nothing', async () => {
    const { page } = await openPage(app.browser);
    await page.goto(`${app.url}?l=lv`);
    await waitForMapIdle(page);
    const before = await indicatorIds(page);
    await page.getByRole('button', { name: 'Importēt CSV' }).click();
    await page.locator('.import-dialog input[type=file]').setInputFiles({ name: 'notes.csv', mimeType: 'text/csv', buffer: Buffer.from('just some words\nnothing here\n') });
    await page.locator('.import-error').waitFor();
    expect(await page.locator('.import-error').innerText()).toContain('Nekas netika mainīts');
    expect(await page.getByRole('button', { name: 'Pievienot kartei' }).count()).toBe(0);
    expect(await indicatorIds(page)).toEqual(before);
    await page.context().close();
  });
});
