import { endKey, linkKey, type End, type Link } from './model.ts';
import { endsBeforeStart, isIsoDate } from './period.ts';
import { isDimension, isFieldId, isLinkType, isOrganisationCategory } from './vocabulary.ts';
import type { Bilingual } from '../bilingual.ts';

/** What a link is checked against: the places that exist, and the links it must not duplicate. */
export interface LinkContext {
  cityIds: ReadonlySet<string>;
  unitCodes: ReadonlySet<string>;
  /** Units that are a state city (LV0001000 → riga): an end names the city, never its unit. */
  cityUnits?: ReadonlyMap<string, string>;
  /** Other links; the one validated is recognised by its id and skipped. */
  links?: readonly Link[];
}

export type LinkIssueCode = 'invalid' | 'unknown_end' | 'self_link' | 'duplicate' | 'end_before_start';

/** One reason a link is refused, in both languages. */
export interface LinkIssue {
  code: LinkIssueCode;
  message: Bilingual;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const ORG_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const COUNTRY = /^[A-Z]{2}$/;
const URL = /^https?:\/\/\S+$/;

const issue = (code: LinkIssueCode, lv: string, en: string): LinkIssue => ({ code, message: { lv, en } });
const invalid = (lv: string, en: string) => issue('invalid', lv, en);

function endIssues(end: End, side: 'from' | 'to', context: LinkContext): LinkIssue[] {
  const lvSide = side === 'from' ? 'sākuma' : 'beigu';
  const unknown = (what: string) => issue('unknown_end', `Nezināms ${lvSide} galapunkts: ${what}.`, `Unknown ${side} end: ${what}.`);
  if (end.kind === 'city') return context.cityIds.has(end.id) ? [] : [unknown(`city:${end.id}`)];
  if (end.kind === 'unit') {
    const city = context.cityUnits?.get(end.code);
    if (city !== undefined) return [issue('unknown_end', `${end.code} ir valstspilsēta: galapunktam jābūt city:${city}.`, `${end.code} is a state city: the end must be city:${city}.`)];
    return context.unitCodes.has(end.code) ? [] : [unknown(`unit:${end.code}`)];
  }
  const out: LinkIssue[] = [];
  if (!ORG_ID.test(end.id)) out.push(invalid(`Organizācijas id „${end.id}” nav derīgs (a–z, 0–9, defises).`, `Organisation id "${end.id}" is not valid (a–z, 0–9, hyphens).`));
  if (end.nameLv.trim() === '' && end.nameEn.trim() === '') out.push(invalid(`Organizācijai ${end.id} nav nosaukuma.`, `Organisation ${end.id} has no name.`));
  if (!isOrganisationCategory(end.category)) out.push(invalid(`Nezināma organizācijas kategorija „${end.category}”.`, `Unknown organisation category "${end.category}".`));
  if (end.country !== undefined && !COUNTRY.test(end.country)) out.push(invalid(`Valsts kods „${end.country}” nav ISO 3166-1 (divi burti).`, `Country code "${end.country}" is not ISO 3166-1 alpha-2.`));
  const at = end.at;
  if (at && 'seat' in at && !context.cityIds.has(at.seat)) out.push(unknown(`city:${at.seat} (${end.id})`));
  if (at && 'lon' in at && !(Math.abs(at.lon) <= 180 && Math.abs(at.lat) <= 90)) {
    out.push(invalid(`Organizācijas ${end.id} koordinātas ārpus pieļaujamā.`, `Coordinates of organisation ${end.id} are out of range.`));
  }
  return out;
}

function structuralIssues(link: Link): LinkIssue[] {
  const out: LinkIssue[] = [];
  const p = link.period;
  if (!ID.test(link.id)) out.push(invalid(`Saites id „${link.id}” nav derīgs.`, `Link id "${link.id}" is not valid.`));
  if (!isLinkType(link.type)) out.push(invalid(`Nezināms saites veids „${link.type}”.`, `Unknown link type "${link.type}".`));
  for (const f of link.fields) if (!isFieldId(f)) out.push(invalid(`Nezināma sadarbības joma „${f}”.`, `Unknown cooperation field "${f}".`));
  for (const d of link.dimensions) if (!isDimension(d)) out.push(invalid(`Nezināma dimensija „${d}”.`, `Unknown dimension "${d}".`));
  if (new Set(link.fields).size !== link.fields.length || new Set(link.dimensions).size !== link.dimensions.length) {
    out.push(invalid('Joma vai dimensija norādīta divreiz.', 'A field or dimension is listed twice.'));
  }
  if (link.weight !== undefined && !(Number.isFinite(link.weight) && link.weight > 0)) {
    out.push(invalid(`Svaram jābūt pozitīvam skaitlim, nevis ${link.weight}.`, `Weight must be a positive number, not ${link.weight}.`));
  }
  for (const [date, q, which] of [[p.from, p.fromQualifier, 'from'], [p.to, p.toQualifier, 'to']] as const) {
    if (date !== undefined && !isIsoDate(date)) out.push(invalid(`Datums „${date}” nav ISO formātā (GGGG, GGGG-MM vai GGGG-MM-DD).`, `Date "${date}" is not ISO (YYYY, YYYY-MM or YYYY-MM-DD).`));
    if (q !== undefined && date === undefined) out.push(invalid(`Precizējums „${q}” bez datuma (${which}).`, `Qualifier "${q}" without a date (${which}).`));
    if (q !== undefined && q !== 'circa' && q !== 'by') out.push(invalid(`Nezināms datuma precizējums „${q}”.`, `Unknown date qualifier "${q}".`));
  }
  for (const s of link.sources) {
    if (!URL.test(s.url)) out.push(invalid(`Avots „${s.url}” nav http(s) adrese.`, `Source "${s.url}" is not an http(s) URL.`));
    if (s.note !== undefined && (s.note === '' || s.note.includes(' ; '))) {
      out.push(invalid('Avota piezīme ir tukša vai satur „ ; ”.', 'A source remark is empty or contains " ; ".'));
    }
  }
  if (link.uncertainReason !== undefined && !link.uncertain) {
    out.push(invalid('Nedrošības iemesls norādīts saitei, kas nav atzīmēta kā nedroša.', 'An uncertainty reason is given for a link not marked uncertain.'));
  }
  return out;
}

/**
 * Checks one link and returns every problem, each in Latvian and English (empty: valid). Besides
 * the form of each field it refuses an end that is not a known city, municipality or seat city,
 * a link from an end to itself, a duplicate of another link in `context.links` (same ends, type
 * and period dates) and an end date before the start date.
 */
export function validateLink(link: Link, context: LinkContext): LinkIssue[] {
  const out = [...structuralIssues(link), ...endIssues(link.from, 'from', context), ...endIssues(link.to, 'to', context)];
  if (endKey(link.from) === endKey(link.to)) {
    out.push(issue('self_link', `Saite savieno ${endKey(link.from)} pašu ar sevi.`, `The link connects ${endKey(link.from)} to itself.`));
  }
  if (endsBeforeStart(link.period)) {
    out.push(issue('end_before_start', `Beigu datums ${link.period.to} ir pirms sākuma datuma ${link.period.from}.`, `End date ${link.period.to} is before start date ${link.period.from}.`));
  }
  const key = linkKey(link);
  const twin = context.links?.find((other) => other.id !== link.id && linkKey(other) === key);
  if (twin) {
    out.push(issue('duplicate', `Tāda pati saite jau ir (${twin.id}): tie paši galapunkti, veids un periods.`, `Duplicate of ${twin.id}: same ends, type and period.`));
  }
  return out;
}

/**
 * Checks a whole set: each link as `validateLink` does against the others, plus ids that repeat.
 * Returns the problems with the index of the link they belong to, in order.
 */
export function validateLinks(links: readonly Link[], context: Omit<LinkContext, 'links'>): { index: number; issue: LinkIssue }[] {
  const out: { index: number; issue: LinkIssue }[] = [];
  const firstByKey = new Map<string, Link>();
  const seenIds = new Set<string>();
  links.forEach((link, index) => {
    for (const i of validateLink(link, context)) out.push({ index, issue: i });
    if (seenIds.has(link.id)) out.push({ index, issue: issue('duplicate', `Saites id ${link.id} atkārtojas.`, `Link id ${link.id} is used twice.`) });
    seenIds.add(link.id);
    const key = linkKey(link);
    const twin = firstByKey.get(key);
    if (twin) out.push({ index, issue: issue('duplicate', `Tāda pati saite jau ir (${twin.id}): tie paši galapunkti, veids un periods.`, `Duplicate of ${twin.id}: same ends, type and period.`) });
    else firstByKey.set(key, link);
  });
  return out;
}
