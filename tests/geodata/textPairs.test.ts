import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../geodata/dataset.ts';
import { applyTextPairs, readTextPairs } from '../../geodata/textPairs.ts';
import { unpackIndicatorFile } from '../../src/domain/indicatorFile.ts';
import type { IndicatorData } from '../../src/domain/indicators.ts';
import { DEMOGRAPHY_CSV, worldInputs } from './fixtures/world.ts';
import { pipelineError } from './fixtures/pipelineError.ts';

const FILE = 'geodata/inputs/indicator_text_pairs.csv';
const repo = (path: string) => readFileSync(fileURLToPath(new URL(`../../${path}`, import.meta.url)), 'utf8');

describe('indicator_text_pairs.csv: sources and notes of the indicator files in both languages', () => {
  it('reads each text with its Latvian and English rendering, quoted fields and all', () => {
    const pairs = readTextPairs(`text,lv,en\n"CSP export 'Publiskās bibliotēkas', indicator Bibliotēku skaits","CSP eksports 'Publiskās bibliotēkas', rādītājs Bibliotēku skaits","CSP export 'Public libraries', indicator Number of libraries"\nnational,valstī kopā,national\n`, FILE);
    expect(pairs).toEqual([
      { text: "CSP export 'Publiskās bibliotēkas', indicator Bibliotēku skaits", lv: "CSP eksports 'Publiskās bibliotēkas', rādītājs Bibliotēku skaits", en: "CSP export 'Public libraries', indicator Number of libraries", line: 2 },
      { text: 'national', lv: 'valstī kopā', en: 'national', line: 3 },
    ]);
  });

  it('stops at the line of a row without a language, without a text, or given twice', () => {
    expect(pipelineError(() => readTextPairs('text,lv,en\nnational,valstī kopā,\n', FILE))).toMatchObject({ file: FILE, line: 2 });
    expect(pipelineError(() => readTextPairs('text,lv,en\n,valstī kopā,national\n', FILE))).toMatchObject({ file: FILE, line: 2 });
    const twice = pipelineError(() => readTextPairs('text,lv,en\nnational,valstī kopā,national\nnational,valstī,national\n', FILE));
    expect(twice).toMatchObject({ file: FILE, line: 3 });
    expect(twice.reason).toContain('line 2');
    expect(pipelineError(() => readTextPairs('text,lv\nnational,valstī kopā\n', FILE)).reason).toContain('en');
  });

  const data: IndicatorData = {
    indicators: [],
    sources: ['CSP IRD041', "CSP export 'Meža zeme'"],
    observations: [
      { geo: 'A', indicator: 'x', year: '2025', value: 1, source: 1, note: 'seven novadi (listed)' },
      { geo: 'B', indicator: 'x', year: '2025', value: 2, source: 0, note: 'not paired' },
      { geo: 'C', indicator: 'x', year: '2025', value: 3, source: 0 },
    ],
  };
  const pairs = readTextPairs(
    `text,lv,en\n"CSP export 'Meža zeme'","CSP eksports 'Meža zeme'","CSP export 'Forest land'"\nseven novadi (listed),septiņi novadi (uzskaitīti),seven municipalities (listed)\n`,
    FILE,
  );

  it('carries a source’s pair beside it and a note’s pair on its observation, leaving the texts as written', () => {
    const paired = applyTextPairs(data, pairs, FILE);
    expect(paired.sources).toEqual(data.sources);
    expect(paired.sourcePairs).toEqual([null, { lv: "CSP eksports 'Meža zeme'", en: "CSP export 'Forest land'" }]);
    expect(paired.observations).toEqual([
      { ...data.observations[0], notePair: { lv: 'septiņi novadi (uzskaitīti)', en: 'seven municipalities (listed)' } },
      data.observations[1],
      data.observations[2],
    ]);
    // Fixed key order for a deterministic file: the pairs follow what they pair.
    expect(Object.keys(paired)).toEqual(['indicators', 'sources', 'sourcePairs', 'observations']);
  });

  it('adds no sourcePairs when no source has a pair', () => {
    const notesOnly = applyTextPairs(data, pairs.slice(1), FILE);
    expect(notesOnly).not.toHaveProperty('sourcePairs');
    expect(notesOnly.observations[0]!.notePair).toEqual({ lv: 'septiņi novadi (uzskaitīti)', en: 'seven municipalities (listed)' });
  });

  it('stops the build at a pair whose text is no longer a source or note of the data', () => {
    const stale = readTextPairs('text,lv,en\nseven novadi (listed),septiņi novadi (uzskaitīti),seven municipalities (listed)\nsix novadi (listed),seši novadi,six municipalities\n', FILE);
    const e = pipelineError(() => applyTextPairs(data, stale, FILE));
    expect(e).toMatchObject({ file: FILE, line: 3 });
    expect(e.reason).toContain('"six novadi (listed)" is no source or note of the indicator data');
  });

  it('is read by the pipeline: the packed observations carry the pair; a stale row stops the build', () => {
    const textPairs = { file: FILE, text: 'text,lv,en\nnational,valstī kopā,national\nCSP IRE031,CSP IRE031 (vecums),CSP IRE031 (age)\n' };
    const dataset = buildDataset(worldInputs({ textPairs }));
    const lv = dataset.indicators.observations.find((o) => o.geo === 'LV' && o.indicator === 'population_1jan')!;
    expect(lv).toMatchObject({ note: 'national', notePair: { lv: 'valstī kopā', en: 'national' } });
    const ire = dataset.indicators.sources.indexOf('CSP IRE031');
    expect(dataset.indicators.sourcePairs![ire]).toEqual({ lv: 'CSP IRE031 (vecums)', en: 'CSP IRE031 (age)' });
    expect(dataset.indicators.sourcePairs![dataset.indicators.sources.indexOf('CSP IRD041')]).toBeNull();
    // The input file's note changed: its old pair no longer matches and the build says where.
    const edited = DEMOGRAPHY_CSV.replace('persons,CSP IRD041,national', 'persons,CSP IRD041,Latvia');
    const e = pipelineError(() => buildDataset(worldInputs({ textPairs, indicators: [{ file: 'geodata/inputs/indicators/demography.csv', text: edited }] })));
    expect(e).toMatchObject({ file: FILE, line: 2 });
  });
});

