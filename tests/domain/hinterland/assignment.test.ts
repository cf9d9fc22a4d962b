import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CSV_FORMATS } from '../../../src/domain/csvWrite.ts';
import { assignmentToCsv, parseAssignmentCsv } from '../../../src/domain/hinterland/assignmentCsv.ts';
import {
  assignedCities,
  editedReason,
  unitsOfCity,
  type AssignmentError,
  type AssignmentParseResult,
  type UnitAssignment,
} from '../../../src/domain/hinterland/assignment.ts';

const UNITS = ['LV0001000', 'LV0022000', 'LV0040000', 'LV0052000'];
const CITIES = ['riga', 'daugavpils', 'ogre'];
const HEADER = 'municipality_code,municipality_name,city_id,role,reason_lv,reason_en,source';
const GOOD = `${HEADER}
LV0001000,Rīga,riga,city,pašas teritorija,own unit,units.csv
LV0022000,Augšdaugavas novads,daugavpils,hinterland,"kopīga stratēģija, likums","joint strategy, by law",hinterland_basis.csv
LV0040000,Ogres novads,ogre,hinterland,Ogre atrodas tajā,Ogre lies inside,hinterland_basis.csv
LV0052000,Tukuma novads,,,nav dokumentētas saites,no documented tie,
`;

const parse = (text: string) => parseAssignmentCsv(text, UNITS, CITIES);
const errorsOf = (result: AssignmentParseResult): AssignmentError[] => (result.ok ? [] : result.errors);
const replaceLine = (n: number, line: string) => GOOD.split('\n').map((l, i) => (i === n - 1 ? line : l)).join('\n');

describe('parseAssignmentCsv', () => {
  it('reads every unit, with an empty city as unassigned', () => {
    const result = parse(GOOD);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.assignment.map((a) => [a.code, a.cityId, a.role])).toEqual([
      ['LV0001000', 'riga', 'city'],
      ['LV0022000', 'daugavpils', 'hinterland'],
      ['LV0040000', 'ogre', 'hinterland'],
      ['LV0052000', null, null],
    ]);
    expect(result.assignment[1]!.reason).toEqual({ lv: 'kopīga stratēģija, likums', en: 'joint strategy, by law' });
    expect(assignedCities(result.assignment)).toEqual(['riga', 'daugavpils', 'ogre']);
    expect(unitsOfCity(result.assignment, 'riga')).toEqual(['LV0001000']);
  });

  it('reports an unknown unit with its line, in both languages', () => {
    expect(errorsOf(parse(replaceLine(3, 'LV0099000,Nekur,daugavpils,hinterland,x,x,y')))).toEqual([
      { line: 3, reason: { lv: 'Nezināma teritoriālā vienība "LV0099000"', en: 'Unknown unit "LV0099000"' } },
      { line: 0, reason: { lv: 'Failā nav vienību: LV0022000', en: 'Unit(s) not listed: LV0022000' } },
    ]);
  });

  it('reports an unknown city', () => {
    expect(errorsOf(parse(replaceLine(5, 'LV0052000,Tukuma novads,tukums,hinterland,x,x,y')))).toEqual([
      { line: 5, reason: { lv: 'Nezināma pilsēta "tukums"', en: 'Unknown city "tukums"' } },
    ]);
  });

  it('reports a unit listed twice, naming the first line', () => {
    const text = `${GOOD}LV0022000,Augšdaugavas novads,,,vēlreiz,again,\n`;
    expect(errorsOf(parse(text))).toEqual([
      { line: 6, reason: { lv: 'Vienība LV0022000 jau norādīta 3. rindā', en: 'Unit LV0022000 listed twice (first on line 3)' } },
    ]);
  });

  it('reports missing columns on the header line', () => {
    const text = GOOD.replace(',role', '').replace(/,(city|hinterland|),/g, ',');
    expect(errorsOf(parse(text))).toEqual([{ line: 1, reason: { lv: 'Trūkst kolonnas: role', en: 'Missing column(s): role' } }]);
    expect(errorsOf(parse('code,city\nLV0001000,riga\n'))[0]!.reason.en).toBe(
      'Missing column(s): municipality_code, municipality_name, city_id, role, reason_lv, reason_en, source',
    );
  });

  it('reports a bad role, a role without a city and a second own unit of one city', () => {
    const text = `${HEADER}
LV0001000,Rīga,riga,city,,,
LV0022000,Augšdaugavas novads,riga,city,,,
LV0040000,Ogres novads,ogre,suburb,,,
LV0052000,Tukuma novads,,hinterland,,,
`;
    expect(errorsOf(parse(text)).map((e) => [e.line, e.reason.en])).toEqual([
      [3, 'City riga already has its own unit on line 2'],
      [4, 'Role must be "city" or "hinterland", not "suburb"'],
      [5, 'Role "hinterland" given for a unit without a city'],
    ]);
  });

  it('reports a row with too many fields at its physical line', () => {
    const errors = errorsOf(parse(replaceLine(4, 'LV0040000,Ogres novads,ogre,hinterland,a,b,c,d')));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.line).toBe(4);
  });

  it('returns no assignment at all when any line is bad', () => {
    const result = parse(replaceLine(2, 'LV0001000,Rīga,rigaa,city,,,'));
    expect(result).toEqual({ ok: false, errors: [expect.objectContaining({ line: 2 })] });
    expect('assignment' in result).toBe(false);
  });

  it('reads a semicolon-separated spreadsheet export', () => {
    const result = parse(GOOD.replace(/"kopīga stratēģija, likums","joint strategy, by law"/, 'kopīga stratēģija,joint strategy').replace(/,/g, ';'));
    expect(result.ok).toBe(true);
  });

  it('reads a file of the older one-reason form (an export, an edit saved then) as English, and an edit on the map as dated, in both languages', () => {
    const old = `municipality_code,municipality_name,city_id,role,reason,source
LV0001000,Rīga,riga,city,own unit,units.csv
LV0022000,Augšdaugavas novads,daugavpils,hinterland,"joint strategy, by law",hinterland_basis.csv
LV0040000,Ogres novads,ogre,hinterland,Ogre lies inside,hinterland_basis.csv
LV0052000,Tukuma novads,riga,hinterland,changed in the map on 2026-03-09,user edit
`;
    const result = parse(old);
    if (!result.ok) throw new Error('the old form does not parse');
    expect(result.assignment.map((a) => a.reason)).toEqual([
      { lv: '', en: 'own unit' },
      { lv: '', en: 'joint strategy, by law' },
      { lv: '', en: 'Ogre lies inside' },
      editedReason('2026-03-09'),
    ]);
    expect(editedReason('2026-03-09')).toEqual({ lv: 'mainīts kartē 09.03.2026.', en: 'changed in the map on 2026-03-09' });
  });
});

