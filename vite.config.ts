import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';
import { csvRecords } from './geodata/csvRecordsPlugin.ts';

/**
 * MapLibre's stylesheet without its inline control icons: 39 SVG data URLs, 7 of its 10 kB gzip,
 * for zoom, compass, fullscreen, geolocate, globe, terrain, logo and the compact attribution
 * button. The map adds none of those controls (the attribution is never compact), so the first
 * view does not carry them. Adding such a control means dropping this plugin. The rules of the
 * parts the map never makes (popups, markers, the user's location, the scale bar, the
 * cooperative-gestures veil, the logo, the pseudo-fullscreen) go too: another 1.2 kB gzip.
 */
function maplibreCssWithoutControlIcons(): Plugin {
  const icon = /background-image:url\("data:image\/svg\+xml[^"]*"\);?/g;
  const unused = /\.maplibregl-(popup|marker|user-location|ctrl-scale|cooperative-gesture|ctrl-logo|pseudo-fullscreen)/;
  /** A block of rules without those whose every selector names an unused part; @-blocks are filtered inside. */
  const withoutUnused = (css: string): string => {
    let out = '';
    let i = 0;
    while (i < css.length) {
      const open = css.indexOf('{', i);
      if (open < 0) return out + css.slice(i);
      const head = css.slice(i, open);
      // The matching close brace (an @-block holds rules).
      let depth = 1;
      let j = open + 1;
      for (; j < css.length && depth > 0; j++) depth += css[j] === '{' ? 1 : css[j] === '}' ? -1 : 0;
      const body = css.slice(open + 1, j - 1);
      if (head.trim().startsWith('@')) {
        const inner = head.trim().startsWith('@media') ? withoutUnused(body) : body;
        if (inner.trim()) out += `${head}{${inner}}`;
      } else if (!head.split(',').every((selector) => unused.test(selector))) out += `${head}{${body}}`;
      i = j;
    }
    return out;
  };
  return {
    name: 'maplibre-css-without-control-icons',
    enforce: 'pre',
    transform(code, id) {
      if (!id.split('?')[0]!.endsWith('maplibre-gl/dist/maplibre-gl.css')) return undefined;
      return { code: withoutUnused(code.replace(icon, '')), map: null };
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

/**
 * The Content-Security-Policy of the static build, as a <meta> in index.html (README, "Deploy",
 * gives the same as a header): scripts only from the app's own files (no inline script, no eval),
 * the inlined stylesheet allowed by its hash, images also as data: (the placeholder picture, the
 * presenter's scene pictures) and blob: (exports), workers from the app's files or blob:, requests
 * only to the app's own origin (the statistics portal is read by `npm run data:update` in Node, not
 * by the browser), no plugins, no <base> elsewhere. Fails the build on an inline script.
 */
export function contentSecurityPolicy(styleHashes: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' ${styleHashes.map((h) => `'sha256-${h}'`).join(' ')}`.trim(),
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "child-src 'self' blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        if (/<script(?![^>]*\ssrc=)[^>]*>/.test(html)) throw new Error('content-security-policy: index.html has an inline script');
        const hashes = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => createHash('sha256').update(m[1]!, 'utf8').digest('base64'));
        const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(hashes)}" />`;
        if (!html.includes('<meta charset="utf-8" />')) throw new Error('content-security-policy: no <meta charset> to follow');
        return html.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    ${meta}`);
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
    contentSecurityPolicyMeta(),
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
