import { describe, expect, it } from 'vitest';
import { packIndicatorFile, unpackIndicatorFile } from '../../src/domain/indicatorFile.ts';
import type { IndicatorData } from '../../src/domain/indicators.ts';
import { observationCount, variantIndicators } from './variants.ts';

const file = JSON.stringify(
  packIndicatorFile({
    indicators: [{ id: 'a' }, { id: 'b' }] as IndicatorData['indicators'],
    sources: ['s'],
    observations: [
      { geo: 'X', indicator: 'a', year: '2026', value: 1, note: 'n', source: 0, notePair: { lv: 'n', en: 'n' } },
      { geo: 'Y', indicator: 'b', year: '2026', value: 2, source: 0 },
    ],
  }),
);
const read = (text: string) => unpackIndicatorFile(JSON.parse(text), 'indicators.json');

describe('the memory A/B variants of the indicators file', () => {
  it('strips the notes and keeps everything else, in the shipped form', () => {
    const text = variantIndicators(file, 'without-notes', 'a');
    expect(JSON.parse(text)).toMatchObject({ format: 2, notes: [] });
    const out = read(text);
    expect(out.observations).toStrictEqual([
      { geo: 'X', indicator: 'a', year: '2026', value: 1, source: 0 },
      { geo: 'Y', indicator: 'b', year: '2026', value: 2, source: 0 },
    ]);
    expect(out.indicators).toHaveLength(2);
  });
  it('keeps only the first view’s indicator', () => {
    expect(read(variantIndicators(file, 'first-view-only', 'a')).observations.map((o) => o.geo)).toEqual(['X']);
  });
  it('counts observations and those with a note', () => {
    expect(observationCount(file)).toEqual({ observations: 2, withNotes: 1 });
  });
});
