import { describe, expect, it } from 'vitest';
import { buildChoropleth } from '../../src/domain/choropleth.ts';
import { cityProfile } from '../../src/domain/cityProfile.ts';
import { parseCsvRecords } from '../../src/domain/csv.ts';
import { noteText, sourceText, type IndicatorData, type IndicatorMeta } from '../../src/domain/indicators.ts';
import { factsOf } from '../../src/domain/places.ts';
import { dataTextIn, provenanceLine, sourceProvenance } from '../../src/domain/provenance.ts';
import { choroplethRows, rowsToCsv } from '../../src/domain/table.ts';
import type { CityProps } from '../../src/domain/units.ts';
import { withUserIndicators, type UserIndicator } from '../../src/domain/userIndicators.ts';

const LIBRARY = "github:HKA-OSGIS/LatviaOSM-Check/data/raw/Library.csv@5bb1530e (CSP export 'Publiskās bibliotēkas valstspilsētās un novados', indicator Bibliotēku skaits)";
const LIBRARY_PAIR = {
  lv: "github:HKA-OSGIS/LatviaOSM-Check/data/raw/Library.csv@5bb1530e (CSP eksports 'Publiskās bibliotēkas valstspilsētās un novados', rādītājs Bibliotēku skaits)",
  en: "github:HKA-OSGIS/LatviaOSM-Check/data/raw/Library.csv@5bb1530e (CSP export 'Public libraries in state cities and municipalities', indicator Number of libraries)",
};
const PRESS = 'https://eng.lsm.lv/article/economy/x/ (CSB release 28.12.2023)';
const NOTE_PAIR = { lv: 'raksts: 2026. gadā iemaksas veic Rīga, Jūrmala un septiņi novadi (raksts tos uzskaita)', en: 'article: 2026 contributions by Rīga, Jūrmala and seven municipalities (listed)' };

const meta: IndicatorMeta = {
  id: 'libraries', nameLv: 'Bibliotēkas', nameEn: 'Libraries', dimension: 'social', unitLv: 'bibliotēkas', unitEn: 'libraries', kind: 'count', additive: true, polarity: 'neutral', sourceLabel: 'CSP', sourceUrl: 'https://stat.gov.lv/', noteEn: '',
};
const data: IndicatorData = {
  indicators: [meta],
  sources: [LIBRARY, PRESS],
  sourcePairs: [LIBRARY_PAIR, null],
  observations: [
    { geo: 'LV0001000', indicator: 'libraries', year: '2024', value: 40, source: 0, note: 'article: 2026 contributions by Rīga, Jūrmala and seven novadi (listed)', notePair: NOTE_PAIR },
    { geo: 'LV0002000', indicator: 'libraries', year: '2024', value: 12, source: 1, note: 'as published' },
  ],
};

describe('texts of the data given in both languages (sourcePairs, notePair)', () => {
  it('a source or a note is its pair where the data give one, else the text as written', () => {
    expect(sourceText(data, 0)).toEqual(LIBRARY_PAIR);
    expect(sourceText(data, 1)).toBe(PRESS);
    expect(sourceText(data, 2)).toBeNull();
    expect(sourceText({ sources: [LIBRARY] }, 0)).toBe(LIBRARY);
    expect(noteText(data.observations[0]!)).toEqual(NOTE_PAIR);
    expect(noteText(data.observations[1]!)).toBe('as published');
    expect(noteText({})).toBeUndefined();
  });

  it('a pair is read in the reader’s language; a text as written is English, the original', () => {
    expect(dataTextIn(LIBRARY_PAIR, 'lv')).toEqual({ text: LIBRARY_PAIR.lv, of: 'lv' });
    expect(dataTextIn(LIBRARY_PAIR, 'en')).toEqual({ text: LIBRARY_PAIR.en, of: 'en' });
    expect(dataTextIn({ lv: 'tikai latviski', en: '' }, 'en')).toEqual({ text: 'tikai latviski', of: 'lv' });
    expect(dataTextIn(PRESS, 'lv')).toEqual({ text: PRESS, of: 'en' });
  });

  it('names the carrier of a pair in each language, of a text as written in the reader’s', () => {
    expect(provenanceLine(LIBRARY_PAIR, 'lv')).toEqual({
      lv: "ar starpnieku GitHub HKA-OSGIS/LatviaOSM-Check (CSP eksports 'Publiskās bibliotēkas valstspilsētās un novados', rādītājs Bibliotēku skaits)",
      en: "via GitHub HKA-OSGIS/LatviaOSM-Check (CSP export 'Public libraries in state cities and municipalities', indicator Number of libraries)",
    });
    expect(provenanceLine(PRESS, 'lv')).toBe('ar starpnieku eng.lsm.lv (CSB release 28.12.2023)');
    expect(sourceProvenance(data, 0, 'en')).toEqual(provenanceLine(LIBRARY_PAIR, 'en'));
    expect(sourceProvenance(data, 5, 'en')).toBeNull();
  });

  it('a place’s facts and a city’s profile carry the source’s pair', () => {
    expect(factsOf(data, 'LV0001000')[0]!.source).toEqual(LIBRARY_PAIR);
    expect(factsOf(data, 'LV0002000')[0]!.source).toBe(PRESS);
    const riga: CityProps = { id: 'riga', nameLv: 'Rīga', nameEn: 'Rīga', unitCode: 'LV0001000', insideNovads: false, outlineCode: 'LV0001000', areaKm2: 304, order: 1 };
    expect(cityProfile(data, [riga], 'riga')[0]!.source).toEqual(LIBRARY_PAIR);
  });

  it('the table’s CSV gives the provenance in the reader’s language where the data pair it', () => {
    const places = [
      { geo: 'LV0001000', nameLv: 'Rīga', nameEn: 'Rīga' },
      { geo: 'LV0002000', nameLv: 'Daugavpils', nameEn: 'Daugavpils' },
    ];
    const choropleth = buildChoropleth(data, ['LV0001000', 'LV0002000'], { indicator: 'libraries', year: '2024', method: 'quantile', classes: 2, palette: 'blues' })!;
    const provenance = (lang: 'lv' | 'en') => {
      const rows = choroplethRows(choropleth, places, data, lang);
      return parseCsvRecords(rowsToCsv(rows, choropleth, lang)).records.map((r) => r.values.provenance);
    };
    expect(choroplethRows(choropleth, places, data, 'lv')[0]!.source).toEqual(LIBRARY_PAIR);
    expect(provenance('lv')).toEqual([
      "ar starpnieku GitHub HKA-OSGIS/LatviaOSM-Check (CSP eksports 'Publiskās bibliotēkas valstspilsētās un novados', rādītājs Bibliotēku skaits)",
      'ar starpnieku eng.lsm.lv (CSB release 28.12.2023)',
    ]);
    expect(provenance('en')).toEqual([
      "via GitHub HKA-OSGIS/LatviaOSM-Check (CSP export 'Public libraries in state cities and municipalities', indicator Number of libraries)",
      'via eng.lsm.lv (CSB release 28.12.2023)',
    ]);
  });

  it('a user’s imported indicator leaves the shipped pairs in place', () => {
    const user: UserIndicator = { meta: { ...meta, id: 'user:x', sourceLabel: 'mine.csv' }, observations: [{ geo: 'LV0001000', indicator: 'user:x', year: '2025', value: 1, source: 0 }], source: 'mine.csv', importedAt: '2026-01-01' };
    const merged = withUserIndicators(data, [user]);
    expect(sourceText(merged, 0)).toEqual(LIBRARY_PAIR);
    expect(sourceText(merged, 2)).toBe('mine.csv');
  });
});
