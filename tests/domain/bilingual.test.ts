import { describe, expect, it } from 'vitest';
import { fill, filled, pick, stringTable } from '../../src/domain/bilingual.ts';

describe('the bilingual model', () => {
  it('picks the reader’s language and fills {name} placeholders in both', () => {
    expect(pick({ lv: 'Rīga', en: 'Riga city' }, 'en')).toBe('Riga city');
    expect(fill('{n} rindas no {total}', { n: 3, total: 10 })).toBe('3 rindas no 10');
    expect(fill('{missing} stays', {})).toBe('{missing} stays');
    expect(fill('{__proto__} and {toString}', {})).toBe('{__proto__} and {toString}');
    expect(filled({ lv: '{n} saites', en: '{n} links' }, { n: 2 })).toEqual({ lv: '2 saites', en: '2 links' });
  });

  it('makes a table into one lookup with the same syntax', () => {
    const tr = stringTable({ rows: { lv: '{n} rindas', en: '{n} rows' } });
    expect(tr('lv', 'rows', { n: 5 })).toBe('5 rindas');
    expect(tr('en', 'rows', { n: 5 })).toBe('5 rows');
  });
});
