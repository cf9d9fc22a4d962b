/**
 * The A/B variants of the memory figure: the app loaded with its indicators file changed, served in
 * place of the file (as the synthetic sizes are), to see what holds the app's heap. The app itself
 * is not changed. The file is read and written in its shipped form (src/domain/indicatorFile.ts).
 */
import { packIndicatorFile, unpackIndicatorFile } from '../../src/domain/indicatorFile.ts';
import type { IndicatorData } from '../../src/domain/indicators.ts';

export type HeapVariant = 'without-notes' | 'first-view-only';

/** What each variant serves, for the report. */
export const HEAP_VARIANTS: Record<HeapVariant, string> = {
  'without-notes': 'every observation without its note (`note`, `notePair`)',
  'first-view-only': 'only the observations of the first view’s indicator',
};

const read = (text: string): IndicatorData => unpackIndicatorFile(JSON.parse(text), 'indicators.json');

/** The indicators file of a variant: observations without their notes, or only those of `indicator`. */
export function variantIndicators(text: string, variant: HeapVariant, indicator: string): string {
  const data = read(text);
  const observations =
    variant === 'without-notes'
      ? data.observations.map(({ note: _note, notePair: _pair, ...rest }) => rest)
      : data.observations.filter((o) => o.indicator === indicator);
  return JSON.stringify(packIndicatorFile({ ...data, observations }));
}

/** How many observations an indicators file holds, and how many of them carry a note. */
export function observationCount(text: string): { observations: number; withNotes: number } {
  const data = read(text);
  return { observations: data.observations.length, withNotes: data.observations.filter((o) => o.note !== undefined || o.notePair !== undefined).length };
}
