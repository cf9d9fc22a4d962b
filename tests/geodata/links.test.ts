import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PipelineError } from '../../geodata/errors.ts';
import { englishWording, latvianWording, readShippedLinks, type LinkInputs } from '../../geodata/links.ts';
import { endKey, type Link } from '../../src/domain/links/model.ts';
import { linkStatus } from '../../src/domain/links/period.ts';
import { validateLinks } from '../../src/domain/links/validate.ts';
import { pipelineError } from './fixtures/pipelineError.ts';

const read = (name: string) => ({ file: `geodata/inputs/${name}`, text: readFileSync(new URL(`../../geodata/inputs/${name}`, import.meta.url), 'utf8') });
const INPUTS: LinkInputs = {
  links: [read('cooperation_links.csv'), read('cooperation_links_more.csv')],
  organisations: read('organisations.csv'),
  cities: read('cities.csv'),
  units: read('units.csv'),
  asOf: '2025-07-01',
};
const links = readShippedLinks(INPUTS);
const other = (l: Link, key: string) => (endKey(l.from) === key ? l.to : l.from);

describe('the shipped links', () => {
  it('are the 194 documented rows left after curation (31 + 163), by type', () => {
    expect(links).toHaveLength(194);
    const byType: Record<string, number> = {};
    for (const l of links) byType[l.type] = (byType[l.type] ?? 0) + 1;
    expect(byType).toEqual({
      membership: 10, network_membership: 10, association_of_municipalities: 9, joint_project: 26, agreement: 7,
      joint_planning_document: 6, shared_company: 6, joint_body: 3, transport_link: 10, exchange_visit: 3, sister_city: 104,
    });
  });

  it('are deterministic, valid and have unique ids', () => {
    expect(JSON.stringify(readShippedLinks(INPUTS))).toBe(JSON.stringify(links));
    expect(new Set(links.map((l) => l.id)).size).toBe(links.length);
    const cityIds = new Set(['riga', 'daugavpils', 'jelgava', 'jurmala', 'liepaja', 'rezekne', 'ventspils', 'valmiera', 'jekabpils', 'ogre']);
    const unitCodes = new Set(links.flatMap((l) => [l.from, l.to]).flatMap((e) => (e.kind === 'unit' ? [e.code] : [])));
    expect(validateLinks(links, { cityIds, unitCodes })).toEqual([]);
  });

  it('model LLPA membership as city ↔ association (seated in Rīga), never city ↔ city, for all ten cities', () => {
    const memberships = links.filter((l) => l.type === 'membership');
    expect(memberships.map((l) => [l.from.kind, endKey(l.to)])).toEqual(Array(10).fill(['city', 'org:llpa']));
    const llpa = memberships[0]!.to;
    expect(llpa.kind === 'organisation' && llpa.at).toEqual({ seat: 'riga' });
    expect(links.some((l) => l.description.en.includes('presidency'))).toBe(false);
  });

  it('mark the 55 rows the source flags, and more by the documented rules', () => {
    const more = links.filter((l) => l.description.lv !== '');
    expect(more).toHaveLength(163);
    expect(more.filter((l) => l.uncertainReason?.en.includes('Marked as uncertain in the source'))).toHaveLength(55);
    expect(links.filter((l) => l.uncertain)).toHaveLength(66);
  });

  it('keep each text in one language: English markers of the Latvian table and Latvian unit names of the English table are given in the language of the text', () => {
    const latvian = links.flatMap((l) => [l.description.lv, l.note.lv, l.period.fromText ?? '', l.period.toText ?? '']).filter((t) => t !== '');
    expect(latvian.filter((t) => /\bUNCERTAIN\b|\bcountry:/.test(t))).toEqual([]);
    expect(latvian.filter((t) => /\bnedrošs\b/i.test(t)).length).toBeGreaterThan(10);
    const english = links.flatMap((l) => [l.description.en, l.note.en]).filter((t) => t !== '');
    expect(english.filter((t) => /\bnovad(s|i)\b/.test(t))).toEqual([]);
    expect(latvianWording('Gala datums nav atrasts (UNCERTAIN). UNCERTAIN gads; country: SE')).toBe('Gala datums nav atrasts (nedrošs). Nedrošs gads; valsts: SE');
    expect(englishWording("pre-2021 members: Ikšķile (only part of today's Ogres novads); post-2021 novadi", new Map([['Ogres novads', 'Ogre municipality']]))).toBe(
      "pre-2021 members: Ikšķile (only part of today's Ogre municipality); post-2021 municipalities",
    );
  });

  it('never present a Russian or Belarusian sister city as current', () => {
    const ruBy = links.filter((l) => l.type === 'sister_city' && [l.from, l.to].some((e) => e.kind === 'organisation' && (e.country === 'RU' || e.country === 'BY')));
    expect(ruBy).toHaveLength(23);
    expect(ruBy.filter((l) => linkStatus(l, '2026-01-01') === 'current')).toEqual([]);
    const magadan = ruBy.find((l) => endKey(l.to) === 'org:magadan')!;
    expect(magadan.period).toEqual({ from: '2006-08-18', to: '2022', toText: '2022 (apturēts)' });
  });

  it('put each text in the slot of its source’s language and leave the other empty', () => {
    const rail = links.find((l) => l.type === 'transport_link')!;
    expect(rail.description).toEqual({ lv: '', en: '6 trains each direction per day (one express, one with change at Aizkraukle)' });
    expect(rail.period).toEqual({ from: '2025-12', fromQualifier: 'by' });
    expect(rail.fields).toEqual(['f5']);
    const plan = links.find((l) => l.type === 'joint_planning_document')!;
    expect([plan.description.en, plan.note.en, plan.description.lv.slice(0, 26)]).toEqual(['', '', 'Daugavpils valstspilsētas ']);
    expect(plan.period).toEqual({ from: '2021-02-01', to: '2030' });
    expect(plan.sources.map((s) => s.url)).toHaveLength(2);
    const eea = links.find((l) => endKey(l.to) === 'org:lps')!;
    expect([endKey(eea.from), eea.period]).toEqual(['org:llpa', { from: '2021', to: '2024' }]);
  });

  it('keep places abroad undrawn (no source gives coordinates) and attach novads partnerships to the novads', () => {
    const abroad = links.flatMap((l) => [l.from, l.to]).filter((e) => e.kind === 'organisation' && e.category === 'place');
    expect(abroad.length).toBeGreaterThan(100);
    expect(abroad.filter((e) => e.kind === 'organisation' && e.at)).toEqual([]);
    const czeladz = links.find((l) => endKey(l.to) === 'org:czeladz')!;
    expect(endKey(czeladz.from)).toBe('unit:LV0031000');
    expect(other(czeladz, 'unit:LV0031000')).toMatchObject({ nameLv: 'Czeladź', country: 'PL' });
  });

  it('give strategy fields only where the source names one, and dimensions only from unambiguous fields', () => {
    const ecoc = links.find((l) => endKey(l.to) === 'org:evora')!;
    expect([ecoc.fields, ecoc.dimensions]).toEqual([['f4'], ['economic']]);
    const sister = links.filter((l) => l.type === 'sister_city');
    expect(sister.every((l) => l.fields.length === 0 && l.dimensions.length === 0)).toBe(true);
    const visit = links.find((l) => l.type === 'exchange_visit' && endKey(l.to) === 'city:rezekne')!;
    expect([visit.directed, visit.fields, visit.dimensions]).toEqual([true, ['f5'], []]);
  });
});

