import { useEffect, useState } from 'preact/hooks';
import { describePlace } from '../domain/places.ts';
import { useAppState } from './context.ts';
import { t } from './i18n.ts';
import { nameIn } from '../domain/bilingual.ts';

/**
 * A polite live region: screen-reader users hear what changed on the map (the selection, the
 * mapped indicator and year) without moving focus.
 */
export function Announcer() {
  const dataset = useAppState((s) => s.dataset);
  const lang = useAppState((s) => s.lang);
  const selection = useAppState((s) => s.selection);
  const spec = useAppState((s) => s.choropleth);
  const [message, setMessage] = useState('');
  useEffect(() => {
    if (!dataset) return;
    if (!selection) {
      setMessage((m) => (m ? t(lang, 'announceCleared') : m));
      return;
    }
    const place = describePlace(selection, dataset.municipalities.features.map((f) => f.properties), dataset.cities.features.map((f) => f.properties), dataset.indicators);
    if (place) setMessage(`${t(lang, 'announceSelected')}: ${nameIn(place, lang)}`);
  }, [selection, dataset]);
  useEffect(() => {
    if (!dataset) return;
    const meta = dataset.indicators.indicators.find((i) => i.id === spec.indicator);
    if (meta) setMessage(`${t(lang, 'announceIndicator')}: ${nameIn(meta, lang)}${spec.year === 'latest' ? '' : `, ${spec.year}`}`);
  }, [spec.indicator, spec.year]);
  return (
    <div class="visually-hidden" role="status" aria-live="polite">
      {message}
    </div>
  );
}
