export type { Lang } from './bilingual.ts';
import type { Lang } from './bilingual.ts';

const LOCALES: Record<Lang, string> = { lv: 'lv-LV', en: 'en-GB' };
const cache = new Map<string, Intl.NumberFormat>();

/**
 * A number in the conventions of the language: lv "1 234,5", en "1,234.5". Latvian groups with a
 * no-break space (U+00A0) so that a number never wraps inside a label.
 */
export function formatNumber(value: number, lang: Lang, maxFractionDigits = 1): string {
  const key = `${lang}|${maxFractionDigits}`;
  let f = cache.get(key);
  if (!f) {
    // 'always': CLDR's lv leaves 4-digit numbers ungrouped ("1234,5"); the app groups them all.
    f = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: maxFractionDigits, useGrouping: 'always' as never });
    cache.set(key, f);
  }
  // A true minus sign (U+2212), as typography asks, not the hyphen Intl writes.
  const s = f.format(value).replace(/^-/, '\u2212');
  return lang === 'lv' ? s.replace(/[\u202f ]/g, '\u00a0') : s;
}

/** Digits worth showing for a value of this size: none for counts in the thousands. */
export function fractionDigitsFor(value: number): number {
  const a = Math.abs(value);
  return a >= 1000 ? 0 : a >= 100 ? 0 : a >= 10 ? 1 : 2;
}

/** How many decimals a value carries as written (its shortest decimal form), at most `cap`. */
export function decimalsOf(value: number, cap = 2): number {
  if (!Number.isFinite(value)) return 0;
  const s = String(Math.abs(value));
  if (s.includes('e')) return cap;
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : Math.min(cap, s.length - dot - 1);
}

/**
 * A figure as the app shows it: digits by its size (none for counts in the thousands), but never
 * fewer than the value itself carries (up to two), so an imported 1234,5 stays 1 234,5, not 1 235.
 */
export function formatValue(value: number, lang: Lang): string {
  return formatNumber(value, lang, Math.max(fractionDigitsFor(value), decimalsOf(value)));
}

/** Rounds a class break to two significant digits, so a legend reads "25 000", not "24 973,4". */
export function niceRound(value: number): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  // Via decimal text: multiplying back by a power of ten leaves binary tails (7.800000000000001).
  return Number(value.toPrecision(2));
}

/**
 * The years of the values shown (ascending) as a title names them: "2026", or the first and the
 * last as a span ("2013–2025", not "2013–2019–2025", which reads as two ranges). The legend's
 * source line lists every year.
 */
export function yearSpan(years: readonly string[]): string {
  if (years.length <= 1) return displayYear(years[0] ?? '');
  return `${displayYear(years[0]!)}–${displayYear(years[years.length - 1]!)}`;
}

/** A year or a period as text: a span of years with an en dash ("2012–2024"), as the data's "2012-2024" means. */
export function displayYear(year: string): string {
  return year.replace(/^(\d{4})-(\d{4})$/, '$1–$2');
}

/**
 * A map's title: the indicator's name and the years shown, unless the name already says them
 * ("… izmaiņas 2012–2024", not "… izmaiņas 2012–2024, 2012–2024").
 */
export function titleWithYears(name: string, years: readonly string[]): string {
  const span = yearSpan(years);
  return !span || name.replace(/-/g, '–').includes(span) ? name : `${name}, ${span}`;
}
