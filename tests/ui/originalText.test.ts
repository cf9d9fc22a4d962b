import { describe, expect, it } from 'vitest';
import type { IndicatorData } from '../../src/domain/indicators.ts';
import { noteText } from '../../src/domain/indicators.ts';
import { sourceProvenance } from '../../src/domain/provenance.ts';
import { provenanceTitle } from '../../src/ui/OriginalText.tsx';

const data: IndicatorData = {
  indicators: [],
  sources: ["github:HKA-OSGIS/LatviaOSM-Check/data/raw/Library.csv@5bb1530e (CSP export 'Publiskās bibliotēkas', indicator Bibliotēku skaits)", 'https://eng.lsm.lv/article/economy/x/ (CSB release 28.12.2023)'],
  sourcePairs: [
    {
      lv: "github:HKA-OSGIS/LatviaOSM-Check/data/raw/Library.csv@5bb1530e (CSP eksports 'Publiskās bibliotēkas', rādītājs Bibliotēku skaits)",
      en: "github:HKA-OSGIS/LatviaOSM-Check/data/raw/Library.csv@5bb1530e (CSP export 'Public libraries', indicator Number of libraries)",
    },
    null,
  ],
  observations: [
    { geo: 'A', indicator: 'x', year: '2024', value: 1, source: 0, note: 'seven novadi (listed)', notePair: { lv: 'septiņi novadi (raksts tos uzskaita)', en: 'seven municipalities (listed)' } },
    { geo: 'B', indicator: 'x', year: '2024', value: 2, source: 1, note: 'as published' },
  ],
};
const [paired, written] = data.observations as [IndicatorData['observations'][number], IndicatorData['observations'][number]];

describe('provenance in a tooltip, one language at a time', () => {
  it('shows a line the data pair in the reader’s language, unmarked', () => {
    expect(provenanceTitle([sourceProvenance(data, 0, 'en'), noteText(paired)], 'en')).toBe("via GitHub HKA-OSGIS/LatviaOSM-Check (CSP export 'Public libraries', indicator Number of libraries)\nseven municipalities (listed)");
    expect(provenanceTitle([sourceProvenance(data, 0, 'lv'), noteText(paired)], 'lv')).toBe("ar starpnieku GitHub HKA-OSGIS/LatviaOSM-Check (CSP eksports 'Publiskās bibliotēkas', rādītājs Bibliotēku skaits)\nseptiņi novadi (raksts tos uzskaita)");
  });

  it('shows a line without a pair as written, marked for a Latvian reader, and skips empty lines', () => {
    expect(provenanceTitle([sourceProvenance(data, 1, 'lv'), noteText(written)], 'lv')).toBe('ar starpnieku eng.lsm.lv (CSB release 28.12.2023) (angliski)\nas published (angliski)');
    expect(provenanceTitle([sourceProvenance(data, 1, 'en'), null, undefined, ''], 'en')).toBe('via eng.lsm.lv (CSB release 28.12.2023)');
  });
});
