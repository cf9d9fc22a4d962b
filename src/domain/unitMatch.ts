import { parseCsvRecords } from './csv.ts';
import type { CityProps, MunicipalityProps, UnitKind } from './units.ts';

/** A message in both languages of the app. */
import type { Bilingual } from './bilingual.ts';

/**
 * A local-government unit as an import may name it: by CSP area code, ATVK code, ISO 3166-2
 * code or name. `validTo`/`successorCode` mark a dissolved unit (Varakļānu novads → Madonas
 * novads); `containedCity` names the state city that lies inside a novads without a unit of its
 * own (Valmiera, Jēkabpils, Ogre), so that a row for the city is not taken for its novads.
 */
export interface UnitRef {
  code: string;
  atvk: string;
  iso: string;
  nameLv: string;
  nameEn: string;
  kind: UnitKind;
  validFrom?: string;
  validTo?: string;
  successorCode?: string;
  containedCity?: Bilingual;
}

/** A date qualifier in a CSP label, e.g. "Madonas novads (no 01.07.2025.)": valid from / until. */
export interface Period {
  relation: 'from' | 'until';
  date: string;
}

/** What a place label in an imported file refers to. */
export type PlaceMatch =
  | { kind: 'unit'; unit: UnitRef; period?: Period }
  | { kind: 'national' }
  | { kind: 'dissolved'; unit: UnitRef; successor?: UnitRef }
  | { kind: 'city_in_novads'; unit: UnitRef; city: Bilingual }
  | { kind: 'region' }
  | { kind: 'unknown'; suggestion?: UnitRef };

/**
 * Folds a label for comparison: no diacritics (ā→a, ķ→k), lower case, every kind of space
 * (no-break, thin, narrow) as one ordinary space.
 */
export function foldText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+/g, ' ')
    .trim();
}

const NATIONAL = new Set(['lv', 'latvija', 'latvia', 'latvija kopa', 'latvia total', 'total latvia', 'visa latvija']);
const NOVADS_WORDS = new Set(['novads', 'novada', 'nov', 'municipality', 'mun']);
const CITY_WORDS = new Set(['valstspilseta', 'valstspilsetas', 'pilseta', 'pilsetas', 'city']);
const QUALIFIER = /\(\s*(no|kops|from|since|after|lidz|until|till|before|pirms)\s+(\d{1,2})\.(\d{1,2})\.(\d{4})\.?\s*\)/;
const FROM_WORDS = new Set(['no', 'kops', 'from', 'since', 'after']);

/** Genitive of a city name as in "Rīgas valstspilsēta": Rīga → rigas, Daugavpils unchanged. */
const genitive = (folded: string) => (/[ae]$/.test(folded) ? `${folded}s` : folded);

/** Splits a folded label into a name stem and the kind its suffix says ("novads", "valstspilsēta"). */
function stemOf(folded: string): { stem: string; suffix: 'novads' | 'city' | null } {
  const words = folded.replace(/\./g, ' ').split(' ').filter(Boolean);
  if (words.at(-1) === 'pasvaldiba') words.pop();
  const last = words.at(-1) ?? '';
  if (words.length > 1 && NOVADS_WORDS.has(last)) return { stem: words.slice(0, -1).join(' '), suffix: 'novads' };
  if (words.length > 1 && CITY_WORDS.has(last)) {
    words.pop();
    if (words.length > 1 && words.at(-1) === 'state') words.pop();
    return { stem: words.join(' '), suffix: 'city' };
  }
  return { stem: words.join(' '), suffix: null };
}

/**
 * A matcher from place labels to units. Codes are tried first (CSP `LV0001000`, ATVK with or
 * without leading zeros, ISO `LV-RIX`), then names ignoring case, diacritics, spacing, CSP's
 * leading ".." and date qualifiers. A bare name only matches a state city: "Ventspils" is the
 * city, "Ventspils novads" the novads, and "Valmiera" is a city inside its novads, not the novads.
 */
