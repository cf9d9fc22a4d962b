import type { Lang } from '../../domain/format.ts';
import type { End, Link, Period } from '../../domain/links/model.ts';
import { FIELD_LABELS, LINK_TYPE_LABELS } from '../../domain/links/vocabulary.ts';
import type { Dataset } from '../../domain/dataset.ts';
import { lt } from './strings.ts';

/** The name of a link end in the language: a city, a municipality or an organisation. */
export function endName(end: End, dataset: Dataset | null, lang: Lang): string {
  const pick = (p: { nameLv: string; nameEn: string }) => (lang === 'lv' ? p.nameLv || p.nameEn : p.nameEn || p.nameLv);
  if (end.kind === 'organisation') return pick(end);
  if (end.kind === 'city') {
    const c = dataset?.cities.features.find((f) => f.properties.id === end.id);
    return c ? pick(c.properties) : end.id;
  }
  const u = dataset?.municipalities.features.find((f) => f.properties.code === end.code);
  return u ? pick(u.properties as unknown as { nameLv: string; nameEn: string }) : end.code;
}

/** A period as the source gave it: dates with their qualifiers, or the source's own wording. */
export function periodText(p: Period, lang: Lang): string {
  const side = (date?: string, q?: string, text?: string) => text ?? (date ? `${q === 'circa' ? 'c. ' : q === 'by' ? '≤ ' : ''}${date}` : '');
  const a = side(p.from, p.fromQualifier, p.fromText);
  const b = side(p.to, p.toQualifier, p.toText);
  if (!a && !b) return lt(lang, 'open');
  return `${a || '…'} – ${b || '…'}`;
}

/**
 * The language of a link's own wording — that of the source table it came from, whose remarks on
 * dates and sources are in the same language — when its description (or else its note) is written
 * in one language only; null when it has both or neither.
 */
export function wordingLanguage(link: Pick<Link, 'description' | 'note'>): Lang | null {
  for (const text of [link.description, link.note]) {
    const [lv, en] = [text.lv.trim() !== '', text.en.trim() !== ''];
    if (lv !== en) return lv ? 'lv' : 'en';
    if (lv) return null;
  }
  return null;
}

export const typeLabel = (link: Pick<Link, 'type'>, lang: Lang) => LINK_TYPE_LABELS[link.type][lang];
export const fieldsText = (link: Pick<Link, 'fields'>, lang: Lang) => (link.fields.length ? link.fields.map((f) => FIELD_LABELS[f][lang]).join('; ') : lt(lang, 'noField'));
