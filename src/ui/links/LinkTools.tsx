import { useContext, useState } from 'preact/hooks';
import type { Lang } from '../../domain/format.ts';
import { linksToCsv, type ImportError } from '../../domain/links/csv.ts';
import { linksToGeoJson } from '../../domain/links/geojson.ts';
import { endPositionsOf } from '../../state/linksDerived.ts';
import { importLinks } from '../../state/linkEdits.ts';
import { selectLinks } from '../../state/linksSlice.ts';
import { StoreContext, useAppState } from '../context.ts';
import { CsvFormatPicker, useCsvFormat } from '../CsvFormatPicker.tsx';
import { lt } from './strings.ts';
import { downloadText } from '../download.ts';

/** Add, undo, export (CSV, GeoJSON), import, and reset to the shipped links after asking. Loaded when the section first opens (it brings the CSV and GeoJSON code). */
export function LinkTools({ lang }: { lang: Lang }) {
  const links = useAppState(selectLinks);
  const dataset = useAppState((s) => s.dataset);
  const edited = useAppState((s) => s.userLinks !== null);
  const canUndo = useAppState((s) => s.linkUndo !== undefined);
  const undo = useAppState((s) => s.undoLinkChange);
  const store = useContext(StoreContext)!;
  const resetLinks = useAppState((s) => s.resetLinks);
  const openEditor = useAppState((s) => s.openLinkEditor);
  const [errors, setErrors] = useState<ImportError[] | null>(null);
  const [imported, setImported] = useState<number | null>(null);
  const [confirming, setConfirming] = useState(false);
  const csvFormat = useCsvFormat();
  const stamp = new Date().toISOString().slice(0, 10);
  const exportCsv = () => downloadText(`links-${stamp}.csv`, linksToCsv(links, csvFormat), 'text/csv;charset=utf-8');
  const exportGeoJson = () => dataset && downloadText(`links-${stamp}.geojson`, JSON.stringify(linksToGeoJson(links, endPositionsOf(dataset))), 'application/geo+json');
  const onFile = async (file: File) => {
    const text = await file.text();
    const geojson = /\.(geo)?json$/i.test(file.name) || text.trimStart().startsWith('{');
    const result = importLinks(store, text, geojson ? 'geojson' : 'csv');
    setErrors(result.ok ? null : result.errors);
    setImported(result.ok ? result.links.length : null);
  };
  return (
    <div class="links-tools">
      {edited && <p class="legend-note">{lt(lang, 'edited')}</p>}
      <div class="button-row">
        <button type="button" class="small-button" onClick={() => openEditor('new')}>
          {lt(lang, 'add')}
        </button>
        <button type="button" class="small-button" disabled={!canUndo} onClick={undo}>
          {lt(lang, 'undo')}
        </button>
        <CsvFormatPicker />
        <button type="button" class="small-button" onClick={exportCsv}>
          {lt(lang, 'exportCsv')}
        </button>
        <button type="button" class="small-button" onClick={exportGeoJson}>
          {lt(lang, 'exportGeoJson')}
        </button>
      </div>
      <label class="control">
        <span class="control-label">{lt(lang, 'import')}</span>
        <input
          type="file"
          class="links-import"
          accept=".csv,.geojson,.json,text/csv,application/geo+json"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) void onFile(file);
            e.currentTarget.value = '';
          }}
        />
      </label>
      {imported !== null && (
        <p class="legend-note" role="status">
          {lt(lang, 'imported')}: {imported}
        </p>
      )}
      {errors && (
        <div class="control-error links-import-errors" role="alert">
          {lt(lang, 'rejected')}
          <ul>
            {errors.slice(0, 20).map((e, i) => (
              <li key={i}>
                {e.line !== undefined ? `${lt(lang, 'line')} ${e.line}: ` : e.feature !== undefined ? `${lt(lang, 'feature')} ${e.feature}: ` : ''}
                {e.reason[lang]}
              </li>
            ))}
          </ul>
        </div>
      )}
      {edited && !confirming && (
        <button type="button" class="small-button" onClick={() => setConfirming(true)}>
          {lt(lang, 'reset')}
        </button>
      )}
      {confirming && (
        <div class="links-confirm" role="alertdialog" aria-label={lt(lang, 'reset')}>
          <p>{lt(lang, 'resetConfirm')}</p>
          <div class="button-row">
            <button type="button" class="small-button" onClick={exportCsv}>
              {lt(lang, 'exportCsv')}
            </button>
            <button
              type="button"
              class="small-button links-reset-now"
              onClick={() => {
                resetLinks();
                setConfirming(false);
              }}
            >
              {lt(lang, 'resetNow')}
            </button>
            <button type="button" class="small-button" onClick={() => setConfirming(false)}>
              {lt(lang, 'cancel')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
