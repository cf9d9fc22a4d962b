/**
 * The one bilingual model of the app. Every text a reader sees exists in Latvian and English
 * (`Bilingual`); a source written in one language only leaves the other '' and is shown in its
 * original, marked (src/ui/OriginalText.tsx). `pick` chooses the reader's language; `fill` puts
 * values into a text's `{name}` placeholders — the one placeholder syntax of every string table.
 */
export type Lang = 'lv' | 'en';

export interface Bilingual {
  readonly lv: string;
  readonly en: string;
}

/** A text in the reader's language. */
export function pick(text: Bilingual, lang: Lang): string {
  return text[lang];
}

/** A text with each `{name}` replaced by `values[name]`; an unknown name is left as written. */
export function fill(text: string, values: Readonly<Record<string, string | number>> = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}

/** The same bilingual text with `values` put into both languages' placeholders. */
export function filled(text: Bilingual, values: Readonly<Record<string, string | number>>): Bilingual {
  return { lv: fill(text.lv, values), en: fill(text.en, values) };
}

/**
 * A table of bilingual strings as one lookup function: `tr(lang, key, values?)`. Every string
 * table of the interface is made with it, so they share one shape and one placeholder syntax.
 */
export function stringTable<K extends string>(table: Readonly<Record<K, Bilingual>>) {
  return (lang: Lang, key: K, values?: Readonly<Record<string, string | number>>): string => fill(table[key][lang], values);
}

/** The other language: the one a text is marked as when it is not the reader's. */
export const otherLang = (lang: Lang): Lang => (lang === 'lv' ? 'en' : 'lv');

/** A place's or an indicator's name in the reader's language (the data keep both, `nameLv` and `nameEn`). */
export const nameIn = (x: { readonly nameLv: string; readonly nameEn: string }, lang: Lang): string => (lang === 'lv' ? x.nameLv : x.nameEn);

/** An indicator's unit in the reader's language. */
export const unitIn = (x: { readonly unitLv: string; readonly unitEn: string }, lang: Lang): string => (lang === 'lv' ? x.unitLv : x.unitEn);

/** An indicator's note in the reader's language ('' when it has none in that language). */
export const noteIn = (x: { readonly noteLv?: string; readonly noteEn: string }, lang: Lang): string => (lang === 'lv' ? (x.noteLv ?? '') : x.noteEn);
