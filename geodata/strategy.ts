import { readCsvInput } from './csvInput.ts';
import type { StrategyFacts } from '../src/domain/strategy.ts';
import { PipelineError } from './errors.ts';

const KINDS = { dimension: 'dimensions', cooperation_field: 'fields', common_challenge: 'challenges', headline_claim: 'claims', event: 'events' } as const;

/**
 * Reads the strategy's own statements (`geodata/inputs/strategy_llpa_2027.csv`: its three
 * dimensions, five cooperation fields, common challenges and headline claims, each with the page
 * it came from) so that the app quotes them with their source instead of typing them in.
 */
export function readStrategy(text: string, file: string): StrategyFacts {
  const records = readCsvInput(text, file, ['dimension_or_field', 'item', 'source']);
  const out: StrategyFacts = { dimensions: [], fields: [], challenges: [], claims: [], events: [] };
  for (const { line, values: v } of records) {
    const kind = v.dimension_or_field as keyof typeof KINDS;
    if (!(kind in KINDS)) throw new PipelineError(file, line, `unknown kind "${v.dimension_or_field}" (expected ${Object.keys(KINDS).join(', ')})`);
    out[KINDS[kind]].push({ text: v.item ?? '', source: v.source ?? '' });
  }
  return out;
}
