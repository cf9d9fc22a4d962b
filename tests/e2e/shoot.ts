// Takes screenshots of the built app for people to look at: `npx tsx tests/e2e/shoot.ts [out-dir]`.
import { mkdirSync } from 'node:fs';
import { launchChromium, openPage, pagePointOf, startPreview, waitForMapIdle } from './harness.ts';

const out = process.argv[2] ?? '/tmp/shots';
mkdirSync(out, { recursive: true });
const { server, url } = await startPreview();
const browser = await launchChromium();
try {
  for (const [name, viewport, lang] of [
    ['desktop-lv', { width: 1280, height: 800 }, 'lv'],
    ['desktop-en', { width: 1280, height: 800 }, 'en'],
    ['mobile-lv', { width: 375, height: 667 }, 'lv'],
    ['4k-lv', { width: 3840, height: 2160 }, 'lv'],
  ] as const) {
    const { page, errors } = await openPage(browser, { viewport });
    await page.goto(`${url}?lang=${lang}`);
    await waitForMapIdle(page);
    await page.screenshot({ path: `${out}/${name}.png` });
    if (name.startsWith('desktop')) {
      // Inside Jelgavas novads, west of the city: a unit's hover outline.
      const jelgava = await pagePointOf(page, [23.45, 56.55]);
      await page.mouse.move(jelgava.x, jelgava.y);
      await page.waitForSelector('.tooltip');
      await page.screenshot({ path: `${out}/${name}-hover.png` });
      // The same unit selected: its outline from the selection source, and its panel.
      await page.mouse.click(jelgava.x, jelgava.y);
      await page.waitForSelector('.panel');
      await page.mouse.move(5, 790);
      await waitForMapIdle(page);
      await page.screenshot({ path: `${out}/${name}-unit.png` });
      await page.keyboard.press('Escape');
      const valmiera = await pagePointOf(page, [25.4263, 57.5384]);
      await page.mouse.click(valmiera.x, valmiera.y);
      await page.waitForSelector('.panel');
      await waitForMapIdle(page);
      await page.screenshot({ path: `${out}/${name}-panel.png` });
      await page.getByLabel(/Salīdzināt ar|Compare with/).selectOption('riga');
      await page.screenshot({ path: `${out}/${name}-compare.png` });
      await page.getByRole('button', { name: /Tabula|Table/ }).click();
      await page.screenshot({ path: `${out}/${name}-table.png` });
      await page.keyboard.press('Escape');
      await page.evaluate(() => window.stateCities.map!.zoomTo(8.5, { duration: 0 }));
      await waitForMapIdle(page);
      await page.screenshot({ path: `${out}/${name}-zoom.png` });
    }
    console.log(name, errors.length ? errors : 'no console errors');
    await page.context().close();
  }
} finally {
  await browser.close();
  await server.close();
}
