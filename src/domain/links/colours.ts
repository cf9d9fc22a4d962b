import type { Link } from './model.ts';
import type { FieldId, LinkType } from './vocabulary.ts';

/** Okabe–Ito colours (colour-blind safe) for the five fields; grey for a link without a field. */
export const FIELD_COLOURS: Record<FieldId | 'none', string> = { f1: '#E69F00', f2: '#56B4E9', f3: '#009E73', f4: '#0072B2', f5: '#D55E00', none: '#6b6b6b' };
/** Eleven distinct colours for the types, none of them the model's magenta. */
export const TYPE_COLOURS: Record<LinkType, string> = {
  membership: '#4e79a7',
  network_membership: '#76b7b2',
  association_of_municipalities: '#f28e2b',
  joint_project: '#59a14f',
  agreement: '#e15759',
  joint_planning_document: '#9c755f',
  shared_company: '#edc948',
  joint_body: '#1b9e77',
  transport_link: '#222222',
  exchange_visit: '#7570b3',
  sister_city: '#a6761d',
};
/** The model layer's colour: used by nothing else, so a modelled pair is never read as a documented one. */
export const MODEL_COLOUR = '#d6008f';

/** CSP's commuting flows: their own colour, never a field's, a type's or the model's. */
export const COMMUTING_COLOUR = '#0f766e';

export type ColourBy = 'field' | 'type';
/** An arc's colour: its first field's (grey without one), or its type's. */
export const linkColour = (link: Link, by: ColourBy) => (by === 'type' ? TYPE_COLOURS[link.type] : FIELD_COLOURS[link.fields[0] ?? 'none']);

