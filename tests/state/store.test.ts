import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { selectChoropleth } from '../../src/state/derived.ts';
import { createAppStore, DEFAULT_CHOROPLETH, langFromQuery, preferredLang } from '../../src/state/store.ts';
import { loadDataset, DataLoadError } from '../../src/domain/dataset.ts';

describe('the app store', () => {
  it('starts empty, in the given language, with the first choropleth', () => {
    const s = createAppStore('en').getState();
    expect(s.lang).toBe('en');
    expect(s.dataset).toBeNull();
    expect(s.selection).toBeNull();
    expect(s.choropleth).toBe(DEFAULT_CHOROPLETH);
    expect(selectChoropleth(s)).toBeNull();
  });

  it('selects, clears and records a fatal error', () => {
    const store = createAppStore();
    store.getState().select({ kind: 'city', id: 'valmiera' });
    expect(store.getState().selection).toEqual({ kind: 'city', id: 'valmiera' });
    store.getState().select(null);
    expect(store.getState().selection).toBeNull();
    store.getState().setFatal({ kind: 'webgl', reason: 'none' });
    expect(store.getState().fatal).toEqual({ kind: 'webgl', reason: 'none' });
  });

  it('prefers Latvian only when the browser does', () => {
    expect(preferredLang(['lv-LV', 'en'])).toBe('lv');
    expect(preferredLang(['de-DE', 'en-GB', 'lv'])).toBe('en');
    expect(preferredLang(['ru'])).toBe('en');
    expect(langFromQuery('?lang=en')).toBe('en');
    expect(langFromQuery('?lang=xx')).toBeNull();
  });
});

describe('loading the data files', () => {
  const ok = (body: unknown) => new Response(JSON.stringify(body), { status: 200 });

  it('names the file that failed and why', async () => {
    const fetcher = (async (url: string) => (String(url).endsWith('cities.geojson') ? new Response('', { status: 404 }) : ok({}))) as typeof fetch;
    await expect(loadDataset('http://x/', fetcher)).rejects.toMatchObject({ file: 'cities.geojson', reason: 'HTTP 404' });
  });

  it('rejects a file that is not JSON', async () => {
    const fetcher = (async (url: string) => (String(url).endsWith('indicators.json') ? new Response('<html>', { status: 200 }) : ok({}))) as typeof fetch;
    const error = await loadDataset('http://x/', fetcher).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataLoadError);
    expect(error).toMatchObject({ file: 'indicators.json', reason: 'not valid JSON' });
  });

  it('rejects an indicators file that is not of the shipped form, naming what is wrong', async () => {
    const shipped = (file: string) => readFileSync(new URL(`../../public/data/${file}`, import.meta.url), 'utf8');
    const serve = (indicators: unknown) => (async (url: string) => {
      const file = String(url).replace(/^.*\/data\//, '');
      return new Response(file === 'indicators.json' ? JSON.stringify(indicators) : shipped(file), { status: 200 });
    }) as typeof fetch;
    const good = JSON.parse(shipped('indicators.json')) as { series: { value: unknown[] }[] };
    await expect(loadDataset('http://x/', serve(good))).resolves.toMatchObject({ indicators: { observations: expect.any(Array) } });
    good.series[0]!.value.pop();
    const error = await loadDataset('http://x/', serve(good)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataLoadError);
    expect(error).toMatchObject({ file: 'indicators.json', reason: expect.stringMatching(/^series\[0\] \(\w+\): value has \d+ entries, not \d+$/) });
    await expect(loadDataset('http://x/', serve({ observations: [] }))).rejects.toMatchObject({ file: 'indicators.json', reason: expect.stringMatching(/older format/) });
  });
});
