import type { Lang } from './format.ts';
import type { IndicatorCategory, IndicatorData, IndicatorMeta } from './indicators.ts';
import { observationsOf } from './indicators.ts';
import { nameIn } from './bilingual.ts';

/**
 * Colours of the categories that say something applies ("contributes", "received the grant"), in
 * the order the catalogue lists them: Okabe & Ito's blue and orange and Paul Tol's wine, a
 * qualitative set whose every pair (and each against the greys) stays over 20 CIEDE2000 apart for
 * protanopes, deuteranopes and tritanopes too (Okabe & Ito's bluish green comes within 12 of the
 * blue for tritanopes). Never a sequential ramp: categories have no order.
 */
export const CATEGORY_COLOURS = ['#0072b2', '#e69f00', '#882255'] as const;

/**
 * The colour of a neutral category ("not eligible", "does not contribute"): light grey, plain,
 * visibly lighter than the map's no-data grey (5 CIEDE2000) and never hatched, so that "does not
 * apply" reads as an answer and not as a gap.
 */
export const NEUTRAL_CATEGORY_COLOUR = '#f0f0f0';

/** Whether the indicator's values are category codes rather than quantities. */
export function isCategorical(meta: Pick<IndicatorMeta, 'kind'>): boolean {
  return meta.kind === 'category';
}

/** The category a code stands for, or undefined for a code the indicator does not define. */
export function categoryOf(meta: Pick<IndicatorMeta, 'categories'>, code: number): IndicatorCategory | undefined {
  return meta.categories?.find((c) => c.code === code);
}

/** A category's name in the reader's language. */
export function categoryName(category: Pick<IndicatorCategory, 'nameLv' | 'nameEn'>, lang: Lang): string {
  return nameIn(category, lang);
}

/**
 * The colour of each category of an indicator, by code: the neutral one light grey, the others
 * the qualitative colours in catalogue order (the pipeline allows no more of them than there are
 * colours).
 */
export function categoryColours(meta: Pick<IndicatorMeta, 'categories'>): Map<number, string> {
  const out = new Map<number, string>();
  let next = 0;
  for (const c of meta.categories ?? []) {
    out.set(c.code, c.neutral ? NEUTRAL_CATEGORY_COLOUR : CATEGORY_COLOURS[next++ % CATEGORY_COLOURS.length]!);
  }
  return out;
}

/**
 * A categorical value as words ("iemaksā fondā" / "contributes"); null for an indicator that is
 * not categorical or a code it does not define, so that callers fall back to the number.
 */
export function categoryLabel(meta: IndicatorMeta, value: number, lang: Lang): string | null {
  if (!isCategorical(meta)) return null;
  const c = categoryOf(meta, value);
  return c ? categoryName(c, lang) : null;
}

/**
 * For a figure that exists only in one category of another indicator (`meta.scope`): the other
 * category a place is in that year, which is why it has no figure ("does not contribute"). Null
 * when the indicator has no scope, the place is in the scope's category (then a missing figure is
 * no data) or the scope indicator says nothing of the place that year.
 */
export function outOfScope(data: IndicatorData, meta: IndicatorMeta, geo: string, year: string): IndicatorCategory | null {
  if (!meta.scope) return null;
  const scopeMeta = data.indicators.find((i) => i.id === meta.scope!.indicator);
  if (!scopeMeta) return null;
  const o = observationsOf(data, scopeMeta.id).find((x) => x.geo === geo && x.year === year);
  if (!o || o.value === meta.scope.category) return null;
  return categoryOf(scopeMeta, o.value) ?? null;
}
