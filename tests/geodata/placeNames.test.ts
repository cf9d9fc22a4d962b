import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsvRecords } from '../../src/domain/csv.ts';

const input = (name: string) => parseCsvRecords(readFileSync(new URL(`../../geodata/inputs/${name}`, import.meta.url), 'utf8')).records.map((r) => r.values);
const column = (name: string, key: string) => input(name).map((v) => v[key] ?? '');

/** A word without its Latvian letters, lower case: "Rīga" → "riga". */
const folded = (word: string) => word.normalize('NFD').replace(/\p{Mn}/gu, '').toLowerCase();
const words = (text: string) => text.match(/\p{L}+/gu) ?? [];

// The Latvian names of the places the map names: units, cities, neighbours and seas, lakes.
const latvianNames = [...column('units.csv', 'name_lv'), ...column('cities.csv', 'name_lv'), ...column('context_labels.csv', 'name_lv'), ...column('water_names.csv', 'name_lv')];
const lettered = new Set(latvianNames.flatMap(words).filter((w) => /[āčēģīķļņšūž]/i.test(w)));
const misspelt = new Set([...lettered].map(folded).filter((w) => !latvianNames.flatMap(words).some((x) => x.toLowerCase() === w)));

/** The English texts of the hand-curated inputs and the shipped scenes that name places. */
function englishTexts(): [where: string, text: string][] {
  const deck = JSON.parse(readFileSync(new URL('../../public/data/deck.json', import.meta.url), 'utf8')) as { scenes: { id: string; title: { en: string }; caption: { en: string }; notes: { en: string } }[] };
  return [
    ...(['units.csv', 'cities.csv', 'context_labels.csv', 'water_names.csv', 'organisations.csv'] as const).flatMap((f) => column(f, 'name_en').map((t): [string, string] => [f, t])),
    ...column('hinterland_assignment.csv', 'reason_en').map((t): [string, string] => ['hinterland_assignment.csv', t]),
    ...['item_en', 'note_en'].flatMap((c) => column('strategy_llpa_2027.csv', c).map((t): [string, string] => ['strategy_llpa_2027.csv', t])),
    ...deck.scenes.flatMap((s) => [s.title.en, s.caption.en, s.notes.en].map((t): [string, string] => [`deck.json ${s.id}`, t])),
  ];
}

describe('place names in English', () => {
  it('keep their Latvian letters: "Rīga", "Jūrmala", "Gulf of Rīga", never "Riga", "Jurmala"', () => {
    expect(misspelt.has('riga') && misspelt.has('jurmala') && misspelt.has('jekabpils')).toBe(true);
    const wrong = englishTexts().filter(([, text]) => words(text).some((w) => misspelt.has(w.toLowerCase())));
    expect(wrong).toEqual([]);
  });
});
