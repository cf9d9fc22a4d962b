import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsvRecords } from '../../../src/domain/csv.ts';
import { fieldsOfEnglishSourceType, fieldsOfSource, SOURCE_LINK_TYPES, uncertaintyOf } from '../../../src/domain/links/source.ts';
import { dimensionsOfFields, LINK_TYPE_LABELS, LINK_TYPES } from '../../../src/domain/links/vocabulary.ts';

const input = (name: string) => parseCsvRecords(readFileSync(new URL(`../../../geodata/inputs/${name}`, import.meta.url), 'utf8')).records;

describe('the source vocabulary', () => {
  it('maps every link_type wording of both tables to a type with LV and EN labels', () => {
    const wordings = new Set([...input('cooperation_links.csv'), ...input('cooperation_links_more.csv')].filter((r) => !r.values.exclude_reason).map((r) => r.values.link_type ?? ''));
    const unmapped = [...wordings].filter((w) => !(w in SOURCE_LINK_TYPES));
    expect(unmapped).toEqual([]);
    for (const type of Object.values(SOURCE_LINK_TYPES)) expect(LINK_TYPES).toContain(type);
    for (const t of LINK_TYPES) expect(LINK_TYPE_LABELS[t].lv && LINK_TYPE_LABELS[t].en).toBeTruthy();
  });

  it('maps the field codes, K to F4 as the cell says, and X or many sectors to none', () => {
    expect(fieldsOfSource('F1 sociālā aizsardzība/veselība/demogrāfija')).toEqual(['f1']);
    expect(fieldsOfSource('F5 pilsētvide/mājokļi/mobilitāte/civilā aizsardzība')).toEqual(['f5']);
    expect(fieldsOfSource('K kultūra (nav atsevišķa LLPA joma; tuvākā F4)')).toEqual(['f4']);
    expect(fieldsOfSource('X pārvaldība/plānošana (horizontāli)')).toEqual([]);
    expect(fieldsOfSource('daudznozaru')).toEqual([]);
    expect(fieldsOfSource('F6 kosmoss')).toBeUndefined();
    expect(fieldsOfEnglishSourceType('passenger_rail')).toEqual(['f5']);
    expect(fieldsOfEnglishSourceType('network_membership')).toEqual([]);
  });

  it('derives a dimension only from an unambiguous field', () => {
    expect(dimensionsOfFields(['f3', 'f1', 'f4'])).toEqual(['economic', 'social', 'environmental']);
    expect(dimensionsOfFields(['f2', 'f5'])).toEqual([]);
  });
});

describe('uncertaintyOf', () => {
  const base = { row: '', note: '', type: 'sister_city' as const, countries: [] as string[], hasEnd: false };

  it('flags rows the source marks UNCERTAIN anywhere, or "c." / "≤" before a year in the note', () => {
    expect(uncertaintyOf({ ...base, row: 'Rēzekne,Arendal,1994–1995 (UNCERTAIN)' })?.en).toMatch(/Marked as uncertain/);
    expect(uncertaintyOf({ ...base, note: 'vizīte c. 2019' })).toBeDefined();
    expect(uncertaintyOf({ ...base, note: 'līgums ≤2004' })).toBeDefined();
    expect(uncertaintyOf({ ...base, note: 'country: SE; Regulāri atjaunots, etc.' })).toBeUndefined();
  });

  it('flags a note saying the current status is not verified', () => {
    expect(uncertaintyOf({ ...base, note: 'country: SE; Minēts 2004. g. sarakstā; pašreizējais statuss nav zināms' })?.lv).toMatch(/statuss nav pārbaudīts vai nav zināms/);
  });

  it('never lets a Russian or Belarusian partnership without an end date pass as current', () => {
    expect(uncertaintyOf({ ...base, countries: ['RU'] })?.en).toMatch(/suspended in 2022/);
    expect(uncertaintyOf({ ...base, countries: ['BY'] })).toBeDefined();
    expect(uncertaintyOf({ ...base, countries: ['RU'], hasEnd: true })).toBeUndefined();
    expect(uncertaintyOf({ ...base, countries: ['UA'] })).toBeUndefined();
    expect(uncertaintyOf({ ...base, type: 'joint_project', countries: ['RU'] })).toBeUndefined();
  });
});
