import { launchChromium, openPage, startPreview, waitForMapIdle } from './harness.ts';
const { server, url } = await startPreview();
const browser = await launchChromium();
const { page } = await openPage(browser, { viewport: { width: 375, height: 667 }, serviceWorkers: 'block' });
await page.goto(`${url}?l=lv&s=riga`);
await waitForMapIdle(page);
await page.getByRole('button', { name: /Vietas/ }).click();
await page.waitForTimeout(300);
console.log(await page.evaluate(() => {
  const out: string[] = [];
  let el: Element | null = document.querySelector('.place-options');
  while (el) { const cs = getComputedStyle(el); out.push(`${el.tagName}.${el.className} pos=${cs.position} z=${cs.zIndex}`); el = el.parentElement; }
  const p = document.querySelector('.panel'); let q: Element | null = p;
  while (q) { const cs = getComputedStyle(q); out.push(`P ${q.tagName}.${q.className} pos=${cs.position} z=${cs.zIndex}`); q = q.parentElement; }
  return out.join('\n');
}));
await browser.close();
server.httpServer.close();
