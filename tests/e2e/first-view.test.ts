import { describe, expect, it } from 'vitest';
import { openPage, useBuiltApp, waitForMapIdle } from './harness.ts';

const app = useBuiltApp();

// Issue 8's byte budget: what the first view does not show is fetched when first used.
const LATER = /\/assets\/(ImportDialog|KeyFacts|DataTable|TakeawayDialogs|PresenterView|SceneEditor|LinkEditor)-[\w-]+\.js$/;

describe('the first view', () => {
  it('fetches no dialog or editor code until one is opened', async () => {
    const { page, errors } = await openPage(app.browser);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${app.url}?lang=en`);
    await waitForMapIdle(page);
    expect(requests.filter((r) => LATER.test(r))).toEqual([]);
    await page.getByRole('button', { name: 'Table' }).click();
    await page.locator('dialog[open]').waitFor();
    expect(requests.filter((r) => LATER.test(r)).map((r) => r.replace(/.*\/assets\/([A-Za-z]+)-.*/, '$1'))).toEqual(['DataTable']);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