describe('the project’s pairs and the shipped indicators.json', () => {
  const shipped: IndicatorData = unpackIndicatorFile(JSON.parse(repo('public/data/indicators.json')), 'indicators.json');
  const table = readTextPairs(repo(FILE), FILE);

  it('every row of the table pairs a source or a note the shipped data carry', () => {
    const pairOf = new Map<string, { lv: string; en: string }>();
    shipped.sources.forEach((s, i) => shipped.sourcePairs?.[i] && pairOf.set(s, shipped.sourcePairs[i]!));
    for (const o of shipped.observations) if (o.note && o.notePair) pairOf.set(o.note, o.notePair);
    for (const row of table) expect(pairOf.get(row.text), `line ${row.line}`).toEqual({ lv: row.lv, en: row.en });
  });

  it('the texts the English interface showed with Latvian words are paired with English without them', () => {
    const awaited = [
      "'Publiskās bibliotēkas valstspilsētās un novados', indicator Bibliotēku skaits",
      "'Inventarizēto meža zemes platību sadalījums pa zemes kategorijām (ha)', Meža īpašuma forma=Pavisam",
      'Ministru kabineta rīkojums Nr. 212',
      "land category 'Meža zeme' (forest land, all ownership); Jēkabpils/Ogre/Valmiera cities listed separately by CSP; whether their novadi totals",
      'seven novadi (listed)',
    ];
    const english = [...(shipped.sourcePairs ?? []).map((p) => p?.en), ...shipped.observations.map((o) => o.notePair?.en)];
    for (const text of awaited) {
      const sources = shipped.sources.flatMap((s, i) => (s.includes(text) ? [i] : []));
      const notes = shipped.observations.filter((o) => o.note?.includes(text));
      expect(sources.length + notes.length, text).toBeGreaterThan(0);
      for (const i of sources) expect(shipped.sourcePairs?.[i]?.en, text).toBeTruthy();
      for (const o of notes) expect(o.notePair?.en, text).toBeTruthy();
    }
    for (const en of english) if (en) expect(en).not.toMatch(/Publiskās|Bibliotēku|Inventarizēto|Meža|rīkojums|\bnovadi\b/);
  });
});
