import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../src', import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/^\s*import\s[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
}

/** The layering of HOUSE_STYLE.md: what each folder of src/ may import. */
const RULES: Record<string, (spec: string) => boolean> = {
  domain: (s) => !s.includes('maplibre') && !s.startsWith('preact') && !/\.\.\/(state|map|ui)\//.test(s),
  state: (s) => !s.includes('maplibre-gl') && !s.startsWith('preact') && !/\.\.\/(map|ui)\//.test(s),
  map: (s) => !s.startsWith('preact') && !/\.\.\/ui\//.test(s),
  ui: (s) => !s.includes('maplibre-gl') && !/\.\.\/map\//.test(s),
};

describe('module boundaries', () => {
  for (const [folder, allowed] of Object.entries(RULES)) {
    it(`src/${folder} imports only what its layer may`, () => {
      const offending = filesUnder(join(src, folder)).flatMap((f) =>
        importsOf(f)
          .filter((spec) => !allowed(spec))
          .map((spec) => `${relative(src, f)} → ${spec}`),
      );
      expect(offending).toEqual([]);
    });
  }
});
