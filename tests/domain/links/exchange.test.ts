import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_FORMATS } from '../../../src/domain/csvWrite.ts';
import { importLinksCsv, linksToCsv } from '../../../src/domain/links/csv.ts';
import { importLinksGeoJson, linksToGeoJson, type EndPositions } from '../../../src/domain/links/geojson.ts';
import { linkKey, type End, type Link, type Period } from '../../../src/domain/links/model.ts';
import { validateLinks } from '../../../src/domain/links/validate.ts';
import { DIMENSIONS, FIELDS, LINK_TYPES, ORGANISATION_CATEGORIES } from '../../../src/domain/links/vocabulary.ts';
import { CITY_POINTS, city, CONTEXT, expectGolden, LLPA, makeLink, UBC, unit } from './helpers.ts';

const POSITIONS: EndPositions = {
  cities: new Map(Object.entries(CITY_POINTS)),
  units: new Map([['LV0022000', [26.75, 55.9]], ['LV0027000', [21.4, 56.4]]]),
};

// Text with everything CSV and JSON must survive: separators, quotes, line breaks, spaces at the
// edges, what a spreadsheet would run as a formula, Latvian letters and emoji.
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.stringMatching(/^[ ,;"'\n\r\t()=+@\-āēīūšžčņļķģ🙂a-z]{0,10}$/),
);
const nonEmpty = text.filter((s) => s !== '');
const isoDate = fc
  .tuple(fc.integer({ min: 1000, max: 2999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.constantFrom(4, 7, 10))
  .map(([y, m, d, n]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`.slice(0, n));
const coordinate = (max: number) => fc.double({ min: -max, max, noNaN: true });
const organisation: fc.Arbitrary<End> = fc.record(
  {
    kind: fc.constant('organisation' as const),
    id: fc.stringMatching(/^[a-z0-9]{1,6}(-[a-z0-9]{1,4})?$/),
    nameLv: nonEmpty,
    nameEn: text,
    category: fc.constantFrom(...ORGANISATION_CATEGORIES),
    country: fc.stringMatching(/^[A-Z]{2}$/),
    at: fc.oneof(
      fc.record({ seat: fc.constantFrom(...Object.keys(CITY_POINTS)) }, { noNullPrototype: true }),
      fc.record({ lon: coordinate(180), lat: coordinate(90) }, { noNullPrototype: true }),
    ),
  },
  { requiredKeys: ['kind', 'id', 'nameLv', 'nameEn', 'category'], noNullPrototype: true },
);
const end: fc.Arbitrary<End> = fc.oneof(
  fc.constantFrom(...Object.keys(CITY_POINTS)).map(city),
  fc.constantFrom(...CONTEXT.unitCodes).map(unit),
  organisation,
);
const period: fc.Arbitrary<Period> = fc
  .record(
    {
      from: isoDate, fromQualifier: fc.constantFrom('circa' as const, 'by' as const), fromText: nonEmpty,
      to: isoDate, toQualifier: fc.constantFrom('circa' as const, 'by' as const), toText: nonEmpty,
    },
    { requiredKeys: [], noNullPrototype: true },
  )
  .map((p) => {
    const q: Period = { ...p };
    if (q.from === undefined) delete q.fromQualifier;
    if (q.to === undefined) delete q.toQualifier;
    if (q.from !== undefined && q.to !== undefined && q.to < q.from) [q.from, q.to] = [q.to.slice(0, 4), q.from];
    return q;
  });
const source = fc.record(
  { url: fc.stringMatching(/^https?:\/\/[a-z.]{1,8}\/[\w%()/?=&;.-]{0,12}$/), note: nonEmpty.filter((s) => !s.includes(' ; ')) },
  { requiredKeys: ['url'], noNullPrototype: true },
);
const bilingual = fc.record({ lv: text, en: text }, { noNullPrototype: true });
const link: fc.Arbitrary<Link> = fc
  .record(
    {
      kind: fc.constant('documented' as const),
      id: fc.stringMatching(/^[A-Za-z0-9_-]{1,16}$/),
      from: end,
      to: end,
      type: fc.constantFrom(...LINK_TYPES),
      fields: fc.subarray([...FIELDS]),
      dimensions: fc.subarray([...DIMENSIONS]),
      directed: fc.boolean(),
      weight: fc.double({ min: Number.MIN_VALUE, max: 1e9, noNaN: true }),
      period,
      description: bilingual,
      note: bilingual,
      sources: fc.array(source, { maxLength: 3 }),
      uncertain: fc.boolean(),
      uncertainReason: bilingual.filter((b) => b.lv !== '' || b.en !== ''),
    },
    { requiredKeys: ['kind', 'id', 'from', 'to', 'type', 'fields', 'dimensions', 'directed', 'period', 'description', 'note', 'sources', 'uncertain'], noNullPrototype: true },
  )
  .map((l) => {
    if (!l.uncertain) delete l.uncertainReason;
    return l;
  })
  .filter((l) => l.from.kind !== l.to.kind || JSON.stringify(l.from) !== JSON.stringify(l.to));
const linkSet = fc
  .uniqueArray(link, { maxLength: 8, selector: (l) => l.id })
  .filter((ls) => new Set(ls.map(linkKey)).size === ls.length && validateLinks(ls, CONTEXT).length === 0);

describe('export → import round-trips any valid set of links exactly', () => {
  it('as CSV, in either format', () => {
    fc.assert(
      fc.property(linkSet, fc.constantFrom(CSV_FORMATS.comma, CSV_FORMATS.semicolon), (links, format) => {
        expect(importLinksCsv(linksToCsv(links, format), CONTEXT)).toStrictEqual({ ok: true, links });
      }),
      { numRuns: 300 },
    );
  });

  it('as GeoJSON text', () => {
    fc.assert(
      fc.property(linkSet, fc.constantFrom('arc' as const, 'straight' as const), (links, geometry) => {
        const json = JSON.stringify(linksToGeoJson(links, POSITIONS, { geometry }));
        expect(importLinksGeoJson(json, CONTEXT)).toStrictEqual({ ok: true, links });
      }),
      { numRuns: 300 },
    );
  });
});

const sample = [
  makeLink({ from: city('riga'), to: LLPA, type: 'membership', period: { fromText: 'current (page undated)' }, description: { lv: '', en: 'member of LLPA, "the association"' } }),
  makeLink({ from: city('daugavpils'), to: city('rezekne'), type: 'exchange_visit', directed: true, fields: ['f5'], uncertain: true, uncertainReason: { lv: 'Gads nav zināms.', en: 'Year unknown.' }, description: { lv: 'Delegācija Rēzeknē,\njauna rinda', en: '' } }),
  makeLink({ from: city('jelgava'), to: UBC, type: 'network_membership', period: { from: '2014', fromQualifier: 'by' }, sources: [{ url: 'https://example.org/ubc', note: 'UBC bulletin (1/14)' }, { url: 'https://example.org/list' }] }),
];

describe('round trips of edge cases', () => {
  it('keep -0 and extreme numbers exactly in both formats', () => {
    const place = { kind: 'organisation' as const, id: 'null-island', nameLv: 'Nulles sala', nameEn: '', category: 'place' as const, at: { lon: -0, lat: 5e-324 } };
    const links = [makeLink({ from: city('riga'), to: place, weight: 1.7976931348623157e308 })];
    expect(importLinksCsv(linksToCsv(links), CONTEXT)).toStrictEqual({ ok: true, links });
    expect(importLinksCsv(linksToCsv(links, CSV_FORMATS.semicolon), CONTEXT)).toStrictEqual({ ok: true, links });
    expect(importLinksGeoJson(JSON.stringify(linksToGeoJson(links, POSITIONS)), CONTEXT)).toStrictEqual({ ok: true, links });
  });
});

describe('exports', () => {
  it('write the documented CSV header and one row per link', () => {
    const csv = linksToCsv(sample);
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFFid,type,directed,weight,from_kind,from_id,from_name_lv,from_name_en,from_category,from_country,from_seat,from_lon,from_lat,to_kind,to_id,to_name_lv,to_name_en,to_category,to_country,to_seat,to_lon,to_lat,fields,dimensions,period_from,period_from_qualifier,period_from_text,period_to,period_to_qualifier,period_to_text,description_lv,description_en,note_lv,note_en,sources,uncertain,uncertain_reason_lv,uncertain_reason_en',
    );
    expect(csv).toContain(',https://example.org/ubc (UBC bulletin (1/14)) ; https://example.org/list,');
    expect(csv.split('\r\n')).toHaveLength(sample.length + 2);
  });

  it('write numbers with a decimal comma and text untouched in the ";" format', () => {
    const place = { kind: 'organisation' as const, id: 'tartu', nameLv: 'Tartu, Igaunija', nameEn: 'Tartu', category: 'place' as const, at: { lon: 26.7, lat: -14.1 } };
    const csv = linksToCsv([makeLink({ from: city('valmiera'), to: place, weight: 1234.5, description: { lv: 'Līgums 1.5', en: '-1 year' } })], CSV_FORMATS.semicolon);
    const [header, row] = csv.split('\r\n') as [string, string];
    const cells = Object.fromEntries(header.slice(1).split(';').map((h, i) => [h, row.split(';')[i]]));
    expect(cells).toMatchObject({ weight: '1234,5', to_name_lv: 'Tartu, Igaunija', to_lon: '26,7', to_lat: '-14,1', description_lv: 'Līgums 1.5', description_en: "'-1 year" });
  });

  it('neutralise a formula in a text cell, and the import reads it back as the text', () => {
    const links = [makeLink({ from: city('riga'), to: LLPA, description: { lv: '=HYPERLINK("http://x","y")', en: '@SUM(1)' }, note: { lv: '+1', en: '\tx' } })];
    const csv = linksToCsv(links);
    expect(csv).toContain(`,"'=HYPERLINK(""http://x"",""y"")",'@SUM(1),'+1,'\tx,`);
    expect(importLinksCsv(csv, CONTEXT)).toStrictEqual({ ok: true, links });
  });

  it('write GeoJSON with arcs where both ends have a place, null geometry otherwise (golden)', () => {
    const fcol = linksToGeoJson(sample, POSITIONS);
    expect(fcol.features.map((f) => f.geometry?.type ?? null)).toEqual([null, 'LineString', null]);
    expectGolden('links-export.geojson', fcol);
  });
});

describe('imports refuse bad input as a whole, with reasons in both languages', () => {
  const csv = linksToCsv(sample);

  it('names the line of each bad row and returns no links', () => {
    const lines = csv.split('\r\n');
    lines[1] = lines[1]!.replace(',city,riga,', ',city,tukums,');
    lines[2] = lines[2]!.replace('exchange_visit,yes', 'exchange_visit,maybe');
    const result = importLinksCsv(lines.join('\r\n'), CONTEXT);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { line: 2, reason: { lv: 'Nezināms sākuma galapunkts: city:tukums.', en: 'Unknown from end: city:tukums.' } },
      { line: 3, reason: { lv: 'Kolonnā directed jābūt yes vai no, nevis „maybe”.', en: 'Column directed must be yes or no, not "maybe".' } },
    ]);
  });

  it('counts physical lines across quoted line breaks and blank lines', () => {
    const withBlank = csv.replace(/\r\n(?=[^\n]*network_membership)/, '\r\n\r\n').replace(',jelgava,', ',atlantis,');
    const result = importLinksCsv(withBlank, CONTEXT);
    // Row 2 spans lines 3–4 (a line break inside a description); a blank line 5; the UBC row is line 6.
    expect(result).toEqual({ ok: false, errors: [{ line: 6, reason: { lv: 'Nezināms sākuma galapunkts: city:atlantis.', en: 'Unknown from end: city:atlantis.' } }] });
  });

  it('refuses a duplicate row, a missing column and an empty file', () => {
    const lines = csv.trimEnd().split('\r\n');
    const dup = importLinksCsv([...lines, lines[1]!].join('\r\n'), CONTEXT);
    expect(dup.ok ? [] : dup.errors.map((e) => [e.line, e.reason.en])).toEqual([
      [6, `Link id ${sample[0]!.id} is used twice.`],
      [6, `Duplicate of ${sample[0]!.id}: same ends, type and period.`],
    ]);
    const noType = importLinksCsv(csv.replace(',type,', ',kind,'), CONTEXT);
    expect(noType).toEqual({ ok: false, errors: [{ line: 1, reason: { lv: 'Trūkst kolonnu: type.', en: 'Missing column(s): type.' } }] });
    expect(importLinksCsv('', CONTEXT)).toEqual({ ok: false, errors: [{ line: 1, reason: { lv: 'Fails ir tukšs.', en: 'The file is empty.' } }] });
  });

  it('names the 1-based feature of a bad GeoJSON link', () => {
    const fcol = linksToGeoJson(sample, POSITIONS);
    fcol.features[2]!.properties.period_to = '2001';
    fcol.features[2]!.properties.period_from = '2014-05';
    expect(importLinksGeoJson(fcol, CONTEXT)).toEqual({
      ok: false,
      errors: [{ feature: 3, reason: { lv: 'Beigu datums 2001 ir pirms sākuma datuma 2014-05.', en: 'End date 2001 is before start date 2014-05.' } }],
    });
    expect(importLinksGeoJson('{"type":"Feature","features":[]}', CONTEXT)).toEqual({ ok: false, errors: [{ reason: { lv: 'Gaidīts GeoJSON FeatureCollection.', en: 'Expected a GeoJSON FeatureCollection.' } }] });
    expect(importLinksGeoJson('{', CONTEXT).ok).toBe(false);
  });
});
