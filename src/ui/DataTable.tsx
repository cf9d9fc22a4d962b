import { displayYear } from '../domain/format.ts';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useModalDialog } from './useModalDialog.ts';
import { categoryName } from '../domain/categories.ts';
import { cityGeo } from '../domain/cityProfile.ts';
import { choroplethRows, rowsToCsv, sortRows, type SortKey } from '../domain/table.ts';
import { levelOf } from '../domain/indicators.ts';
import { sourceLabel } from '../domain/provenance.ts';
import { mappedPlaces } from '../domain/mappedChoropleth.ts';
import { selectChoropleth } from '../state/derived.ts';
import { useAppState } from './context.ts';
import { CsvFormatPicker, useCsvFormat } from './CsvFormatPicker.tsx';
import { formatValue } from '../domain/format.ts';
import { t } from './i18n.ts';
import { provenanceTitle } from './OriginalText.tsx';
import { downloadText } from './download.ts';
import { nameIn, unitIn } from '../domain/bilingual.ts';

/**
 * The table of what the map shows (the accessible alternative to the map): one row per unit,
 * sortable by name or value, with year and source, and the same rows as a CSV download.
 */
export function DataTable() {
  const open = useAppState((s) => s.tableOpen);
  const setOpen = useAppState((s) => s.setTableOpen);
  const choropleth = useAppState(selectChoropleth);
  const dataset = useAppState((s) => s.dataset);
  const lang = useAppState((s) => s.lang);
  const select = useAppState((s) => s.select);
  const csvFormat = useCsvFormat();
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'value', descending: true });
  const dialog = useModalDialog(open);
  const rows = useMemo(
    () => (choropleth && dataset ? choroplethRows(choropleth, mappedPlaces(dataset, levelOf(choropleth.indicator)), dataset.indicators, lang) : []),
    [choropleth, dataset, lang],
  );
  if (!choropleth || !dataset) return null;
  const sorted = sortRows(rows, sort.key, sort.descending, lang);
  const header = (key: SortKey, label: string) => (
    <th aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none'} scope="col">
      <button type="button" class="sort-button" onClick={() => setSort({ key, descending: sort.key === key ? !sort.descending : key === 'value' })}>
        {label} {sort.key === key ? (sort.descending ? '▼' : '▲') : ''}
      </button>
    </th>
  );
  const name = nameIn(choropleth.indicator, lang);
  const fileName = `${choropleth.indicator.id}-${choropleth.years.join('-')}-${lang}.csv`;
  return (
    <dialog ref={dialog} class="table-dialog" aria-labelledby="table-title" onClose={() => setOpen(false)}>
      <header class="panel-header">
        <div>
          <h2 id="table-title">{t(lang, 'tableTitle')}</h2>
          <div class="panel-kind">
            {name}, {choropleth.years.map(displayYear).join(', ')} ({unitIn(choropleth.indicator, lang)})
          </div>
        </div>
        <button type="button" class="icon-button" onClick={() => setOpen(false)} aria-label={t(lang, 'close')}>
          ×
        </button>
      </header>
      <div class="button-row">
        <CsvFormatPicker />
        <button type="button" class="small-button" onClick={() => downloadText(fileName, rowsToCsv(sorted, choropleth, lang, csvFormat), 'text/csv;charset=utf-8')}>
          {t(lang, 'downloadCsv')}
        </button>
      </div>
      <table class="data-table">
        <thead>
          <tr>
            {header('name', t(lang, levelOf(choropleth.indicator) === 'city' ? 'stateCityHeading' : 'municipality'))}
            {header('value', t(lang, 'value'))}
            <th scope="col">{t(lang, 'year')}</th>
            <th scope="col">{t(lang, 'class')}</th>
            <th scope="col">{t(lang, 'source')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={r.code} data-code={r.code}>
              <th scope="row">
                <button
                  type="button"
                  class="link-button"
                  onClick={() => {
                    const city = dataset.cities.features.find((f) => cityGeo(f.properties) === r.code && levelOf(choropleth.indicator) === 'city');
                    select(city ? { kind: 'city', id: city.properties.id } : { kind: 'unit', code: r.code });
                    setOpen(false);
                  }}
                >
                  {nameIn(r, lang)}
                </button>
              </th>
              <td class={r.category ? 'category-cell' : 'num'}>{r.category ? categoryName(r.category, lang) : r.value === null ? t(lang, 'noData') : formatValue(r.value, lang)}</td>
              <td>{r.year ?? ''}</td>
              <td>{r.colour && <span class="swatch" style={{ background: r.colour }} title={r.category ? categoryName(r.category, lang) : String((r.classIndex ?? 0) + 1)} />}</td>
              <td class="source-cell" title={r.computed ?? provenanceTitle([r.source], lang)}>
                {r.source ? sourceLabel(choropleth.indicator, lang) : ''}
                {r.computed ? ` · ${t(lang, 'computed')}` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </dialog>
  );
}
