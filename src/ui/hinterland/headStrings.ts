import { stringTable } from '../../domain/bilingual.ts';

/**
 * The few hinterland words the first view shows (the section's heading, the legend's title for
 * each definition); the rest of the hinterland's strings (strings.ts) load with its code.
 */
export const HINTERLAND_HEAD_STRINGS = {
  section: { lv: 'Aptvērums', en: 'Hinterland' },
  sectionHint: { lv: 'pilsēta ar apkārtni', en: 'each city with its surroundings' },
  kind_admin: { lv: 'Administratīvais sadalījums', en: 'Administrative assignment' },
  kind_gravity: { lv: 'Gravitācijas modelis (Hafs)', en: 'Gravity model (Huff)' },
  kind_bands: { lv: 'Attāluma joslas', en: 'Distance bands' },
  kind_commuting: { lv: 'Svārstmigrācija (CSP)', en: 'Commuting (CSP)' },
  kind_fua: { lv: 'Funkcionālās teritorijas (Eurostat)', en: 'Functional urban areas (Eurostat)' },
} as const;

/** One of the first view's hinterland words in a language. */
export const hinterlandHead = stringTable(HINTERLAND_HEAD_STRINGS);
