import type { Bilingual, Lang } from '../domain/bilingual.ts';
import type { DataText } from '../domain/indicators.ts';
import { dataTextIn } from '../domain/provenance.ts';
import { t } from './i18n.ts';
import { otherLang } from '../domain/bilingual.ts';

const other = (lang: Lang): Lang => (otherLang(lang));

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
 * values. A line this project gives in both languages (a pair, `DataText`) is in the reader's
 * language, unmarked; a line as written, once in English by whoever compiled the files, is marked
 * with the tag for a Latvian reader, as `Original` marks a text on the page.
 */
export function provenanceTitle(lines: readonly (DataText | null | undefined)[], lang: Lang): string {
  return lines
    .filter((line): line is DataText => !!line)
    .map((line) => dataTextIn(line, lang))
    .filter(({ text }) => text.trim() !== '')
    .map(({ text, of }) => (of === lang ? text : `${text} ${originalTag(of, lang)}`))
    .join('\n');
}

/** Whether a bilingual text has anything to show in either language. */
export const hasText = (text: Bilingual): boolean => text.lv.trim() !== '' || text.en.trim() !== '';
