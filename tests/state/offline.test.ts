import { describe, expect, it } from 'vitest';
import { assetKind, assetUrlsOf } from '../../src/state/offline.ts';

describe('assetKind', () => {
  it('groups the files of the build by what they are', () => {
    expect(assetKind('https://x.lv/sub/data/municipalities.geojson')).toBe('data');
    expect(assetKind('https://x.lv/sub/data/indicators.json')).toBe('data');
    expect(assetKind('https://x.lv/sub/assets/noto-sans-latin-ext-400-normal-CVf-LbaS.woff2')).toBe('font');
    expect(assetKind('https://x.lv/sub/assets/maplibre-gl-worker-CZtFQQIV.mjs')).toBe('worker');
    expect(assetKind('https://x.lv/sub/assets/index-Ao2tLTda.js')).toBe('app');
    expect(assetKind('https://x.lv/sub/assets/index-D17w8Kio.css')).toBe('app');
    expect(assetKind('https://x.lv/sub/index.html')).toBe('page');
    expect(assetKind('https://x.lv/sub/favicon.svg')).toBe('other');
  });
});

describe('assetUrlsOf', () => {
  it('lists the page and every same-origin file once, without queries, and leaves out the service worker', () => {
    const urls = assetUrlsOf(
      'https://x.lv/sub/?l=en&preflight',
      [
        'https://x.lv/sub/assets/index-A.js',
        'https://x.lv/sub/data/cities.geojson?v=2',
        'https://x.lv/sub/data/cities.geojson',
        'https://elsewhere.example/font.woff2',
        'data:image/png;base64,AAAA',
        'https://x.lv/sub/sw.js',
        'https://x.lv/sub/workbox-d8ed3718.js',
      ],
      ['https://x.lv/sub/assets/maplibre-gl-worker-B.mjs', 'https://x.lv/sub/assets/index-A.js'],
    );
    expect(urls).toEqual([
      'https://x.lv/sub/index.html',
      'https://x.lv/sub/assets/index-A.js',
      'https://x.lv/sub/data/cities.geojson',
      'https://x.lv/sub/assets/maplibre-gl-worker-B.mjs',
    ]);
  });
});
