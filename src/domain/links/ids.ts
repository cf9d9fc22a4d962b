import type { Dimension } from '../indicators.ts';

// The ids of the links' vocabulary, without its labels (vocabulary.ts): the address reads and
// checks them in the first view, which shows no link.

/**
 * The fixed kinds of documented link. The source tables use free Latvian or English wording;
 * `geodata/links.ts` maps every wording to one of these (see `SOURCE_LINK_TYPES` in `source.ts`).
 */
export const LINK_TYPES = [
  'membership',
  'network_membership',
  'association_of_municipalities',
  'joint_project',
  'agreement',
  'joint_planning_document',
  'shared_company',
  'joint_body',
  'transport_link',
  'exchange_visit',
  'sister_city',
] as const;
export type LinkType = (typeof LINK_TYPES)[number];

/**
 * The five cooperation fields of the LLPA strategy to 2027 (`strategy_llpa_2027.csv`), numbered
 * as `cooperation_links_more.csv` numbers them (F1…F5). The Latvian labels are the strategy's own
 * words; the strategy publishes no English, so the English labels are this project's wording.
 */
export const FIELDS = ['f1', 'f2', 'f3', 'f4', 'f5'] as const;
export type FieldId = (typeof FIELDS)[number];

/** The strategy's three dimensions, in its order; the labels are the strategy's (`strategy_llpa_2027.csv`). */
export const DIMENSIONS: readonly Dimension[] = ['economic', 'social', 'environmental'];
