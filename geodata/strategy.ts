import { readCsvInput } from './csvInput.ts';
import type { StrategyFacts, StrategyStatement } from '../src/domain/strategy.ts';
import { PipelineError } from './errors.ts';

const KINDS = { dimension: 'dimensions', cooperation_field: 'fields', common_challenge: 'challenges', headline_claim: 'claims', event: 'events' } as const;

/**
 * Reads the strategy's own statements (`geodata/inputs/strategy_llpa_2027.csv`: its three
 * dimensions, five cooperation fields, common challenges and headline claims, each with the page
 * it came from) so that the app quotes them with their source instead of typing them in. Each
 * has its Latvian words (`item_lv`, required) and English ones where they exist (`item_en`: '' for
 * a quotation the strategy publishes in Latvian only), and an optional remark in both languages.
 */
export function readStrategy(text: string, file: string): StrategyFacts {
  const records = readCsvInput(text, file, ['dimension_or_field', 'item_lv', 'item_en', 'note_lv', 'note_en', 'source']);
  const out: StrategyFacts = { dimensions: [], fields: [], challenges: [], claims: [], events: [] };
  for (const { line, values: v } of records) {
    const kind = v.dimension_or_field as keyof typeof KINDS;
    if (!(kind in KINDS)) throw new PipelineError(file, line, `unknown kind "${v.dimension_or_field}" (expected ${Object.keys(KINDS).join(', ')})`);
    if (!(v.item_lv ?? '').trim()) throw new PipelineError(file, line, 'item_lv is empty: every statement has the strategy\'s Latvian words');
    const [noteLv, noteEn] = [(v.note_lv ?? '').trim(), (v.note_en ?? '').trim()];
    if ((noteLv === '') !== (noteEn === '')) throw new PipelineError(file, line, 'a note needs both note_lv and note_en');
    const statement: StrategyStatement = { text: { lv: (v.item_lv ?? '').trim(), en: (v.item_en ?? '').trim() }, source: v.source ?? '' };
    if (noteLv) statement.note = { lv: noteLv, en: noteEn };
    out[KINDS[kind]].push(statement);
  }
  return out;
}