const HEADER = 'from,to,link_type,field,description,start,end,source,note,exclude_reason,from_end,to_end';
const more = (...rows: string[]) => ({ ...INPUTS, links: [{ file: 'more.csv', text: [HEADER, ...rows].join('\n') }], organisations: { file: 'orgs.csv', text: ORGS } });
const ORGS = 'id,name_lv,name_en,aliases,category,country,seat_city,lon,lat,source,note\nubc,Union of the Baltic Cities (UBC),UBC,UBC,network,,,,,x,\n';
const OK = 'Rīga,UBC,starptautiska pilsētu tīkla dalība,daudznozaru,UBC biedrs,≤2014,,https://example.org/ubc,,,,';

describe('the pipeline refuses bad link input, naming file and line', () => {
  it('reads a minimal valid table', () => {
    expect(readShippedLinks(more(OK)).map((l) => [endKey(l.from), endKey(l.to), l.period])).toEqual([['city:riga', 'org:ubc', { from: '2014', fromQualifier: 'by' }]]);
  });

  it.each([
    ['an unknown end', 'Rīga,Atlantīda,sadraudzības pilsēta,daudznozaru,x,1990,,https://example.org,,,,', 'more.csv, line 3: unknown to end "Atlantīda": not a city, a unit of units.csv or a name in organisations.csv'],
    ['an unknown override', 'Rīga,UBC,sadraudzības pilsēta,daudznozaru,x,1990,,https://example.org,,,unit:LV0099000,', 'more.csv, line 3: unknown from_end "unit:LV0099000" (expected city:<id>, unit:<CSP code> or org:<id>)'],
    ['an unknown link type', 'Rīga,Ogre,draudzība,daudznozaru,x,1990,,https://example.org,,,,', 'more.csv, line 3: unknown link type "draudzība" (add it to SOURCE_LINK_TYPES in src/domain/links/source.ts)'],
    ['an unknown field', 'Rīga,Ogre,saprašanās memorands,F9 kosmoss,x,1990,,https://example.org,,,,', 'more.csv, line 3: unknown cooperation field "F9 kosmoss" (expected F1…F5, K, X or daudznozaru)'],
    ['a link to itself', 'Rīga,Rīga,saprašanās memorands,X,x,1990,,https://example.org,,,,', 'more.csv, line 3: The link connects city:riga to itself.'],
    ['an end before the start', 'Rīga,Ogre,saprašanās memorands,X,x,2021-06,2020,https://example.org,,,,', 'more.csv, line 3: End date 2020 is before start date 2021-06.'],
    ['a repeated row', OK, 'more.csv, line 3: duplicate of more.csv, line 2: same ends, type and period'],
    ['an unreadable source', 'Rīga,Ogre,saprašanās memorands,X,x,2021,,www.example.org,,,,', 'more.csv, line 3: cannot read source "www.example.org" (expected a URL, optionally followed by a remark in parentheses)'],
  ])('%s', (_, row, message) => {
    expect(pipelineError(() => readShippedLinks(more(OK, row))).message).toBe(message);
  });

  it('an organisation no shipped link uses, or one named like a city', () => {
    const unused = more('Rīga,Ogre,saprašanās memorands,X,x,2021,,https://example.org,,,,');
    expect(pipelineError(() => readShippedLinks(unused)).message).toBe('orgs.csv, line 2: organisation ubc is used by no shipped link');
    const clash = { ...more(OK), organisations: { file: 'orgs.csv', text: `${ORGS}ogre-org,Ogre,Ogre,,place,LV,,,,x,\n` } };
    expect(pipelineError(() => readShippedLinks(clash)).message).toBe('orgs.csv, line 3: name "Ogre" already names another end');
  });

  it('a missing curation column', () => {
    const text = [HEADER.replace(',to_end', ''), OK.slice(0, -1)].join('\n');
    expect(pipelineError(() => readShippedLinks({ ...more(), links: [{ file: 'more.csv', text }] })).message).toBe('more.csv: missing column(s): to_end');
  });
});
