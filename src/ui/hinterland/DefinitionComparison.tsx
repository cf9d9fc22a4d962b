import { useEffect, useRef } from 'preact/hooks';
import { formatNumber } from '../../domain/format.ts';
import { selectDefinitionComparison, type ComparedDefinition } from '../../state/hinterlandComparison.ts';
import { useAppState } from '../context.ts';
import { t } from '../i18n.ts';
import { ht } from './strings.ts';

const pairsOf = (ds: readonly ComparedDefinition[]) => ds.flatMap((a, i) => ds.slice(i + 1).map((b) => [a, b] as const));

/**
 * Each city under the administrative, gravity and FUA definitions side by side: units and area
 * (its own territory included), and for each pair of definitions how much of the territory they
 * share (Jaccard index by area): where two definitions disagree for a city, the figure is low.
 */
export function DefinitionComparison({ open, onClose }: { open: boolean; onClose: () => void }) {
  const lang = useAppState((s) => s.lang);
  const dataset = useAppState((s) => s.dataset);
  const comparison = useAppState(selectDefinitionComparison);
  const setHinterland = useAppState((s) => s.setHinterland);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (open && d && !d.open) d.showModal();
    if (!open && d?.open) d.close();
  }, [open]);
  if (!dataset || !comparison) return null;
  // Place names keep their Latvian letters in both languages.
  const nameOf = (id: string) => dataset.cities.features.find((f) => f.properties.id === id)?.properties.nameLv ?? id;
  const short = (k: ComparedDefinition) => ht(lang, `short_${k}`);
  const definitions = comparison.definitions;
  const PAIRS = pairsOf(definitions);
  return (
    <dialog ref={dialog} class="table-dialog hinterland-dialog" aria-labelledby="hinterland-compare-title" onClose={onClose}>
      <header class="panel-header">
        <div>
          <h2 id="hinterland-compare-title">{ht(lang, 'compareTitle')}</h2>
          <div class="panel-kind">{ht(lang, comparison.level === 'territorial' ? 'level_territorial' : 'level_municipality')}</div>
        </div>
        <button type="button" class="icon-button" onClick={onClose} aria-label={t(lang, 'close')} title={t(lang, 'close')}>
          ×
        </button>
      </header>
      <div class="hinterland-table-wrap">
        <table class="data-table hinterland-compare">
          <thead>
            <tr>
              <th scope="col">{ht(lang, 'city')}</th>
              {definitions.map((k) => (
                <th scope="col" key={k}>
                  {short(k)}
                </th>
              ))}
              {PAIRS.map(([a, b]) => (
                <th scope="col" key={`${a}|${b}`} title={ht(lang, 'agreementHint')}>
                  {short(a)} – {short(b)}
                  <button
                    type="button"
                    class="link-button disagree-button"
                    data-pair={`${a}|${b}`}
                    onClick={() => {
                      setHinterland({ disagree: [a, b], shown: true });
                      onClose();
                    }}
                  >
                    {ht(lang, 'disagreeShow')}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {comparison.rows.map((r) => (
              <tr key={r.cityId} data-row={r.cityId}>
                <th scope="row" lang="lv">
                  {nameOf(r.cityId)}
                </th>
                {definitions.map((k) => {
                  const d = r.byDefinition[k];
                  return (
                    <td key={k} class={`num${d ? '' : ' muted'}`}>
                      {d ? `${d.units} · ${formatNumber(d.areaKm2, lang, 0)} km²` : '—'}
                    </td>
                  );
                })}
                {PAIRS.map(([a, b]) => {
                  const v = r.agreement[`${a}|${b}`];
                  return (
                    <td key={`${a}|${b}`} class={`num${v === null || v === undefined ? ' muted' : v < 0.5 ? ' disagree' : ''}`}>
                      {v === null || v === undefined ? '—' : formatNumber(v, lang, 2)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="source-note">{ht(lang, 'compareNote')}</p>
    </dialog>
  );
}
