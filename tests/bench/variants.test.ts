import { describe, expect, it } from 'vitest';
import { observationCount, variantIndicators } from './variants.ts';

const file = JSON.stringify({
  indicators: [{ id: 'a' }, { id: 'b' }],
  observations: [
    { geo: 'X', indicator: 'a', year: '2026', value: 1, note: 'n', notePair: { lv: 'n', en: 'n' } },
    { geo: 'Y', indicator: 'b', year: '2026', value: 2 },
  ],
});

describe('the memory A/B variants of the indicators file', () => {
  it('strips the notes and keeps everything else', () => {
    const out = JSON.parse(variantIndicators(file, 'without-notes', 'a'));
    expect(out.observations).toEqual([
      { geo: 'X', indicator: 'a', year: '2026', value: 1 },
      { geo: 'Y', indicator: 'b', year: '2026', value: 2 },
    ]);
    expect(out.indicators).toHaveLength(2);
  });
  it('keeps only the first view’s indicator', () => {
    expect(JSON.parse(variantIndicators(file, 'first-view-only', 'a')).observations.map((o: { geo: string }) => o.geo)).toEqual(['X']);
  });
  it('counts observations and those with a note', () => {
    expect(observationCount(file)).toEqual({ observations: 2, withNotes: 1 });
  });
});