describe('the shipped assignment', () => {
  it('gives every reason in both languages', () => {
    const text = readFileSync(new URL('../../../geodata/inputs/hinterland_assignment.csv', import.meta.url), 'utf8');
    const codes = text.trim().split('\n').slice(1).map((l) => l.split(',')[0]!);
    const result = parseAssignmentCsv(text, codes, ['riga', 'daugavpils', 'jelgava', 'jurmala', 'liepaja', 'rezekne', 'ventspils', 'valmiera', 'jekabpils', 'ogre']);
    if (!result.ok) throw new Error('the shipped assignment does not parse');
    expect(result.assignment.filter((a) => !a.reason.lv.trim() || !a.reason.en.trim()).map((a) => a.code)).toEqual([]);
    // English names the units in English ("Mārupe municipality"), never by their Latvian "novads".
    expect(result.assignment.filter((a) => /\bnovad/.test(a.reason.en)).map((a) => a.code)).toEqual([]);
  });
});

/** Any valid assignment of the four units to the three cities, with arbitrary one-line texts. */
const text = fc.string({ unit: fc.oneof(fc.constantFrom(',', ';', '"', ' ', '\t', '|', 'ā', 'Ķ', '—', "'", '=', '+', '-', '@'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })) }).filter((s) => !/[\r\n]/.test(s));
const assignmentArb = fc
  .tuple(
    fc.shuffledSubarray(UNITS, { minLength: UNITS.length }),
    fc.array(fc.record({ city: fc.option(fc.constantFrom(...CITIES), { nil: null }), name: text, reason: fc.record({ lv: text, en: text }), source: text }), {
      minLength: UNITS.length,
      maxLength: UNITS.length,
    }),
  )
  .map(([codes, rows]) => {
    const hasOwnUnit = new Set<string>();
    return codes.map((code, i): UnitAssignment => {
      const r = rows[i]!;
      const role = r.city === null ? null : hasOwnUnit.has(r.city) ? 'hinterland' : 'city';
      if (r.city !== null) hasOwnUnit.add(r.city);
      return { code, name: r.name, cityId: r.city, role, reason: r.reason, source: r.source };
    });
  });

describe('assignmentToCsv', () => {
  for (const [name, format] of Object.entries(CSV_FORMATS)) {
    it(`writes what parseAssignmentCsv reads back unchanged (${name} format)`, () => {
      fc.assert(
        fc.property(assignmentArb, (assignment) => {
          expect(parse(assignmentToCsv(assignment, format))).toEqual({ ok: true, assignment });
        }),
        { numRuns: 300 },
      );
    });
  }

  it('round-trips the example file', () => {
    const result = parse(GOOD);
    if (!result.ok) throw new Error('example does not parse');
    expect(parse(assignmentToCsv(result.assignment))).toEqual(result);
    expect(parse(assignmentToCsv(result.assignment, CSV_FORMATS.semicolon))).toEqual(result);
  });

  it('writes a byte-order mark, CRLF, and ";" when asked, quoting only what needs it', () => {
    const result = parse(GOOD);
    if (!result.ok) throw new Error('example does not parse');
    const lines = assignmentToCsv(result.assignment, CSV_FORMATS.semicolon).split('\r\n');
    expect(lines[0]).toBe(`\uFEFF${HEADER.replace(/,/g, ';')}`);
    expect(lines[2]).toBe('LV0022000;Augšdaugavas novads;daugavpils;hinterland;kopīga stratēģija, likums;joint strategy, by law;hinterland_basis.csv');
    expect(lines.at(-1)).toBe('');
  });

  it('neutralises a formula in a text cell and reads it back as the text', () => {
    const result = parse(GOOD);
    if (!result.ok) throw new Error('example does not parse');
    const evil = result.assignment.map((a, i) => (i === 3 ? { ...a, name: '@SUM(1+1)', reason: { lv: '+1', en: '=HYPERLINK("http://x","y")' }, source: '-2+3' } : a));
    const csv = assignmentToCsv(evil);
    expect(csv.split('\r\n')[4]).toBe(`LV0052000,'@SUM(1+1),,,'+1,"'=HYPERLINK(""http://x"",""y"")",'-2+3`);
    expect(parse(csv)).toEqual({ ok: true, assignment: evil });
  });
});
