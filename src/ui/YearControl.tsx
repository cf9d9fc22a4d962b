import { useEffect, useState } from 'preact/hooks';
import { displayYear, yearSpan } from '../domain/format.ts';
import { yearsOf } from '../domain/indicators.ts';
import { selectChoropleth } from '../state/derived.ts';
import { useAppState } from './context.ts';
import { t } from './i18n.ts';

const STEP_MS = 1400;

/**
 * The year of the mapped indicator: a slider (arrow keys step a year) with play, shown only when
 * the indicator has more than one year. Play steps once a year per 1.4 s and stops at the end.
 * With each place's latest year (what picking an indicator maps), the label says so and names
 * the years the map then mixes, rather than the slider's last year alone.
 */
export function YearControl() {
  const dataset = useAppState((s) => s.dataset);
  const lang = useAppState((s) => s.lang);
  const spec = useAppState((s) => s.choropleth);
  const shownYears = useAppState(selectChoropleth)?.years ?? [];
  const setChoropleth = useAppState((s) => s.setChoropleth);
  const [playing, setPlaying] = useState(false);
  const years = dataset ? yearsOf(dataset.indicators, spec.indicator) : [];
  const index = spec.year === 'latest' ? years.length - 1 : Math.max(0, years.indexOf(spec.year));
  const yearText = spec.year === 'latest' ? `${t(lang, 'latestYear')} (${yearSpan(shownYears)})` : displayYear(years[index] ?? '');
  useEffect(() => {
    if (!playing) return;
    if (index >= years.length - 1) {
      setPlaying(false);
      return;
    }
    const timer = setTimeout(() => setChoropleth({ year: years[index + 1]! }), STEP_MS);
    return () => clearTimeout(timer);
  }, [playing, index, years.join(), setChoropleth]);
  if (years.length < 2) return null;
  const togglePlay = () => {
    if (!playing && index >= years.length - 1) setChoropleth({ year: years[0]! });
    setPlaying(!playing);
  };
  return (
    <div class="control year-control">
      <label class="control-label" for="year-slider">
        {t(lang, 'year')}: <strong>{yearText}</strong>
      </label>
      <div class="year-row">
        <button type="button" class="small-button" onClick={togglePlay} aria-label={t(lang, playing ? 'pause' : 'play')} title={t(lang, playing ? 'pause' : 'play')}>
          {playing ? '❚❚' : '▶'}
        </button>
        <input
          id="year-slider"
          type="range"
          min={0}
          max={years.length - 1}
          step={1}
          value={index}
          aria-valuetext={yearText}
          onInput={(e) => setChoropleth({ year: years[Number((e.target as HTMLInputElement).value)]! })}
        />
      </div>
      <div class="year-ticks" aria-hidden="true">
        <span>{years[0]}</span>
        <span>{years[years.length - 1]}</span>
      </div>
    </div>
  );
}
