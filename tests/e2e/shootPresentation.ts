// Screenshots of the presentation mode for people to look at:
// `DIST_DIR=/tmp/dist-present npx tsx tests/e2e/shootPresentation.ts [out-dir]`.
// Every scene of the shipped deck at 1920×1080 in the projector theme while presenting, the black
// screen, the presenter window, the scene editor and the kiosk waiting for a visitor.
import { mkdirSync } from 'node:fs';
import { launchChromium, openPage, startPreview, waitForMapIdle } from './harness.ts';

const out = process.argv[2] ?? '/tmp/shots-present';
mkdirSync(out, { recursive: true });
const { server, url } = await startPreview();
const browser = await launchChromium();
try {
  for (const lang of ['lv', 'en'] as const) {
    const { page, errors } = await openPage(browser, { viewport: { width: 1920, height: 1080 }, reducedMotion: 'reduce' });
    await page.goto(`${url}?lang=${lang}`);
    await waitForMapIdle(page);
    await page.waitForFunction(() => !!window.stateCities.store.getState().deck);
    await page.screenshot({ path: `${out}/explore-${lang}.png` });
    const count = await page.evaluate(() => window.stateCities.store.getState().deck!.scenes.length);
    const popup = page.context().waitForEvent('page');
    await page.getByRole('button', { name: lang === 'lv' ? 'Runātāja skats' : 'Presenter view' }).click();
    const presenter = await popup;
    await presenter.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('button', { name: lang === 'lv' ? '▶ Rādīt' : '▶ Present' }).click();
    for (let i = 0; i < count; i++) {
      if (i > 0) await page.keyboard.press('ArrowRight');
      await page.waitForFunction((n) => window.stateCities.store.getState().sceneIndex === n, i);
      await waitForMapIdle(page);
      await page.screenshot({ path: `${out}/present-${lang}-${i + 1}.png` });
      if (i === 2) {
        await presenter.waitForSelector('[data-current="true"]');
        await presenter.waitForTimeout(1100);
        await presenter.screenshot({ path: `${out}/presenter-${lang}.png` });
      }
    }
    if (lang === 'lv') {
      await page.keyboard.press('b');
      await page.screenshot({ path: `${out}/present-black.png` });
      await page.keyboard.press('b');
      await page.keyboard.press('t');
      await waitForMapIdle(page);
      await page.screenshot({ path: `${out}/present-light-theme.png` });
    }
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: lang === 'lv' ? /^Ainas/ : /^Scenes/ }).click();
    await page.getByRole('button', { name: lang === 'lv' ? 'Rediģēt' : 'Edit' }).nth(1).click();
    await page.screenshot({ path: `${out}/editor-${lang}.png` });
    await page.keyboard.press('Escape');
    if (lang === 'lv') {
      await page.evaluate(() => window.stateCities.store.setState({ kioskIdleMs: 60_000 }));
      await page.getByRole('button', { name: 'Kiosks' }).click();
      await waitForMapIdle(page);
      await page.mouse.click(1200, 500);
      await page.waitForSelector('.kiosk-bar');
      await waitForMapIdle(page);
      await page.screenshot({ path: `${out}/kiosk-waiting.png` });
    }
    console.log(lang, errors.length ? errors : 'no console errors');
    await page.context().close();
  }
} finally {
  await browser.close();
  await server.close();
}