export function createPlaceMatcher(units: readonly UnitRef[]): (label: string) => PlaceMatch {
  const byCode = new Map<string, UnitRef>();
  const byName = new Map<string, PlaceMatch>();
  const byCodeRef = new Map(units.map((u) => [u.code, u]));
  const resolve = (u: UnitRef): PlaceMatch =>
    u.validTo ? { kind: 'dissolved', unit: u, successor: byCodeRef.get(u.successorCode ?? '') } : { kind: 'unit', unit: u };
  const put = (key: string, m: PlaceMatch) => {
    if (!byName.has(key)) byName.set(key, m);
  };
  for (const u of units) {
    for (const c of [u.code, u.atvk, u.iso]) if (c) byCode.set(c.toUpperCase(), u);
    const lv = foldText(u.nameLv);
    const en = foldText(u.nameEn);
    if (u.kind === 'state_city') {
      for (const n of [lv, en]) {
        put(`city:${n}`, resolve(u));
        put(`city:${genitive(n)}`, resolve(u));
        put(`bare:${n}`, resolve(u));
      }
    } else {
      for (const n of [stemOf(lv).stem, stemOf(en).stem]) {
        put(`novads:${n}`, resolve(u));
        put(`hint:${n}`, { kind: 'unknown', suggestion: u });
      }
    }
  }
  // Cities inside novadi come last so that they never shadow a unit; a bare name is looked up
  // before the novads hint, so "Valmiera" is the city, not a hint at Valmieras novads.
  for (const u of units) {
    if (!u.containedCity) continue;
    const m: PlaceMatch = { kind: 'city_in_novads', unit: u, city: u.containedCity };
    for (const n of [foldText(u.containedCity.lv), foldText(u.containedCity.en)]) {
      put(`bare:${n}`, m);
      put(`city:${n}`, m);
      put(`city:${genitive(n)}`, m);
    }
  }

  return (label: string): PlaceMatch => {
    let folded = foldText(label).replace(/^[.\s•·*–-]+/, '').replace(/[*¹²³]+$/, '').trim();
    const code = folded.toUpperCase();
    if (NATIONAL.has(folded)) return { kind: 'national' };
    if (/^LV\d{7}$/.test(code) || /^LV-[A-Z0-9]{3}$/.test(code)) {
      const u = byCode.get(code);
      return u ? resolve(u) : { kind: 'unknown' };
    }
    if (/^\d{1,7}$/.test(code)) {
      const u = byCode.get(code.padStart(7, '0'));
      return u ? resolve(u) : { kind: 'unknown' };
    }
    let period: Period | undefined;
    const q = QUALIFIER.exec(folded);
    if (q) {
      const [, word, d, mo, y] = q as unknown as [string, string, string, string, string];
      period = { relation: FROM_WORDS.has(word) ? 'from' : 'until', date: `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}` };
    }
    folded = folded.replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim();
    if (NATIONAL.has(folded)) return { kind: 'national' };
    if (/\bregion/.test(folded)) return { kind: 'region' };
    const { stem, suffix } = stemOf(folded);
    const found = suffix ? byName.get(`${suffix}:${stem}`) : (byName.get(`bare:${stem}`) ?? byName.get(`hint:${stem}`));
    if (!found) return { kind: 'unknown' };
    return found.kind === 'unit' && period ? { ...found, period } : found;
  };
}

const quote = (s: string) => `“${s}”`;
const locative = (nameLv: string) => nameLv.replace(/ novads$/, ' novadā');

/**
 * Why a place label is not imported as a unit of the map, in both languages; null for a unit or
 * the national total. A dissolved unit names its successor: its values are never summed silently.
 */
