import { readCsvInput } from './csvInput.ts';
import { PipelineError } from './errors.ts';
import type { IndicatorData, Observation, TextPair } from '../src/domain/indicators.ts';

/** One row of `indicator_text_pairs.csv`: a text exactly as an input file writes it, with its Latvian and English renderings. */
export interface TextPairRow extends TextPair {
  text: string;
  line: number;
}

/**
 * Reads `inputs/indicator_text_pairs.csv` (`text,lv,en`): for a provenance line (`source`) or a
 * note (`note`) of the indicator files, written there in one language, this project's Latvian and
 * English renderings. `text` is the whole text, exactly as the file writes it. A row without
 * `text`, `lv` or `en`, or a text given twice, stops the build at that line.
 */
export function readTextPairs(text: string, file: string): TextPairRow[] {
  const rows: TextPairRow[] = [];
  const seen = new Map<string, number>();
  for (const { line, values: v } of readCsvInput(text, file, ['text', 'lv', 'en'])) {
    const original = v.text ?? '';
    const lv = (v.lv ?? '').trim();
    const en = (v.en ?? '').trim();
    if (original.trim() === '') throw new PipelineError(file, line, 'empty text: copy the source or note exactly as its indicator file writes it');
    if (!lv || !en) throw new PipelineError(file, line, `"${original}" needs both its Latvian (lv) and English (en) text`);
    const before = seen.get(original);
    if (before !== undefined) throw new PipelineError(file, line, `"${original}" is already given on line ${before}`);
    seen.set(original, line);
    rows.push({ text: original, lv, en, line });
  }
  return rows;
}

/**
 * Carries the pairs into the packed indicators: `sourcePairs` beside `sources` (null for a line
 * without a pair; absent when no line has one) and `notePair` on each observation whose note has
 * one. A pair whose text is no longer any source or note of the data (the input file changed, or
 * its rows are no longer read) stops the build at its line, so that the table cannot hold stale
 * translations.
 */
export function applyTextPairs(data: IndicatorData, pairs: readonly TextPairRow[], file: string): IndicatorData {
  const byText = new Map(pairs.map((p) => [p.text, p]));
  const used = new Set<string>();
  const pairOf = (text: string): TextPair | null => {
    const p = byText.get(text);
    if (!p) return null;
    used.add(text);
    return { lv: p.lv, en: p.en };
  };
  const sourcePairs = data.sources.map(pairOf);
  const observations = data.observations.map((o): Observation => {
    const pair = o.note === undefined ? null : pairOf(o.note);
    return pair ? { ...o, notePair: pair } : o;
  });
  const stale = pairs.find((p) => !used.has(p.text));
  if (stale) throw new PipelineError(file, stale.line, `"${stale.text}" is no source or note of the indicator data (no longer in an indicator file, or its rows are not read): correct its text to match the file exactly, or remove the row`);
  return {
    indicators: data.indicators,
    sources: data.sources,
    ...(sourcePairs.some((p) => p !== null) && { sourcePairs }),
    observations,
  };
}
