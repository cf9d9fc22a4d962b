import type { Lang } from '../domain/format.ts';
import { t } from './i18n.ts';

/** A text in both languages; a source written in one leaves the other ''. */
type Bilingual = Readonly<Record<Lang, string>>;

const other = (lang: Lang): Lang => (lang === 'lv' ? 'en' : 'lv');

/** The tag that says a text is in its original language `of`, in the reader's language: "(angliski)", "(in Latvian)". */
export const originalTag = (of: Lang, lang: Lang): string => t(lang, of === 'lv' ? 'inLatvian' : 'inEnglish');

/**
 * A text quoted in its original language `of`, as a reader of `lang` sees it: when the two differ,
 * the text carries `lang` (screen readers speak it in its language) and is followed by a small tag
 * in the reader's language saying which language it is. Nothing is translated on the fly: a
 * source that exists in one language only is shown as written, and marked.
 */
export function Original({ text, of, lang }: { text: string; of: Lang; lang: Lang }) {
  if (of === lang) return <>{text}</>;
  return (
    <>
      <span lang={of}>{text}</span> <span class="original-lang">{originalTag(of, lang)}</span>
    </>
  );
}

/**
 * A bilingual text in the reader's language; where only the other language has it (a source
 * written in one language), that original, marked (`Original`). Nothing when both are empty.
 */
export function InLanguage({ text, lang }: { text: Bilingual; lang: Lang }) {
  const own = text[lang].trim();
  if (own) return <>{own}</>;
  const original = text[other(lang)].trim();
  return original ? <Original text={original} of={other(lang)} lang={lang} /> : null;
}

/**
 * Lines of provenance for a tooltip (`title`): the source files' records and their notes on
 * values, written once in English by whoever compiled them. For a Latvian reader each line is
 * marked with the tag, as `Original` marks a text on the page.
 */
export function provenanceTitle(lines: readonly (string | null | undefined)[], lang: Lang): string {
  return lines
    .filter((line): line is string => !!line)
    .map((line) => (lang === 'en' ? line : `${line} ${originalTag('en', lang)}`))
    .join('\n');
}

/** Whether a bilingual text has anything to show in either language. */
export const hasText = (text: Bilingual): boolean => text.lv.trim() !== '' || text.en.trim() !== '';
