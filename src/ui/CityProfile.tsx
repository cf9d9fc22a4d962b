import { displayYear } from '../domain/format.ts';
import { useMemo } from 'preact/hooks';
import { categoryLabel } from '../domain/categories.ts';
import { cityProfile, type ProfileRow } from '../domain/cityProfile.ts';
import type { Lang } from '../domain/format.ts';
import { useAppState } from './context.ts';
import { formatValue } from '../domain/format.ts';
import { SourceNote } from './FactLine.tsx';
import { t } from './i18n.ts';
import { TimeSeriesChart } from './charts/TimeSeriesChart.tsx';
import { nameIn, unitIn } from '../domain/bilingual.ts';

function ProfileValue({ row, city, lang }: { row: ProfileRow | undefined; city: { id: string; name: string }; lang: Lang }) {
  if (!row) return <span class="muted">{t(lang, 'noData')}</span>;
  const unit = unitIn(row.indicator, lang);
  const category = categoryLabel(row.indicator, row.observation.value, lang);
  return (
    <div class="profile-value">
      <span class="fact-value">
        {category ?? (
          <>
            {formatValue(row.observation.value, lang)} <span class="fact-unit">{unit}</span>
          </>
        )}
      </span>
      {row.rank && (
        <span class="profile-rank" title={t(lang, 'rankOf')}>
          {row.rank.position}./{row.rank.of}
        </span>
      )}
      <SourceNote fact={row} lang={lang} />
      {row.national && (
        <span class="source-note">
          {t(lang, 'national')}: {formatValue(row.national.value, lang)} ({displayYear(row.national.year)})
        </span>
      )}
      {row.observation.computed && <span class="fact-computed">{row.observation.computed[lang]}</span>}
      {row.series.length > 1 && <TimeSeriesChart series={row.series} indicator={row.indicator} city={city} lang={lang} />}
    </div>
  );
}

/**
 * A state city's profile: every indicator with value, year, source, rank among the ten cities,
 * Latvia's value and a small chart where a series of several years exists; optionally a second
 * city side by side.
 */
export function CityProfile({ cityId }: { cityId: string }) {
  const dataset = useAppState((s) => s.dataset);
  const lang = useAppState((s) => s.lang);
  const compareCity = useAppState((s) => s.compareCity);
  const setCompareCity = useAppState((s) => s.setCompareCity);
  const cities = useMemo(() => dataset?.cities.features.map((f) => f.properties) ?? [], [dataset]);
  const rows = useMemo(() => (dataset ? cityProfile(dataset.indicators, cities, cityId) : []), [dataset, cities, cityId]);
  const other = useMemo(() => (dataset && compareCity ? cityProfile(dataset.indicators, cities, compareCity) : null), [dataset, cities, compareCity]);
  if (!dataset) return null;
  const name = (id: string) => {
    const c = cities.find((x) => x.id === id);
    return c ? nameIn(c, lang) : id;
  };
  const ids = [...new Set([...rows, ...(other ?? [])].map((r) => r.indicator.id))];
  const byId = (list: ProfileRow[] | null, id: string) => list?.find((r) => r.indicator.id === id);
  return (
    <section class="city-profile" aria-label={t(lang, 'cityProfile')}>
      <label class="control">
        <span class="control-label">{t(lang, 'compareWith')}</span>
        <select value={compareCity ?? ''} onChange={(e) => setCompareCity((e.target as HTMLSelectElement).value || null)}>
          <option value="">{t(lang, 'noComparison')}</option>
          {cities
            .filter((c) => c.id !== cityId)
            .map((c) => (
              <option key={c.id} value={c.id}>
                {name(c.id)}
              </option>
            ))}
        </select>
      </label>
      <dl class={`facts ${other ? 'facts-compare' : ''}`}>
        {other && (
          <div class="fact compare-head" aria-hidden="true">
            <dt />
            <dd>{name(cityId)}</dd>
            <dd>{name(compareCity!)}</dd>
          </div>
        )}
        {ids.map((id) => {
          const mine = byId(rows, id);
          const theirs = byId(other, id);
          const indicator = (mine ?? theirs)!.indicator;
          return (
            <div class="fact" key={id} data-indicator={id}>
              <dt>{nameIn(indicator, lang)}</dt>
              <dd>
                <ProfileValue row={mine} city={{ id: cityId, name: name(cityId) }} lang={lang} />
              </dd>
              {other && (
                <dd>
                  <ProfileValue row={theirs} city={{ id: compareCity!, name: name(compareCity!) }} lang={lang} />
                </dd>
              )}
            </div>
          );
        })}
      </dl>
    </section>
  );
}
