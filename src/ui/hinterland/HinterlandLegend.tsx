import { cityColour, DISAGREE_COLOUR, SHARE_BREAKS, SHARE_COLOURS } from '../../domain/hinterland/colours.ts';
import { formatNumber } from '../../domain/format.ts';
import { selectDisagreement } from '../../state/hinterlandComparison.ts';
import { useAppState } from '../context.ts';
import { ht } from './strings.ts';

/**
 * What the hinterland colours mean: one swatch per city (strong for its own unit, light for its
 * hinterland), the classes of a city's share of attraction, or the bands' swatches.
 */
export function HinterlandLegend() {
  const lang = useAppState((s) => s.lang);
  const dataset = useAppState((s) => s.dataset);
  const h = useAppState((s) => s.hinterland);
  if (!dataset) return null;
  if (h.kind === 'gravity' && h.shareCity) {
    const limits = [0, ...SHARE_BREAKS, 1].map((b) => formatNumber(b * 100, lang, 0));
    return (
      <div class="hinterland-legend" aria-label={ht(lang, 'shareLegend')}>
        <div class="control-label">{ht(lang, 'shareLegend')}</div>
        <ul class="hinterland-share-classes">
          {SHARE_COLOURS.map((c, i) => (
            <li key={c}>
              <span class="swatch" style={{ background: c }} aria-hidden="true" />
              {limits[i]}–{limits[i + 1]} %
            </li>
          ))}
        </ul>
      </div>
    );
  }
  const cities = [...dataset.cities.features].sort((a, b) => a.properties.order - b.properties.order).map((f) => f.properties);
  return (
    <div class="hinterland-legend">
      <ul class="hinterland-cities">
        {cities.map((c) => (
          <li key={c.id}>
            <span class="swatch" style={{ background: cityColour(c.id), opacity: h.kind === 'bands' ? 0.5 : 1 }} aria-hidden="true" />
            {c.nameLv}
          </li>
        ))}
      </ul>
      <DisagreementKey />
      {h.kind === 'bands' ? (
        <p class="legend-note">{ht(lang, 'overlaps')}</p>
      ) : (
        <p class="legend-note hinterland-key">
          <span class="swatch" style={{ background: '#555', opacity: 0.9 }} aria-hidden="true" /> {ht(lang, 'ownUnit')}{' '}
          <span class="swatch" style={{ background: '#555', opacity: 0.45 }} aria-hidden="true" /> {ht(lang, 'hinterlandPart')}
        </p>
      )}
    </div>
  );
}

/** The key of the units where two definitions disagree, when the comparison put them on the map, with a way to hide them. */
function DisagreementKey() {
  const lang = useAppState((s) => s.lang);
  const d = useAppState(selectDisagreement);
  const setHinterland = useAppState((s) => s.setHinterland);
  if (!d) return null;
  const [a, b] = d.pair;
  return (
    <p class="legend-note hinterland-disagree-key" data-disagree={d.codes.length}>
      <span class="swatch" style={{ background: DISAGREE_COLOUR, opacity: 0.5, outline: `1.5px dashed ${DISAGREE_COLOUR}` }} aria-hidden="true" /> {ht(lang, 'disagreeKey')}: {ht(lang, `short_${a}`)} – {ht(lang, `short_${b}`)} — {d.codes.length} {ht(lang, 'disagreeUnits')},{' '}
      {formatNumber(d.areaKm2, lang, 0)} km² ({ht(lang, 'fromBoundaries')}).{' '}
      <button type="button" class="link-button" onClick={() => setHinterland({ disagree: null })}>
        {ht(lang, 'disagreeHide')}
      </button>
    </p>
  );
}
