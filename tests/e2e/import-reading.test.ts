import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page, Worker } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, useBuiltApp, waitForMapIdle, waitUntil } from './harness.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url));

/** The codes of the map's units, as the app ships them. */
const unitCodes = (JSON.parse(readFileSync(fileURLToPath(new URL('../../public/data/municipalities.geojson', import.meta.url)), 'utf8')) as { features: { properties: { code: string } }[] }).features.map((f) => f.properties.code);

/** 200 000 rows, each a unit and year of its own (years 1000 onwards), so that every row is matched. */
const BIG_ROWS = 200_000;
const bigCsv = () => ['code,value,year', ...Array.from({ length: BIG_ROWS }, (_, i) => `${unitCodes[i % unitCodes.length]},${i % 1000},${1000 + Math.floor(i / unitCodes.length)}`)].join('\n');

/** The import limit (src/domain/importLimits.ts) is 30 MB; one byte more is refused. */
const OVER_LIMIT = 30 * 1024 * 1024 + 1;

const app = useBuiltApp();

/** What the dialog shows of the file read last: its name (the preview's heading) and its matched rows. */
const shownPreview = async (page: Page) => ({
  title: await page.locator('.import-result h3').innerText(),
  matched: await page.locator('[data-count="matched"]').innerText(),
});
const userIndicatorCount = (page: Page) => page.evaluate(`window.stateCities.store.getState().userIndicators.length`) as Promise<number>;
const isImportWorker = (w: Worker) => /\/assets\/importWorker-[^/]+\.js$/.test(w.url());

describe('reading an import in a worker', () => {
  it('shows the progress of a big file, Cancel and a file over 30 MB leave the preview as it was, and the big file read to the end is previewed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-reading-'));
    const big = join(dir, 'big.csv');
    const huge = join(dir, 'huge.csv');
    writeFileSync(big, bigCsv());
    writeFileSync(huge, Buffer.alloc(OVER_LIMIT, 'LV0001000,1,2024\n'));
    const { page, errors } = await openPage(app.browser);
    try {
      await page.goto(`${app.url}?l=en`);
      await waitForMapIdle(page);
      const importWorkers: Worker[] = [];
      page.on('worker', (w) => isImportWorker(w) && importWorkers.push(w));
      await page.getByRole('button', { name: 'Import CSV' }).click();
      const input = page.locator('.import-dialog input[type=file]');

      // A small file: its preview is what every later step must leave alone.
      await input.setInputFiles(fixture('plain-codes.csv'));
      await page.locator('[data-count="matched"]').waitFor();
      const before = await shownPreview(page);
      expect(before).toEqual({ title: 'plain-codes.csv', matched: '10' });
      const users = await userIndicatorCount(page);
      const workersBefore = importWorkers.length;

      // The big file is read in the app's module worker, with a progress bar named for the file.
      const started = page.waitForEvent('worker', { predicate: isImportWorker, timeout: 15_000 });
      await input.setInputFiles(big);
      const bar = page.getByRole('progressbar', { name: 'Reading “big.csv”…' });
      await bar.waitFor();
      const worker = await started;
      const closed = new Promise<void>((resolve) => worker.once('close', () => resolve()));
      // The worker has spoken (the bar has a value) and is still reading.
      await waitUntil(page, `document.getElementById('import-progress')?.position >= 0`, 15_000);
      expect(await bar.count()).toBe(1);

      // Cancel stops the worker and puts back the preview; nothing was added.
      await page.getByRole('button', { name: 'Cancel reading' }).click();
      await bar.waitFor({ state: 'detached' });
      await closed;
      expect(await shownPreview(page)).toEqual(before);
      expect(await page.locator('.import-refused').count()).toBe(0);
      expect(await userIndicatorCount(page)).toBe(users);
      expect(await input.evaluate((el: HTMLInputElement) => [...(el.files ?? [])].map((f) => f.name))).toEqual(['plain-codes.csv']);

      // A file one byte over 30 MB is refused by its size, naming the limit, and is never read.
      await input.setInputFiles(huge);
      await page.locator('.import-refused').waitFor();
      const refusal = await page.locator('.import-refused').innerText();
      expect(refusal).toContain('huge.csv');
      expect(refusal).toContain('the limit is 30 MB');
      expect(await shownPreview(page)).toEqual(before);
      expect(await bar.count()).toBe(0);
      expect(importWorkers.length).toBe(workersBefore + 1);
      expect(await userIndicatorCount(page)).toBe(users);

      // Read to the end, the big file is previewed with every row matched, and still nothing is added.
      await input.setInputFiles(big);
      await page.locator('.import-result h3', { hasText: 'big.csv' }).waitFor({ timeout: 30_000 });
      expect(await shownPreview(page)).toEqual({ title: 'big.csv', matched: String(BIG_ROWS) });
      expect(await page.locator('.import-refused').count()).toBe(0);
      expect(await bar.count()).toBe(0);
      expect(importWorkers.length).toBe(workersBefore + 2);
      expect(await userIndicatorCount(page)).toBe(users);
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
