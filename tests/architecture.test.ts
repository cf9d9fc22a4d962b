import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = join(root, 'src');
const geodata = join(root, 'geodata');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

interface Import {
  spec: string;
  typeOnly: boolean;
}

/** The static imports and re-exports of a file; `import type` and `export type` are type-only. */
function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\s+(type\s+)?(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)].map((m) => ({ spec: m[2]!, typeOnly: !!m[1] }));
}

/**
 * The layering of src/README.md ("Layers"): what each folder of src/ may import, and the pipeline,
 * which shares the domain with the app and nothing else.
 */
const RULES: Record<string, (spec: string) => boolean> = {
  'src/domain': (s) => !s.includes('maplibre') && !s.startsWith('preact') && !/\.\.\/(state|map|ui)\//.test(s),
  'src/state': (s) => !s.includes('maplibre-gl') && !s.startsWith('preact') && !/\.\.\/(map|ui)\//.test(s),
  'src/map': (s) => !s.startsWith('preact') && !/\.\.\/ui\//.test(s),
  'src/ui': (s) => !s.includes('maplibre-gl') && !/\.\.\/map\//.test(s),
  geodata: (s) => !/\/src\/(state|map|ui)\//.test(s) && !s.includes('maplibre') && !s.startsWith('preact'),
};

/**
 * The one kind of cycle allowed: a type-only import between a whole and its parts — a slice's
 * `import type { AppState }` of the store, and the address view's types composed from the address
 * groups' own (state/address/view.ts ↔ state/address/params/). Anything else in a cycle is a defect.
 */
function allowedCycleEdge(from: string, to: string, typeOnly: boolean): boolean {
  if (!typeOnly) return false;
  const [f, t] = [relative(src, from), relative(src, to)];
  const wholes: [whole: string, parts: string][] = [
    [join('state', 'store.ts'), 'state'],
    [join('state', 'address', 'view.ts'), join('state', 'address', 'params')],
  ];
  return wholes.some(([whole, parts]) => (t === whole && f.startsWith(parts)) || (f === whole && t.startsWith(parts)));
}

/** The strongly connected groups of more than one file (Tarjan), over the edges not allowed to close a cycle. */
function cycles(files: string[]): string[][] {
  const edges = new Map(
    files.map((f) => [
      f,
      importsOf(f)
        .filter((i) => i.spec.startsWith('.'))
        .map((i) => ({ to: resolve(dirname(f), i.spec), typeOnly: i.typeOnly }))
        .filter((e) => existsSync(e.to) && !allowedCycleEdge(f, e.to, e.typeOnly))
        .map((e) => e.to),
    ]),
  );
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      group.push(relative(root, w));
    } while (w !== v);
    if (group.length > 1) groups.push(group.sort());
  };
  for (const f of files) if (!index.has(f)) visit(f);
  return groups;
}

describe('module boundaries', () => {
  it('are written down where this test says', () => {
    const readme = readFileSync(join(src, 'README.md'), 'utf8');
    expect(readme).toContain('## Layers (tested)');
    expect(readme.split('\n').length).toBeLessThan(150);
  });

  for (const [folder, allowed] of Object.entries(RULES)) {
    it(`${folder} imports only what its layer may`, () => {
      const offending = filesUnder(join(root, folder))
        .filter((f) => !f.includes(`${join('geodata', 'boundaries')}`))
        .flatMap((f) =>
          importsOf(f)
            .filter(({ spec }) => !allowed(spec))
            .map(({ spec }) => `${relative(root, f)} → ${spec}`),
        );
      expect(offending).toEqual([]);
    });
  }

  it('has no import cycles, type imports included, but a part’s type import of its whole', () => {
    expect(cycles([...filesUnder(src), ...filesUnder(geodata)])).toEqual([]);
  });
});
