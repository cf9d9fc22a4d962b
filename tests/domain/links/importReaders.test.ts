import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_FORMATS, formatCsv } from '../../../src/domain/csvWrite.ts';
import { LINK_COLUMNS, linkToCells } from '../../../src/domain/links/codec.ts';
import { importLinksCsv, linksToCsv, type ImportResult } from '../../../src/domain/links/csv.ts';
import { importLinksGeoJson, linksToGeoJson } from '../../../src/domain/links/geojson.ts';
import type { Link } from '../../../src/domain/links/model.ts';
import { importLinks } from '../../../src/state/linkEdits.ts';
import { createAppStore } from '../../../src/state/store.ts';
import { bilingual, copy, deepFreeze, HOSTILE, hostileKeys, mutated, put, SEED } from '../../hostile.ts';
import { committedDataset } from '../../state/hinterlandDataset.ts';
import { city, CITY_POINTS, CONTEXT, LLPA, makeLink, UBC, unit } from './helpers.ts';

// The link files' readers fuzzed (issue 20, "Schemas, not trust"): CSV grids and GeoJSON
// collections from valid links, with hostile keys, columns and values. Nothing throws, a refusal
// names its first problem in both languages, only own properties are read, and a refused file
// leaves the store as it was.

const SAMPLE: Link[] = [
  makeLink({ from: city('riga'), to: LLPA, type: 'membership', period: { fromText: 'current' } }),
  makeLink({ from: city('daugavpils'), to: city('rezekne'), type: 'exchange_visit', directed: true, fields: ['f5'], weight: 3 }),
  makeLink({ from: city('jelgava'), to: UBC, type: 'network_membership', period: { from: '2014', fromQualifier: 'by' } }),
  makeLink({ from: unit('LV0022000'), to: city('ogre'), description: { lv: 'Apraksts, "pēdiņās"', en: '=1+1' } }),
];
const links = fc.subarray(SAMPLE, { minLength: 1 });
const POSITIONS = { cities: new Map(Object.entries(CITY_POINTS) as [string, [number, number]][]), units: new Map<string, [number, number]>() };
const WORDS = ['city', 'unit', 'organisation', 'riga', 'ogre', 'yes', 'no', '1', '-0', 'Feature', 'FeatureCollection'];
const FIELDS = ['type', 'features', 'properties', 'geometry', ...LINK_COLUMNS];
const junk = fc.oneof(fc.constantFrom(...HOSTILE, ...WORDS, '', '"', ';', ',', '\n', "'=1"), fc.string({ maxLength: 6 }));

/** A CSV grid edited as a person or a program might break it. */
type Edit = { op: 'rename' | 'duplicate' | 'drop' | 'cell' | 'short' | 'repeat'; at: number; to: string };
function edit(grid: string[][], { op, at, to }: Edit): string[][] {
  const width = grid[0]!.length;
  const col = at % width;
  const row = grid[at % grid.length]!;
  if (op === 'rename') grid[0]![col] = to;
  if (op === 'duplicate') grid.forEach((r) => r.push(r[col] ?? ''));
  if (op === 'drop') grid.forEach((r) => r.splice(col, 1));
  if (op === 'cell') row[col] = to;
  if (op === 'short') row.pop();
  if (op === 'repeat') grid.push([...row]);
  return grid;
}
const editArb = fc.record({ op: fc.constantFrom('rename', 'duplicate', 'drop', 'cell', 'cell', 'short', 'repeat'), at: fc.nat(), to: junk }) as fc.Arbitrary<Edit>;
const csvFile = fc
  .tuple(links, fc.array(editArb, { maxLength: 3 }), fc.constantFrom(CSV_FORMATS.comma, CSV_FORMATS.semicolon))
  .map(([ls, edits, format]) => {
    const grid = edits.reduce(edit, [[...LINK_COLUMNS], ...ls.map((l) => LINK_COLUMNS.map((c) => linkToCells(l)[c]))]);
    return { text: formatCsv(grid, format), header: grid[0]! };
  });
