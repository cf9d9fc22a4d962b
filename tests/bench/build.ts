import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build, preview, type PreviewServer } from 'vite';
import { csvRecords } from '../../geodata/csvRecordsPlugin.ts';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PAGES = fileURLToPath(new URL('./pages/', import.meta.url));

/** Where the benchmark builds: outside the work tree, so it never touches `dist/` or others' builds. */
export interface BuildDirs {
  app: string;
  pages: string;
  kernels: string;
}

export const defaultDirs = (base = '/tmp'): BuildDirs => ({ app: `${base}/dist-bench`, pages: `${base}/bench-pages`, kernels: `${base}/bench-kernels` });

/** The app with its own vite.config.ts, exactly as `npm run build` makes it, but into `dirs.app`. */
export async function buildApp(dirs: BuildDirs): Promise<void> {
  await build({ root: ROOT, logLevel: 'warn', build: { outDir: dirs.app, emptyOutDir: true } });
}

/**
 * The three reference pages (the same-content floor, the one-fill floor and Leaflet), one Vite
 * build of three HTML entries with the app's `public/` (so they fetch the same data files; the
 * benchmark adds `data/content-states.json` for the same-content floor), and the pure hinterland code
 * as a script the benchmark puts into the app's page to time the gravity recompute alone.
 */
export async function buildReferences(dirs: BuildDirs): Promise<void> {
  await build({
    configFile: false,
    root: PAGES,
    base: './',
    publicDir: `${ROOT}public`,
    logLevel: 'warn',
    build: {
      outDir: dirs.pages,
      emptyOutDir: true,
      target: 'es2022',
      chunkSizeWarningLimit: 1200,
      rollupOptions: { input: { content: `${PAGES}content.html`, floor: `${PAGES}floor.html`, leaflet: `${PAGES}leaflet.html` } },
    },
  });
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    plugins: [csvRecords()],
    build: {
      outDir: dirs.kernels,
      emptyOutDir: true,
      target: 'es2022',
      lib: { entry: `${PAGES}kernels.ts`, name: 'BenchKernels', formats: ['iife'], fileName: () => 'kernels.js' },
    },
  });
}

export interface Served {
  url: string;
  dir: string;
  close: () => Promise<void>;
}

/** Serves a built folder with `vite preview` (the same server for every page) on a free port. */
export async function serve(dir: string): Promise<Served> {
  const server: PreviewServer = await preview({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    build: { outDir: dir },
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
  });
  const { port } = server.httpServer.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, dir, close: () => server.close() };
}