export function placeMatchProblem(m: PlaceMatch, label: string): { kind: 'dissolved' | 'city_in_novads' | 'region' | 'unknown_place'; reason: Bilingual } | null {
  switch (m.kind) {
    case 'dissolved': {
      const date = m.unit.validTo ? dayAfter(m.unit.validTo) : '';
      const to = m.successor;
      const reason = to
        ? {
            lv: `${m.unit.nameLv} no ${date} ir ${to.nameLv.replace(/ novads$/, ' novada')} daļa; imports tā vērtības nepieskaita, un kartē šādas vienības nav`,
            en: `${m.unit.nameEn} was merged into ${to.nameEn} on ${date}; the import does not add its values, and the map has no such unit`,
          }
        : { lv: `${m.unit.nameLv} pastāvēja līdz ${m.unit.validTo}`, en: `${m.unit.nameEn} existed until ${m.unit.validTo}` };
      return { kind: 'dissolved', reason };
    }
    case 'city_in_novads':
      return {
        kind: 'city_in_novads',
        reason: {
          lv: `${m.city.lv} atrodas ${locative(m.unit.nameLv)}, un kartē tai nav savas teritorijas; rinda netiek pieskaitīta novadam`,
          en: `${m.city.en} lies inside ${m.unit.nameEn} and has no area of its own on the map; the row is not added to the municipality`,
        },
      };
    case 'region':
      return { kind: 'region', reason: { lv: `${quote(label)} ir reģions, nevis pašvaldība`, en: `${quote(label)} is a region, not a municipality` } };
    case 'unknown': {
      if (!label.trim()) return { kind: 'unknown_place', reason: { lv: 'nav norādīta vieta', en: 'no place given' } };
      const s = m.suggestion;
      const reason = s
        ? { lv: `${quote(label)} nav pašvaldība; varbūt ${s.nameLv}?`, en: `${quote(label)} is not a municipality; did you mean ${s.nameEn}?` }
        : { lv: `${quote(label)} nav atpazīta pašvaldība`, en: `${quote(label)} is not a known municipality` };
      return { kind: 'unknown_place', reason };
    }
    default:
      return null;
  }
}

/** The day after an ISO date: a unit dissolved on `validTo` is part of its successor from then. */
export function dayAfter(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The units merged into `unit` and the first day they were part of it. */
export function mergersInto(unit: UnitRef, units: readonly UnitRef[]): { part: UnitRef; date: string }[] {
  return units.filter((u) => u.successorCode === unit.code && u.validTo).map((part) => ({ part, date: dayAfter(part.validTo!) }));
}

type CityName = Pick<CityProps, 'id' | 'nameLv' | 'nameEn'>;

/**
 * Unit references from `geodata/inputs/units.csv` (all units since 2021, dissolved ones included)
 * and the cities, whose names the `contains_state_city` ids point to.
 */
export function unitRefsFromCsv(unitsCsv: string, cities: readonly CityName[]): UnitRef[] {
  const cityById = new Map(cities.map((c) => [c.id, c]));
  return parseCsvRecords(unitsCsv).records.map(({ values: v }) => {
    const ref: UnitRef = {
      code: v.code ?? '',
      atvk: v.atvk ?? '',
      iso: v.iso3166_2 ?? '',
      nameLv: v.name_lv ?? '',
      nameEn: v.name_en ?? '',
      kind: v.kind === 'state_city' ? 'state_city' : 'novads',
    };
    if (v.valid_from) ref.validFrom = v.valid_from;
    if (v.valid_to) ref.validTo = v.valid_to;
    if (v.successor_code) ref.successorCode = v.successor_code;
    const city = cityById.get(v.contains_state_city ?? '');
    if (city) ref.containedCity = { lv: city.nameLv, en: city.nameEn };
    return ref;
  });
}

/**
 * Unit references from the app's loaded data: the current municipalities (which carry no
 * dissolved units, so those are passed separately) and the cities named by `containsCity`.
 */
export function unitRefsFromDataset(
  municipalities: readonly MunicipalityProps[],
  cities: readonly CityName[],
  dissolved: readonly UnitRef[] = [],
): UnitRef[] {
  const cityById = new Map(cities.map((c) => [c.id, c]));
  const current = municipalities.map((m): UnitRef => {
    const ref: UnitRef = { code: m.code, atvk: m.atvk, iso: m.iso, nameLv: m.nameLv, nameEn: m.nameEn, kind: m.kind };
    const city = cityById.get(m.containsCity);
    if (city) ref.containedCity = { lv: city.nameLv, en: city.nameEn };
    return ref;
  });
  return [...current, ...dissolved];
}