const geoJsonFile = mutated(links.map((ls) => linksToGeoJson(ls, POSITIONS)), FIELDS, WORDS, ['set', 'delete', 'replace', 'inherit']);

/** Deep copy without hostile keys: what a reader that treats them as data must read the same. */
function withoutHostile(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const out: object = Array.isArray(value) ? new Array(value.length) : Object.create(Object.getPrototypeOf(value) as object | null);
  for (const k of Object.keys(value)) if (!(HOSTILE as readonly string[]).includes(k)) put(out, k, withoutHostile((value as Record<string, unknown>)[k]));
  return out;
}

function expectWellFormed(result: ImportResult) {
  if (result.ok) expect(hostileKeys(result.links)).toEqual([]);
  else {
    expect(result.errors.length).toBeGreaterThan(0);
    expect(result.errors.every((e) => bilingual(e.reason))).toBe(true);
  }
}

describe('the link CSV reader, fuzzed (seeded)', () => {
  it('never throws, refuses with reasons in both languages at their lines, and refuses a column named twice', () => {
    fc.assert(
      fc.property(csvFile, ({ text, header }) => {
        const result = importLinksCsv(text, CONTEXT);
        expectWellFormed(result);
        if (!result.ok) expect(result.errors.every((e) => Number.isInteger(e.line) && e.line! >= 1)).toBe(true);
        else expect(importLinksCsv(linksToCsv(result.links), CONTEXT)).toEqual(result);
        if (new Set(header).size < header.length && header.some((h) => (LINK_COLUMNS as readonly string[]).includes(h))) {
          const twice = header.filter((h, i) => header.indexOf(h) !== i);
          if (twice.some((h) => (LINK_COLUMNS as readonly string[]).includes(h))) expect(result.ok).toBe(false);
        }
      }),
      { numRuns: 3000, seed: SEED },
    );
  });
});

describe('the link GeoJSON reader, fuzzed (seeded)', () => {
  it('never throws nor writes to its input, reads own properties only, and treats hostile keys as data', () => {
    fc.assert(
      fc.property(geoJsonFile, (raw) => {
        const asText = JSON.stringify(raw) ?? 'null';
        const plain = withoutHostile(raw);
        const result = importLinksGeoJson(deepFreeze(raw), CONTEXT);
        expectWellFormed(result);
        // JSON keeps own properties only: an inherited property must not have been read.
        expect(result).toEqual(importLinksGeoJson(asText, CONTEXT));
        // A hostile key is a foreign member or property: read as data, it changes nothing.
        expect(result).toEqual(importLinksGeoJson(plain, CONTEXT));
      }),
      { numRuns: 3000, seed: SEED },
    );
  });

  it('reads nothing a feature’s properties inherit', () => {
    const fcol = copy(linksToGeoJson(SAMPLE.slice(0, 1), POSITIONS)) as { features: { properties: object }[] };
    fcol.features[0]!.properties = Object.create(fcol.features[0]!.properties) as object;
    const result = importLinksGeoJson(fcol, CONTEXT);
    expect(result.ok).toBe(false);
  });
});

describe('importing a link file into the store', () => {
  const dataset = committedDataset();
  const shipped = (JSON.parse(readFileSync(new URL('../../../public/data/links.json', import.meta.url), 'utf8')) as Link[]).slice(0, 5);
  it('changes nothing when the file is refused (fuzzed, seeded)', () => {
    const store = createAppStore('en');
    store.getState().setDataset(dataset);
    store.setState({ shippedLinks: shipped });
    const file = fc.oneof(csvFile.map(({ text }) => ({ text, format: 'csv' as const })), geoJsonFile.map((g) => ({ text: JSON.stringify(g) ?? '', format: 'geojson' as const })));
    fc.assert(
      fc.property(file, ({ text, format }) => {
        const before = store.getState();
        const result = importLinks(store, text, format);
        if (result.ok) store.setState(before, true);
        else {
          expect(result.errors.every((e) => bilingual(e.reason))).toBe(true);
          expect(store.getState()).toBe(before);
        }
      }),
      { numRuns: 500, seed: SEED },
    );
  });
});
