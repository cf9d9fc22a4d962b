import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IndicatorFileError, packIndicatorFile, unpackIndicatorFile, type IndicatorFile } from '../../src/domain/indicatorFile.ts';
import type { IndicatorData, Observation } from '../../src/domain/indicators.ts';

const shippedText = readFileSync(new URL('../../public/data/indicators.json', import.meta.url), 'utf8');
const shipped = (): IndicatorData => unpackIndicatorFile(JSON.parse(shippedText), 'indicators.json');
/** Through the file as it is written and read: pack, JSON text, parse, unpack. */
const roundTrip = (data: IndicatorData) => unpackIndicatorFile(JSON.parse(JSON.stringify(packIndicatorFile(data))), 'x.json');

const fixture: IndicatorData = {
  indicators: [{ id: 'a' }, { id: 'b' }] as IndicatorData['indicators'],
  sources: ['s0', 's1'],
  observations: [
    { geo: 'X', indicator: 'a', year: '2025', value: 1, note: 'n', source: 0, notePair: { lv: 'n lv', en: 'n' } },
    { geo: 'Y', indicator: 'a', year: '2025', value: 2.5, note: 'n', source: 1, notePair: { lv: 'n lv', en: 'n' } },
    { geo: 'Y', indicator: 'a', year: '2026', value: 3, note: 'n', source: 1, notePair: { lv: 'cits', en: 'n' } },
    { geo: 'Z', indicator: 'a', year: '2026', value: 4, note: 'plain', source: 0 },
    { geo: 'X', indicator: 'b', year: '2026', value: -1, computed: { lv: 'aprēķināts', en: 'computed' }, source: 0 },
    { geo: 'Y', indicator: 'b', year: '2026', value: 0, source: 1 },
  ],
};

describe('the indicators file', () => {
  it('gives back the shipped data exactly, in order and key order', () => {
    const data = shipped();
    expect(data.observations.length).toBeGreaterThan(1000);
    const again = roundTrip(data);
    expect(again).toStrictEqual(data);
    expect(JSON.stringify(again)).toBe(JSON.stringify(data));
  });

  it('gives back a fixture with a note in two pairs, a note without a pair and a computed value', () => {
    expect(JSON.stringify(roundTrip(fixture))).toBe(JSON.stringify(fixture));
  });

  it('stores each note once and shares it between the observations', () => {
    const file = JSON.parse(JSON.stringify(packIndicatorFile(fixture))) as IndicatorFile;
    expect(file.notes).toEqual(['n', 'n', 'plain']);
    expect(file.notePairs).toEqual([{ lv: 'n lv', en: 'n' }, { lv: 'cits', en: 'n' }, null]);
    const [x, y] = unpackIndicatorFile(file, 'x.json').observations;
    expect(x!.notePair).toBe(y!.notePair);
    const data = shipped();
    const withPair = data.observations.filter((o) => o.notePair);
    const twin = withPair.find((o) => o !== withPair[0] && o.note === withPair[0]!.note);
    expect(twin?.notePair).toBe(withPair[0]!.notePair);
  });

  it('adds no key that was absent, and writes no column that would be empty', () => {
    const out = roundTrip(fixture).observations;
    expect(Object.keys(out[3]!)).toEqual(['geo', 'indicator', 'year', 'value', 'note', 'source']);
    expect(Object.keys(out[5]!)).toEqual(['geo', 'indicator', 'year', 'value', 'source']);
    const file = packIndicatorFile({ ...fixture, observations: fixture.observations.filter((o) => o.indicator === 'b') });
    expect(file).not.toHaveProperty('notePairs');
    expect(file).not.toHaveProperty('sourcePairs');
    expect(Object.keys(file.series[0]!)).toEqual(['indicator', 'geo', 'year', 'value', 'source', 'computed']);
    const noNotes = packIndicatorFile({ ...fixture, observations: fixture.observations.map(({ note: _n, notePair: _p, ...o }): Observation => o) });
    expect(noNotes.notes).toEqual([]);
    expect(noNotes.series[0]).not.toHaveProperty('note');
  });

  const good = () => JSON.parse(JSON.stringify(packIndicatorFile(fixture))) as Record<string, unknown> & IndicatorFile;
  const refusals: [string, (f: ReturnType<typeof good>) => unknown, RegExp][] = [
    ['no series', (f) => delete (f as Partial<IndicatorFile>).series, /^series is not an array$/],
    ['a column shorter than the others', (f) => f.series[0]!.year.pop(), /^series\[0\] \(a\): year has 3 entries, not 4$/],
    ['a note index out of range', (f) => (f.series[0]!.note![1] = 7), /^series\[0\] \(a\): note\[1\] is 7, not an index of notes \(3 entries\)$/],
    ['a value that is not a finite number', (f) => (f.series[1]!.value[0] = Infinity), /^series\[1\] \(b\): value\[0\] is not a finite number$/],
    ['a value that is null (NaN in JSON)', (f) => ((f.series[1]!.value as unknown[])[1] = null), /^series\[1\] \(b\): value\[1\] is not a finite number$/],
    ['a place index out of range', (f) => (f.series[1]!.geo[0] = -1), /geo\[0\] is -1, not an index of geos/],
    ['a source index out of range', (f) => (f.series[1]!.source[0] = 2), /source\[0\] is 2, not an index of sources \(2 entries\)/],
    ['note pairs not beside the notes', (f) => f.notePairs!.pop(), /^notePairs has 2 entries, not 3$/],
    ['a computed text that is not a pair', (f) => ((f.series[1]!.computed as unknown[])[0] = 'x'), /computed\[0\] is neither \{lv, en\} nor null/],
    ['another format', (f) => (f.format = 3 as 2), /^format 3, expected 2$/],
    ['the older format', () => ({ indicators: [], sources: [], observations: [] }), /older format/],
  ];
  for (const [what, spoil, reason] of refusals) {
    it(`refuses a file with ${what}, naming the file`, () => {
      const f = good();
      const changed = spoil(f);
      const file = what === 'the older format' ? changed : f;
      let error: unknown;
      try {
        unpackIndicatorFile(file, 'indicators.json');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(IndicatorFileError);
      expect((error as IndicatorFileError).file).toBe('indicators.json');
      expect((error as IndicatorFileError).reason).toMatch(reason);
    });
  }
});
