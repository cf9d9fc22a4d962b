import { displayYear, formatValue, type Lang } from '../domain/format.ts';
import { categoryLabel } from '../domain/categories.ts';
import type { Fact } from '../domain/places.ts';
import { sourceLabel } from '../domain/provenance.ts';
import { t } from './i18n.ts';
import { noteText } from '../domain/indicators.ts';
import { provenanceLine } from '../domain/provenance.ts';
import { provenanceTitle } from './OriginalText.tsx';
import { nameIn, unitIn } from '../domain/bilingual.ts';

/**
 * Year and source of a figure: the source label links to the table; the full provenance is its
 * title, with the source file's own note on the value: in the reader's language where the data
 * give the line or the note as a pair, else in English as the file wrote it, and so marked for a
 * Latvian reader (what a reader needs of it is in the indicator's note, in both languages).
 */
export function SourceNote({ fact, lang }: { fact: Fact; lang: Lang }) {
  const { indicator, observation } = fact;
  return (
    <span class="source-note">
      {displayYear(observation.year)} · {t(lang, 'source')}:{' '}
      <a href={indicator.sourceUrl} target="_blank" rel="noopener" title={provenanceTitle([fact.source && provenanceLine(fact.source, lang), noteText(observation)], lang)}>
        {sourceLabel(indicator, lang)}
      </a>
      {observation.computed ? ` · ${t(lang, 'computed')}` : ''}
    </span>
  );
}

/** One indicator of a place: name, value with unit (a category in words), then year, source and how it was computed. */
export function FactLine({ fact, lang }: { fact: Fact; lang: Lang }) {
  const { indicator, observation } = fact;
  const category = categoryLabel(indicator, observation.value, lang);
  return (
    <div class="fact" data-indicator={indicator.id}>
      <dt>{nameIn(indicator, lang)}</dt>
      <dd>
        <span class="fact-value">
          {category ?? (
            <>
              {formatValue(observation.value, lang)} <span class="fact-unit">{unitIn(indicator, lang)}</span>
            </>
          )}
        </span>
        <SourceNote fact={fact} lang={lang} />
        {observation.computed && <span class="fact-computed">{observation.computed[lang]}</span>}
      </dd>
    </div>
  );
}
