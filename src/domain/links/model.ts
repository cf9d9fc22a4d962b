import type { Dimension } from '../indicators.ts';
import type { FieldId, LinkType, OrganisationCategory } from './vocabulary.ts';
import type { Bilingual } from '../bilingual.ts';

/**
 * Where an organisation end is drawn: at the city it is seated in, or at coordinates taken from a
 * source. An organisation without either (a network, a place abroad whose coordinates no source
 * gives) has no position: its links are listed with the city but never drawn.
 */
export type OrganisationLocation = { seat: string } | { lon: number; lat: number };

/** An organisation or a place that is not a Latvian municipality: LLPA, UBC, a sister city abroad. */
export interface OrganisationEnd {
  kind: 'organisation';
  /** Stable slug from `geodata/inputs/organisations.csv`, e.g. `llpa`, `panevezys`. */
  id: string;
  nameLv: string;
  nameEn: string;
  category: OrganisationCategory;
  /** ISO 3166-1 alpha-2 code, when the source names the country. */
  country?: string;
  at?: OrganisationLocation;
}

/** One end of a link: a state city (by id), a municipality (by CSP area code) or an organisation. */
export type End = { kind: 'city'; id: string } | { kind: 'unit'; code: string } | OrganisationEnd;

/** How a period's date relates to the real one: `circa` (source: "c."), `by` (source: "≤", "reported"). */
export type DateQualifier = 'circa' | 'by';

/**
 * When a link holds. Dates are ISO 8601 at the precision the source gives (`2030`, `2021-01`,
 * `2021-02-01`), never padded to a day the source does not state. A missing date is open-ended
 * (unknown or ongoing). `fromText`/`toText` keep the source's own wording, verbatim, whenever it
 * was more than a plain date ('current (page undated)', '2022 (apturēts)').
 */
export interface Period {
  from?: string;
  fromQualifier?: DateQualifier;
  fromText?: string;
  to?: string;
  toQualifier?: DateQualifier;
  toText?: string;
}

/** A source: a URL and, when the source table added one, a remark about it. */
export interface LinkSource {
  url: string;
  note?: string;
}

/**
 * A documented link between two ends, with its kind, the strategy fields and dimensions it
 * serves, when it holds and where it is documented. Texts are in the language of their source
 * and are never machine-translated: the other language's slot stays ''. `uncertain` marks a link
 * that must not be presented as current (flagged by the source, or a partnership with a Russian
 * or Belarusian city whose status after 2022 is unconfirmed); `uncertainReason` says why.
 */
export interface Link {
  kind: 'documented';
  id: string;
  from: End;
  to: End;
  type: LinkType;
  /** Strategy cooperation fields; empty when the source gives none (never guessed). */
  fields: FieldId[];
  /** Strategy dimensions, derived from `fields` by `FIELD_DIMENSION`; empty when none is certain. */
  dimensions: Dimension[];
  directed: boolean;
  weight?: number;
  period: Period;
  description: Bilingual;
  note: Bilingual;
  sources: LinkSource[];
  uncertain: boolean;
  uncertainReason?: Bilingual;
}

/** The key of an end, unique across kinds: `city:riga`, `unit:LV0022000`, `org:llpa`. */
export function endKey(end: End): string {
  switch (end.kind) {
    case 'city':
      return `city:${end.id}`;
    case 'unit':
      return `unit:${end.code}`;
    case 'organisation':
      return `org:${end.id}`;
  }
}

/**
 * What makes a link the same link: type, ends (in either order unless directed) and period dates.
 * Two links with the same key are duplicates.
 */
export function linkKey(link: Pick<Link, 'type' | 'from' | 'to' | 'directed' | 'period'>): string {
  const ends = [endKey(link.from), endKey(link.to)];
  if (!link.directed) ends.sort();
  return [link.type, ...ends, link.directed ? '>' : '-', link.period.from ?? '', link.period.to ?? ''].join('|');
}

/** cyrb53: a small, well-mixed 53-bit string hash (public domain, bryc). */
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * The deterministic id of a link: `L` and 11 base-36 digits of a hash of `linkKey`. The same
 * documented fact gets the same id on every build; a duplicate would get its twin's id.
 */
export function linkId(link: Pick<Link, 'type' | 'from' | 'to' | 'directed' | 'period'>): string {
  return `L${hash53(linkKey(link)).toString(36).padStart(11, '0')}`;
}
