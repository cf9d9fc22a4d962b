import type { Dimension } from '../indicators.ts';
import { DIMENSIONS, FIELDS, LINK_TYPES, type FieldId, type LinkType } from './ids.ts';

export { DIMENSIONS, FIELDS, LINK_TYPES, type FieldId, type LinkType };

/** A text in both languages of the app; either may be '' when the source gave only the other. */
import type { Bilingual } from '../bilingual.ts';


/** The name of each link type in the legend and the filters, in both languages. */
export const LINK_TYPE_LABELS: Record<LinkType, Bilingual> = {
  membership: { lv: 'Dalība asociācijā', en: 'Association membership' },
  network_membership: { lv: 'Dalība starptautiskā tīklā', en: 'International network membership' },
  association_of_municipalities: { lv: 'Pašvaldību apvienība', en: 'Association of municipalities' },
  joint_project: { lv: 'Kopīgs projekts', en: 'Joint project' },
  agreement: { lv: 'Līgums vai memorands', en: 'Agreement or memorandum' },
  joint_planning_document: { lv: 'Kopīgs plānošanas dokuments', en: 'Joint planning document' },
  shared_company: { lv: 'Kopīga kapitālsabiedrība vai pakalpojums', en: 'Shared company or service' },
  joint_body: { lv: 'Kopīga institūcija vai teritorija', en: 'Joint body or area' },
  transport_link: { lv: 'Transporta savienojums', en: 'Transport link' },
  exchange_visit: { lv: 'Pieredzes apmaiņas vizīte', en: 'Study visit' },
  sister_city: { lv: 'Sadraudzības pilsēta', en: 'Sister city' },
};

/**
 * Types whose two ends play different roles, so the arc gets an arrow: a delegation travels from
 * one end to the other. Every other type is a symmetric relation (members, partners, a line).
 */
export const DIRECTED_TYPES: ReadonlySet<LinkType> = new Set(['exchange_visit']);


/** Each field's name: the strategy's Latvian wording and this project's English. */
export const FIELD_LABELS: Record<FieldId, Bilingual> = {
  f1: {
    lv: 'Sociālā aizsardzība, veselības aprūpe, demogrāfija un remigrācijas veicināšana',
    en: 'Social protection, health care, demography and encouraging return migration',
  },
  f2: { lv: 'Izglītības un zinātnes attīstība', en: 'Development of education and science' },
  f3: { lv: 'Vides, klimata un enerģētikas jautājumi', en: 'Environment, climate and energy' },
  f4: {
    lv: 'Uzņēmējdarbības un industriālās attīstības, kā arī tūrisma un starptautiskās konkurētspējas veicināšana',
    en: 'Promoting entrepreneurship, industrial development, tourism and international competitiveness',
  },
  f5: {
    lv: 'Pilsētvides attīstība, mājokļu drošība, mobilitāte un civilā aizsardzība',
    en: 'Urban development, housing security, mobility and civil protection',
  },
};


/** Each dimension's name in both languages. */
export const DIMENSION_LABELS: Record<Dimension, Bilingual> = {
  economic: { lv: 'Ekonomiskā', en: 'Economic' },
  social: { lv: 'Sociālā', en: 'Social' },
  environmental: { lv: 'Vides', en: 'Environmental' },
};

/**
 * The dimension a field belongs to. The strategy does not publish this mapping: it is this
 * project's rule, applied only where a field's own name leaves no doubt. F2 (education and
 * science) and F5 (urban development, housing, mobility, civil protection) span several
 * dimensions and get none rather than a guess.
 */
export const FIELD_DIMENSION: Record<FieldId, Dimension | null> = {
  f1: 'social',
  f2: null,
  f3: 'environmental',
  f4: 'economic',
  f5: null,
};

/** The dimensions implied by a set of fields under `FIELD_DIMENSION`, in `DIMENSIONS` order. */
export function dimensionsOfFields(fields: readonly FieldId[]): Dimension[] {
  const found = new Set(fields.map((f) => FIELD_DIMENSION[f]));
  return DIMENSIONS.filter((d) => found.has(d));
}

/** What kind of thing an organisation end is. */
export const ORGANISATION_CATEGORIES = ['association', 'network', 'project', 'place'] as const;
export type OrganisationCategory = (typeof ORGANISATION_CATEGORIES)[number];

/** Each organisation category's name in both languages. */
export const ORGANISATION_CATEGORY_LABELS: Record<OrganisationCategory, Bilingual> = {
  association: { lv: 'Asociācija', en: 'Association' },
  network: { lv: 'Tīkls', en: 'Network' },
  project: { lv: 'Projekts vai projektu tīkls', en: 'Project or project network' },
  place: { lv: 'Pašvaldība vai vieta ārvalstīs', en: 'Municipality or place abroad' },
};

/** Type guards for values read from files or URLs. */
export const isLinkType = (s: string): s is LinkType => (LINK_TYPES as readonly string[]).includes(s);
export const isFieldId = (s: string): s is FieldId => (FIELDS as readonly string[]).includes(s);
export const isDimension = (s: string): s is Dimension => (DIMENSIONS as readonly string[]).includes(s);
export const isOrganisationCategory = (s: string): s is OrganisationCategory =>
  (ORGANISATION_CATEGORIES as readonly string[]).includes(s);
