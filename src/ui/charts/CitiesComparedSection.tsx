import { useAppState } from '../context.ts';
import { t } from '../i18n.ts';
import { lazyComponent } from '../lazy.tsx';
import { LazySection } from '../LazySection.tsx';

// The chart, its geometry and the download code are fetched when the section first opens.
const CitiesComparedBody = lazyComponent(() => import('./CitiesCompared.tsx').then((m) => m.CitiesCompared));

/** The "Cities compared" section of the left card, closed at first: the mapped indicator for the ten state cities. */
export function CitiesComparedSection() {
  const lang = useAppState((s) => s.lang);
  return (
    <LazySection
      className="cities-section"
      summary={
        <>
          {t(lang, 'citiesCompared')} <span class="hinterland-hint">— {t(lang, 'citiesComparedHint')}</span>
        </>
      }
      body={CitiesComparedBody}
    />
  );
}
