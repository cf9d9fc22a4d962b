import type { Lang } from '../domain/format.ts';
import type { PlaceSummary } from '../domain/places.ts';
import { t } from './i18n.ts';
import { nameIn } from '../domain/bilingual.ts';

/** The place's name in the language. */
export function placeName(place: Pick<PlaceSummary, 'nameLv' | 'nameEn'>, lang: Lang): string {
  return nameIn(place, lang);
}

/** "valstspilsēta", "novads" or "valstspilsēta novadā (Valmieras novads)". */
export function placeKindLabel(place: PlaceSummary, lang: Lang): string {
  if (place.kind === 'state_city') return t(lang, 'stateCity');
  if (place.kind === 'novads') return t(lang, 'novads');
  return `${t(lang, 'cityInNovads')} (${placeName(place.unit, lang)})`;
}
