import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { AreaAggregate, Figure } from '../../domain/hinterland/aggregates.ts';
import { yearsOf } from '../../domain/indicators.ts';
import { aggregateKind, effectiveLevel, selectAggregates } from '../../state/hinterlandDerived.ts';
import { useAppState } from '../context.ts';
import { t } from '../i18n.ts';
import { figureText, sourceLabels, type FigureKind } from './figures.tsx';
import { ht } from './strings.ts';
import { nameIn } from '../../domain/bilingual.ts';

const COLUMNS: [keyof AreaAggregate | 'cityShareOfResidents' | 'coreAreaKm2' | 'restAreaKm2', FigureKind, Parameters<typeof ht>[1]][] = [
  ['areaKm2', 'area', 'area'],
  ['coreAreaKm2', 'area', 'coreArea'],
  ['restAreaKm2', 'area', 'restArea'],
  ['residents', 'residents', 'residents'],
  ['densityPerKm2', 'density', 'density'],
  ['shareOfLatviaResidents', 'share', 'shareResidents'],
  ['shareOfLatviaArea', 'share', 'shareArea'],
  ['cityShareOfResidents', 'share', 'cityShare'],
];

/**
 * The table of every city with its hinterland, the unassigned units and Latvia: area, residents,
 * density, shares of Latvia and the city's share, all computed, with the year and sources below.
 * A cell without a value says "no data" and points to its reason in the notes.
 */
export function HinterlandTable({ open, onClose }: { open: boolean; onClose: () => void }) {
  const lang = useAppState((s) => s.lang);
  const dataset = useAppState((s) => s.dataset);
  const aggregates = useAppState(selectAggregates);
  const kind = useAppState(aggregateKind);
  const level = useAppState(effectiveLevel);
  const year = useAppState((s) => s.hinterland.year);
  const setHinterland = useAppState((s) => s.setHinterland);
  const dialog = useRef<HTMLDialogElement>(null);
  const years = useMemo(() => (dataset ? yearsOf(dataset.indicators, 'population_1jan') : []), [dataset]);
  useEffect(() => {
    const d = dialog.current;
    if (open && d && !d.open) d.showModal();
    if (!open && d?.open) d.close();
  }, [open]);
  if (!dataset || !aggregates) return null;
  const nameOf = (id: string) => {
    const c = dataset.cities.features.find((f) => f.properties.id === id)?.properties;
    return c ? nameIn(c, lang) : id;
  };
  const notes: string[] = [];
  const cell = (key: string, f: Figure | undefined, kind: FigureKind) => {
    if (!f) return <td key={key} />;
    const text = figureText(f, kind, lang);
    if (text !== null) return <td key={key} class="num">{text}</td>;
    const note = f.note[lang];
    const n = (notes.includes(note) ? notes.indexOf(note) : notes.push(note) - 1) + 1;
    return (
      <td key={key} class="num muted" title={note}>
        {ht(lang, 'noData')} <sup>{n}</sup>
      </td>
    );
  };
  const rows: [string, string, AreaAggregate & { cityShareOfResidents?: Figure; coreAreaKm2?: Figure; restAreaKm2?: Figure }][] = [
    ...aggregates.cities.map((c) => [c.cityId, nameOf(c.cityId), c] as [string, string, typeof c]),
    ...(aggregates.unassigned ? [['unassigned', ht(lang, level === 'territorial' ? 'unassignedUnits' : 'unassigned'), aggregates.unassigned] as [string, string, AreaAggregate]] : []),
    ['latvia', ht(lang, 'latvia'), aggregates.latvia],
  ];
  const sources = [...new Set(rows.flatMap(([, , a]) => a.residents.sources))].map((i) => sourceLabels(dataset.indicators, lang).get(i)).join(', ');
  return (
    <dialog ref={dialog} class="table-dialog hinterland-dialog" aria-labelledby="hinterland-table-title" onClose={onClose}>
      <header class="panel-header">
        <div>
          <h2 id="hinterland-table-title">{ht(lang, 'tableTitle')}</h2>
          <div class="panel-kind">
            {ht(lang, `kind_${kind}`)}
            {level === 'territorial' && ` · ${ht(lang, 'level_territorial')}`}
          </div>
        </div>
        <button type="button" class="icon-button" onClick={onClose} aria-label={t(lang, 'close')} title={t(lang, 'close')}>
          ×
        </button>
      </header>
      <label class="control hinterland-year">
        <span class="control-label">{ht(lang, 'year')}</span>
        <select value={year ?? ''} onChange={(e) => setHinterland({ year: (e.target as HTMLSelectElement).value || null })}>
          <option value="">{aggregates.year ?? '—'} ({lang === 'lv' ? 'jaunākais' : 'latest'})</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      <div class="hinterland-table-wrap">
        <table class="data-table hinterland-table">
          <thead>
            <tr>
              <th scope="col">{ht(lang, 'city')}</th>
              <th scope="col">{ht(lang, 'units')}</th>
              {COLUMNS.map(([key, , label]) => (
                <th scope="col" key={key}>
                  {ht(lang, label)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(([id, name, a]) => (
              <tr key={id} data-row={id}>
                <th scope="row">{name}</th>
                <td class="num">{a.units.length}</td>
                {COLUMNS.map(([key, kind]) => cell(key, a[key as keyof typeof a] as Figure | undefined, kind))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="source-note">
        {aggregates.year ?? ''} · {ht(lang, 'source')}: {sources} · {ht(lang, 'area')}: {ht(lang, 'fromBoundaries')}. {ht(lang, 'allComputed')}
      </p>
      {notes.length > 0 && (
        <ol class="hinterland-notes" aria-label={ht(lang, 'notes')}>
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ol>
      )}
    </dialog>
  );
}
