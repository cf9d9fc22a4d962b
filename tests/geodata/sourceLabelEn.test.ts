import { describe, expect, it } from 'vitest';
import { readCatalogue } from '../../geodata/catalogue.ts';
import { packIndicatorData, type RawObservation } from '../../geodata/indicators.ts';
import { sourceLabel } from '../../src/domain/provenance.ts';

const HEADER = 'id,name_lv,name_en,dimension,unit_lv,unit_en,kind,additive,polarity,source_label,source_label_en,source_url,note_lv,note_en';
const CATALOGUE = [
  HEADER,
  'libraries,Publiskās bibliotēkas,Public libraries,social,bibliotēkas,libraries,count,yes,neutral,"CSP, Publiskās bibliotēkas","CSP, Public libraries",https://stat/,P,N',
  'residents,Iedzīvotāji,Residents,social,iedzīvotāji,residents,count,yes,neutral,CSP IRD041,,https://stat/,P,N',
].join('\n');
const row = (indicator: string): RawObservation => ({ geo: 'LV0001000', indicator, year: '2024', value: 1, source: 'x', file: 'f.csv', line: 2 });

describe('an English source label (source_label_en in the catalogue)', () => {
  it('is shipped where the catalogue gives one, and shown to an English reader; Latvian keeps the source’s own label', () => {
    const data = packIndicatorData(readCatalogue(CATALOGUE, 'catalogue.csv'), [row('libraries'), row('residents')]);
    const [libraries, residents] = [data.indicators.find((i) => i.id === 'libraries')!, data.indicators.find((i) => i.id === 'residents')!];
    expect(libraries.sourceLabelEn).toBe('CSP, Public libraries');
    expect([sourceLabel(libraries, 'lv'), sourceLabel(libraries, 'en')]).toEqual(['CSP, Publiskās bibliotēkas', 'CSP, Public libraries']);
    expect('sourceLabelEn' in residents).toBe(false);
    expect(sourceLabel(residents, 'en')).toBe('CSP IRD041');
  });
});
