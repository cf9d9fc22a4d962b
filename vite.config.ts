import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';
import { csvRecords } from './geodata/csvRecordsPlugin.ts';

/**
 * MapLibre's stylesheet without its inline control icons: 39 SVG data URLs, 7 of its 10 kB gzip,
 * for zoom, compass, fullscreen, geolocate, globe, terrain, logo and the compact attribution
 * button. The map adds none of those controls (the attribution is never compact), so the first
 * view does not carry them. Adding such a control means dropping this plugin.
 */
function maplibreCssWithoutControlIcons(): Plugin {
  const icon = /background-image:url\("data:image\/svg\+xml[^"]*"\);?/g;
  return {
    name: 'maplibre-css-without-control-icons',
    enforce: 'pre',
    transform(code, id) {
      if (!id.split('?')[0]!.endsWith('maplibre-gl/dist/maplibre-gl.css')) return undefined;
      return { code: code.replace(icon, ''), map: null };
    },
  };
}

/**
 * The app's stylesheet inside index.html instead of linked: a linked stylesheet holds back the
 * page's first paint (the placeholder picture of the map) until it has arrived. A disabled link to
 * the file stays beside it: a disabled stylesheet is never fetched, but Vite's loader of lazy
 * chunks finds it and so does not fetch the file either (the distance bands' chunk lists the
 * entry's stylesheet among its dependencies). Fails the build if Vite's output no longer matches.
 */
function inlineStylesheet(): Plugin {
  return {
    name: 'inline-stylesheet',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const out = html.replace(/<link rel="stylesheet"[^>]*href="\.\/(assets\/[^"]+\.css)"[^>]*>/g, (_tag, file: string) => {
          const asset = ctx.bundle?.[file];
          if (asset?.type !== 'asset') throw new Error(`inline-stylesheet: ${file} is not in the build`);
          const css = String(asset.source);
          // A relative url() would resolve against index.html instead of assets/.
          if (/url\((?!["']?data:)/.test(css)) throw new Error(`inline-stylesheet: ${file} has a url() that inlining would break`);
          return `<style>${css}</style><link rel="stylesheet" href="./${file}" disabled>`;
        });
        if (/<link rel="stylesheet"(?![^>]*\sdisabled>)/.test(out)) throw new Error('inline-stylesheet: index.html still links a stylesheet');
        return out;
      },
    },
  };
}

// Relative base so the static build works from any sub-path of any static web server.
export default defineConfig({
  base: './',
  plugins: [
    maplibreCssWithoutControlIcons(),
    inlineStylesheet(),
    csvRecords(),
    preact(),
    // Offline after the first visit: every file the map needs is precached. Registered by
    // src/main.tsx (relative URL, so any sub-path works); no manifest, no auto-reload: a new
    // version waits until every tab of the app is closed, never swapping code under a speaker.
    VitePWA({
      injectRegister: false,
      manifest: false,
      registerType: 'prompt',
      workbox: {
        // The defaults skip MapLibre's .mjs worker, the .woff2 label fonts and the .json/.geojson data.
        globPatterns: ['**/*.{js,mjs,css,html,woff2,json,geojson,png,svg}'],
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
        clientsClaim: true,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 1200,
    // The placeholder picture goes into index.html itself, so it paints with the page's first
    // frame instead of waiting for its own request behind the app's JS; other assets as usual.
    assetsInlineLimit: (filePath) => (filePath.endsWith('/src/map/placeholder.svg') ? true : undefined),
  },
  test: {
    server: { deps: { inline: ['zustand'] } },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/{domain,geodata,map,state,ui}/**/*.test.{ts,tsx}', 'tests/*.test.ts', 'tests/bench/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
