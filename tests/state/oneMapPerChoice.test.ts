import { describe, expect, it } from 'vitest';
import { selectChoropleth } from '../../src/state/derived.ts';
import { createAppStore } from '../../src/state/store.ts';
import { decodeViewState } from '../../src/state/urlState.ts';
import { applyViewState, viewContextOf } from '../../src/state/viewSync.ts';
import { committedDataset } from './hinterlandDataset.ts';

function storeAt(search: string) {
  const s = createAppStore('en');
  s.getState().setDataset(committedDataset());
  applyViewState(s, decodeViewState(search, viewContextOf(s.getState().dataset!)).state);
  return s;
}

describe('one map per choice', () => {
  it('a link naming an indicator without a year opens it at its latest year, as the picker does', () => {
    expect(storeAt('i=city_density').getState().choropleth.year).toBe('2025');
    expect(storeAt('i=median_age').getState().choropleth.year).toBe('2026');
  });

  it('the first view and a link to the same indicator draw the same year and breaks', () => {
    const first = storeAt('');
    const again = storeAt('i=population_1jan');
    expect(again.getState().choropleth).toEqual(first.getState().choropleth);
    expect(selectChoropleth(again.getState())?.breaks).toEqual(selectChoropleth(first.getState())?.breaks);
  });
});
