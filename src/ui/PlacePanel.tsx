import { useEffect, useMemo, useRef } from 'preact/hooks';
import { describePlace } from '../domain/places.ts';
import { formatNumber } from '../domain/format.ts';
import { useAppState } from './context.ts';
import { CityProfile } from './CityProfile.tsx';
import { FactLine } from './FactLine.tsx';
import { t } from './i18n.ts';
import { placeKindLabel, placeName } from './placeText.ts';
import { HinterlandPlace } from './hinterland/HinterlandPlace.tsx';
import { LazyTerritorialUnitLine } from './territorialUnitLineLazy.ts';

/**
 * The side panel of the selected city or municipality: every figure the data hold for it, each
 * with its year and source. Esc or the close button clears the selection.
 */
export function PlacePanel() {
  const selection = useAppState((s) => s.selection);
  const dataset = useAppState((s) => s.dataset);
  const lang = useAppState((s) => s.lang);
  const select = useAppState((s) => s.select);
  const territorialUnit = useAppState((s) => s.territorialUnit);
  const heading = useRef<HTMLHeadingElement>(null);
  const place = useMemo(
    () =>
      selection && dataset
        ? describePlace(
            selection,
            dataset.municipalities.features.map((f) => f.properties),
            dataset.cities.features.map((f) => f.properties),
            dataset.indicators,
          )
        : null,
    [selection, dataset],
  );
  useEffect(() => {
    if (!place) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && select(null);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [place, select]);
  useEffect(() => heading.current?.focus({ preventScroll: true }), [place?.geo, place?.ref.kind]);
  if (!place) return null;
  return (
    <aside class="panel" aria-labelledby="panel-title" data-place={place.ref.kind === 'city' ? place.ref.id : place.ref.code}>
      <header class="panel-header">
        <div>
          <h2 id="panel-title" tabIndex={-1} ref={heading}>
            {placeName(place, lang)}
          </h2>
          <div class="panel-kind">{placeKindLabel(place, lang)}</div>
        </div>
        <button type="button" class="icon-button" onClick={() => select(null)} aria-label={t(lang, 'close')} title={t(lang, 'close')}>
          ×
        </button>
      </header>
      {territorialUnit && (
        <div class="panel-territorial">
          <span class="muted">{t(lang, 'territorialUnit')}:</span> <LazyTerritorialUnitLine wanted code={territorialUnit} lang={lang} />
        </div>
      )}
      <dl class="facts">
        {place.areaKm2 !== undefined && (
          <div class="fact" data-indicator="area">
            <dt>{t(lang, 'area')}</dt>
            <dd>
              <span class="fact-value">
                {formatNumber(place.areaKm2, lang, 1)} <span class="fact-unit">km²</span>
              </span>
              <span class="source-note">{t(lang, 'areaComputed')}</span>
            </dd>
          </div>
        )}
        <div class="fact">
          <dt>{t(lang, 'region')}</dt>
          <dd>{place.unit.region}</dd>
        </div>
        {place.kind === 'city_in_novads' && (
          <div class="fact">
            <dt>{t(lang, 'liesIn')}</dt>
            <dd>
              <button type="button" class="link-button" onClick={() => select({ kind: 'unit', code: place.unit.code })}>
                {placeName(place.unit, lang)}
              </button>
            </dd>
          </div>
        )}
        {place.containsCity && (
          <div class="fact">
            <dt>{t(lang, 'containsCity')}</dt>
            <dd>
              <button type="button" class="link-button" onClick={() => select({ kind: 'city', id: place.containsCity!.id })}>
                {placeName(place.containsCity, lang)}
              </button>
            </dd>
          </div>
        )}
      </dl>
      <HinterlandPlace place={place.ref} />
      <h3>{t(lang, place.ref.kind === 'city' ? 'cityProfile' : 'indicators')}</h3>
      {place.ref.kind === 'city' ? (
        <CityProfile cityId={place.ref.id} />
      ) : (
        <dl class="facts">
          {place.facts.map((f) => (
            <FactLine key={f.indicator.id} fact={f} lang={lang} />
          ))}
        </dl>
      )}
    </aside>
  );
}
