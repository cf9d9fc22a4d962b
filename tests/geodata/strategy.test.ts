import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readStrategy } from '../../geodata/strategy.ts';
import { pipelineError } from './fixtures/pipelineError.ts';

const FILE = 'geodata/inputs/strategy_llpa_2027.csv';
const shipped = readStrategy(readFileSync(new URL(`../../${FILE}`, import.meta.url), 'utf8'), FILE);
const HEADER = 'dimension_or_field,item_lv,item_en,note_lv,note_en,source';

describe('the strategy statements', () => {
  it('quote the strategy in its Latvian words, with English only where the project words a statement itself', () => {
    expect(shipped.claims.map((c) => c.text)).toEqual([
      { lv: 'valstspilsētas aizņem ~1% teritorijas, tajās dzīvo >1/2 iedzīvotāju, rada ~70% IKP', en: '' },
      { lv: 'LLPA pārstāv >50% iedzīvotāju un >75% IKP', en: '' },
    ]);
    // The remark on the older wording is the project's, in both languages, not part of the quotation.
    expect(shipped.claims[1]!.note).toEqual({ lv: 'vecāks LLPA lapas formulējums', en: 'older LLPA page wording' });
    expect(shipped.dimensions.map((d) => d.text)).toEqual([
      { lv: 'ekonomiskā', en: 'economic' },
      { lv: 'sociālā', en: 'social' },
      { lv: 'vides', en: 'environmental' },
    ]);
    expect(shipped.events.every((e) => e.text.lv !== '' && e.text.en !== '')).toBe(true);
  });

  it('refuse a statement without its Latvian words, and a remark in one language only', () => {
    expect(pipelineError(() => readStrategy(`${HEADER}\nheadline_claim,,a claim,,,https://x.lv/\n`, 'f.csv')).message).toMatch(/f\.csv.*line 2.*item_lv is empty/);
    expect(pipelineError(() => readStrategy(`${HEADER}\nheadline_claim,apgalvojums,,piezīme,,https://x.lv/\n`, 'f.csv')).message).toMatch(/note needs both note_lv and note_en/);
  });
});
