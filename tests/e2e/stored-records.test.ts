import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, useBuiltApp, waitForMapIdle } from './harness.ts';

const app = useBuiltApp();

/** The imports' key (src/state/persistedUserIndicators.ts) and where a record that cannot be read is kept aside. */
const KEY = 'state-cities/user-indicators';
const DAMAGED_KEY = `${KEY}/damaged`;

/** A record of the current format whose data are not a list of imports. */
const damaged = { version: 2, data: { rows: 'cut off here' }, savedAt: '2025-03-01T10:00:00.000Z' };

/** Writes `value` under `key` in idb-keyval's default store, as the app would. */
const putRecord = (page: Page, key: string, value: unknown) =>
  page.evaluate(
    ([k, v]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('keyval-store');
        open.onupgradeneeded = () => open.result.createObjectStore('keyval');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('keyval', 'readwrite');
          tx.objectStore('keyval').put(v, k);
          tx.oncomplete = () => (db.close(), resolve());
          tx.onerror = () => (db.close(), reject(tx.error));
        };
      }),
    [key, value] as const,
  );

/** The records under `keys` in idb-keyval's default store (undefined where there is none). */
const getRecords = (page: Page, keys: string[]) =>
  page.evaluate(
    (ks) =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('keyval-store');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('keyval');
          const values: unknown[] = [];
          ks.forEach((k, i) => {
            const get = tx.objectStore('keyval').get(k);
            get.onsuccess = () => void (values[i] = get.result);
          });
          tx.oncomplete = () => (db.close(), resolve(values));
          tx.onerror = () => (db.close(), reject(tx.error));
        };
      }),
    keys,
  );

describe('a saved record that cannot be read', () => {
  it('is kept under its key with a copy aside, named in a notice in both languages, and can be downloaded as it was', async () => {
    const { page, errors } = await openPage(app.browser);
    try {
      await page.goto(`${app.url}?l=en`);
      await waitForMapIdle(page);
      await putRecord(page, KEY, damaged);
      await page.reload();
      await waitForMapIdle(page);

      // The notice names the thing, why it could not be read, and what is shown instead.
      const notice = page.locator('.notice', { hasText: 'The saved imports' });
      await notice.waitFor();
      expect(await notice.innerText()).toContain(
        'The saved imports could not be read: It is not a list of imports. Only the shipped indicators are shown. The saved record is not deleted; it can be downloaded.',
      );
      expect(await page.evaluate(`window.stateCities.store.getState().userIndicators.length`)).toBe(0);
      expect(await page.evaluate(`window.stateCities.store.getState().choropleth.indicator`)).toBe('population_1jan');

      // The record stays under its key; a copy, with when and why, sits beside it.
      const [stored, aside] = (await getRecords(page, [KEY, DAMAGED_KEY])) as [unknown, { keptAt: string; reason: { lv: string; en: string }; record: unknown }];
      expect(stored).toEqual(damaged);
      expect(aside.record).toEqual(damaged);
      expect(aside.reason.en).toBe('It is not a list of imports.');
      expect(Number.isNaN(Date.parse(aside.keptAt))).toBe(false);

      // The record as a file: exactly what was stored.
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), notice.getByRole('button', { name: 'Download the saved record' }).click()]);
      expect(download.suggestedFilename()).toBe('user-indicators-saved.json');
      expect(JSON.parse(readFileSync((await download.path())!, 'utf8'))).toEqual(damaged);

      // The same notice in Latvian.
      await page.locator('.lang-switch').click();
      const lv = page.locator('.notice', { hasText: 'Saglabātos importus' });
      await lv.waitFor();
      expect(await lv.innerText()).toContain(
        'Saglabātos importus neizdevās nolasīt: Tas nav importu saraksts. Rādīti tikai piegādātie rādītāji. Saglabātais ieraksts netiek dzēsts; to var lejupielādēt.',
      );
      expect(await lv.getByRole('button', { name: 'Lejupielādēt saglabāto' }).count()).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});
