import { useEffect, useMemo } from 'preact/hooks';
import { Fragment } from 'preact';
import { completeYearNote, sourceText } from '../domain/indicators.ts';
import { dataTextIn } from '../domain/provenance.ts';
import { computeKeyFacts, type ComputedShare } from '../domain/keyFacts.ts';
import { displayYear, formatNumber } from '../domain/format.ts';
import type { Lang } from '../domain/format.ts';
import { useAppState } from './context.ts';
import { t } from './i18n.ts';
import { Original, originalTag } from './OriginalText.tsx';
import type { StrategyText } from '../domain/strategy.ts';

function Share({ share, lang, how, unit, nameOf }: { share: ComputedShare; lang: Lang; how: string; unit: string; nameOf: (geo: string) => { lv: string; en: string } }) {
  const why = share.years[0] ? completeYearNote({ year: share.years[0], skipped: share.skipped }, nameOf) : null;
  return (
    <dd>
      <span class="fact-value">{formatNumber(share.percent, lang, 1)} %</span>
      <span class="source-note">
        {formatNumber(share.part, lang, 0)} / {formatNumber(share.whole, lang, 0)} {unit}
        {share.years.length > 0 && ` · ${share.years.map(displayYear).join(', ')}`}
      </span>
      <span class="fact-computed">{how}</span>
      {why && (
        <span class="fact-computed" data-complete-year={share.years[0]}>
          {why[lang]}
        </span>
      )}
    </dd>
  );
}

/** A statement of the strategy in quotation marks: in the reader's language where it has one, else in its own words, marked. */
function Quote({ text, lang }: { text: StrategyText; lang: Lang }) {
  const own = text[lang];
  if (own) return <>“{own}”</>;
  return (
    <>
      “<span lang="lv">{text.lv}</span>” <span class="original-lang">{originalTag('lv', lang)}</span>
    </>
  );
}

/**
 * The cities' shares of Latvia computed from the data, beside what the strategy itself states
 * (quoted with its source), so a speaker can show both and never types a number in.
 */
export function KeyFacts() {
  const open = useAppState((s) => s.keyFactsOpen && s.selection === null);
  const setOpen = useAppState((s) => s.setKeyFactsOpen);
  const dataset = useAppState((s) => s.dataset);
  const lang = useAppState((s) => s.lang);
  const facts = useMemo(
    () => (dataset ? computeKeyFacts(dataset.municipalities.features.map((f) => f.properties), dataset.cities.features.map((f) => f.properties), dataset.indicators) : null),
    [dataset],
  );
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, setOpen]);
  if (!open || !dataset || !facts) return null;
  const nameOf = (geo: string) => {
    const u = dataset.municipalities.features.find((f) => f.properties.code === geo)?.properties;
    return u ? { lv: u.nameLv, en: u.nameEn } : { lv: geo, en: geo };
  };
  // The provenance lines of the residents' figures, each in the reader's language where the data pair it, else as written.
  const residentsSources = (facts.residents?.sources ?? []).flatMap((i) => {
    const line = sourceText(dataset.indicators, i);
    return line ? [dataTextIn(line, lang)] : [];
  });
  return (
    <aside class="panel" aria-labelledby="facts-title" data-panel="key-facts">
      <header class="panel-header">
        <h2 id="facts-title">{t(lang, 'keyFactsTitle')}</h2>
        <button type="button" class="icon-button" onClick={() => setOpen(false)} aria-label={t(lang, 'close')}>
          ×
        </button>
      </header>
      <p class="muted">{t(lang, 'sevenCities')}</p>
      <dl class="facts">
        {facts.area && (
          <div class="fact" data-fact="area">
            <dt>{t(lang, 'shareOfArea')}</dt>
            <Share share={facts.area} lang={lang} how={t(lang, 'areaShareHow')} unit="km²" nameOf={nameOf} />
          </div>
        )}
        <div class="fact" data-fact="residents">
          <dt>{t(lang, 'shareOfResidents')}</dt>
          {facts.residents ? (
            <Share share={facts.residents} lang={lang} how={`${t(lang, 'residentsShareHow')} (CSP IRD041)`} unit={lang === 'lv' ? 'iedz.' : 'residents'} nameOf={nameOf} />
          ) : (
            <dd class="muted" data-not-computable="true">{(facts.residentsGap && completeYearNote(facts.residentsGap, nameOf)?.[lang]) ?? t(lang, 'noData')}</dd>
          )}
          {residentsSources.length > 0 && (
            <span class="visually-hidden">
              {residentsSources.map((line, k) => (
                <Fragment key={k}>
                  {k > 0 && '\n'}
                  <Original text={line.text} of={line.of} lang={lang} />
                </Fragment>
              ))}
            </span>
          )}
        </div>
        <div class="fact" data-fact="gdp">
          <dt>{t(lang, 'shareOfGdp')}</dt>
          <dd class="muted">{t(lang, 'gdpShareMissing')}</dd>
        </div>
      </dl>
      <h3>{t(lang, 'strategySays')}</h3>
      <ul class="claims">
        {dataset.strategy.claims.map((c) => (
          <li key={c.text.lv}>
            <Quote text={c.text} lang={lang} />
            {c.note && ` (${c.note[lang]})`} —{' '}
            {c.source.split(' ; ').map((url) => (
              <a key={url} href={url} target="_blank" rel="noopener">
                {new URL(url).hostname}
              </a>
            ))}
          </li>
        ))}
      </ul>
    </aside>
  );
}
