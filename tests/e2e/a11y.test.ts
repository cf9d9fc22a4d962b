import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, pagePointOf, useBuiltApp, waitForMapIdle } from './harness.ts';

const app = useBuiltApp();

/** Serious and critical axe violations, as "rule: target" lines a person can act on. */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page: page as never }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

describe('accessibility (axe-core, WCAG 2.2 AA)', () => {
  it('has no serious or critical violations on the map, with a panel open and in the table', async () => {
    const { page } = await openPage(app.browser);
    await page.goto(`${app.url}?l=lv`);
    await waitForMapIdle(page);
    expect(await seriousViolations(page)).toEqual([]);
    const p = await pagePointOf(page, [25.4263, 57.5384]);
    await page.mouse.click(p.x, p.y);
    await page.locator('.panel').waitFor();
    await page.locator('.class-controls summary').click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Tabula' }).click();
    await page.locator('.data-table').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('has none in English on a phone-sized screen', async () => {
    const { page } = await openPage(app.browser, { viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true });
    await page.goto(`${app.url}?l=en`);
    await waitForMapIdle(page);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });
});
