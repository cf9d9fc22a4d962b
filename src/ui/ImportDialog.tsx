import { useEffect, useRef, useState } from 'preact/hooks';
import type { Dimension } from '../domain/indicators.ts';
import type { ImportOptions, ImportResult, UnitRef } from '../domain/importCsv.ts';
import { userIndicatorFrom } from '../domain/userIndicators.ts';
import { sourceLabel } from '../domain/provenance.ts';
import { useAppState } from './context.ts';
import { t } from './i18n.ts';

interface Loaded {
  fileName: string;
  text: string;
  result: ImportResult;
  options: ImportOptions;
}

/** The parser and the full unit list (with Varakļānu novads, to name it) load only when needed. */
async function parser(): Promise<{ parse: (text: string, options: ImportOptions) => ImportResult }> {
  const [{ parseIndicatorImport }, { unitRefsFromCsv }, units] = await Promise.all([
    import('../domain/importCsv.ts'),
    import('../domain/unitMatch.ts'),
    import('../../geodata/inputs/units.csv?raw'),
  ]);
  return { parse: (text, options) => parseIndicatorImport(text, unitRefsCache ?? (unitRefsCache = unitRefsFromCsv(units.default, [])), options) };
}
let unitRefsCache: UnitRef[] | null = null;

/**
 * Imports the user's own indicator from a CSV (picked or dropped): shows which rows matched and
 * which did not and why, in the current language, and adds nothing until the user confirms. A
 * file that cannot be imported changes nothing. Imports stay in this browser until removed.
 */
export function ImportDialog() {
  const lang = useAppState((s) => s.lang);
  const open = useAppState((s) => s.importOpen);
  const setOpen = useAppState((s) => s.setImportOpen);
  const pending = useAppState((s) => s.pendingImportFile);
  const users = useAppState((s) => s.userIndicators);
  const addUser = useAppState((s) => s.addUserIndicator);
  const removeUser = useAppState((s) => s.removeUserIndicator);
  const setChoropleth = useAppState((s) => s.setChoropleth);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [name, setName] = useState('');
  const [unit, setUnit] = useState('');
  const [dimension, setDimension] = useState<Dimension>('social');
  const dialog = useRef<HTMLDialogElement>(null);

  const read = async (fileName: string, text: string, options: ImportOptions = {}) => {
    const { parse } = await parser();
    const result = parse(text, options);
    setLoaded({ fileName, text, result, options });
    if (!name) setName(result.format?.title || fileName.replace(/\.[^.]+$/, ''));
  };
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
    if (!open) {
      setLoaded(null);
      setName('');
      setUnit('');
    }
  }, [open]);
  useEffect(() => {
    if (pending) void pending.text().then((text) => read(pending.name, text));
  }, [pending]);

  const onFile = async (file: File | undefined) => {
    if (file) await read(file.name, await file.text());
  };
  const confirm = () => {
    if (!loaded) return;
    const user = userIndicatorFrom(loaded.result, { name: name.trim() || loaded.fileName, unit: unit.trim(), dimension, fileName: loaded.fileName, today: new Date().toISOString().slice(0, 10) }, users.map((u) => u.meta.id));
    if (!user) return;
    addUser(user);
    // Its latest year, as the picker opens every indicator (an import's rows may be of several years).
    const latestYear = user.observations.reduce((y, o) => (o.year > y ? o.year : y), '');
    setChoropleth({ indicator: user.meta.id, year: latestYear || 'latest', method: 'quantile', palette: 'blues' });
    setOpen(false);
  };
  const r = loaded?.result;
  const fatal = r && r.errors.length > 0;
  return (
    <dialog
      ref={dialog}
      class="table-dialog import-dialog"
      aria-labelledby="import-title"
      onClose={() => setOpen(false)}
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        void onFile(e.dataTransfer?.files[0]);
      }}
    >
      <header class="panel-header">
        <h2 id="import-title">{t(lang, 'importTitle')}</h2>
        <button type="button" class="icon-button" onClick={() => setOpen(false)} aria-label={t(lang, 'close')}>
          ×
        </button>
      </header>
      <p class="muted">{t(lang, 'importHelp')}</p>
      <label class="drop-zone">
        <input type="file" accept=".csv,text/csv,text/plain" onChange={(e) => void onFile((e.target as HTMLInputElement).files?.[0])} />
        <span>{t(lang, 'dropHere')}</span>
      </label>
      {r && loaded && (
        <section class="import-result" aria-live="polite">
          <h3>{loaded.fileName}</h3>
          {fatal ? (
            <div class="import-error" role="alert">
              <strong>{t(lang, 'importFailed')}:</strong> {r.errors.map((e) => e.message[lang]).join(' ')} {t(lang, 'importNothingChanged')}
            </div>
          ) : (
            <p>
              {t(lang, 'importMatched')}: <strong data-count="matched">{r.rows.length}</strong>
              {r.national.length > 0 && ` + ${t(lang, 'national')}`}
            </p>
          )}
          {r.errors.some((e) => e.kind === 'no_year') && (
            <label class="control">
              <span class="control-label">{t(lang, 'importYear')}</span>
              <input type="text" inputMode="numeric" placeholder="2025" onChange={(e) => void read(loaded.fileName, loaded.text, { ...loaded.options, year: (e.target as HTMLInputElement).value.trim() })} />
            </label>
          )}
          {r.series.length > 0 && (
            <label class="control">
              <span class="control-label">{t(lang, 'importSeries')}</span>
              <select onChange={(e) => {
                const [column, value] = JSON.parse((e.target as HTMLSelectElement).value) as [string, string];
                void read(loaded.fileName, loaded.text, { ...loaded.options, filter: { [column]: value } });
              }}>
                <option value="">—</option>
                {r.series.flatMap((s) => s.values.map((v) => <option key={`${s.column}=${v}`} value={JSON.stringify([s.column, v])}>{`${s.column}: ${v}`}</option>))}
              </select>
            </label>
          )}
          {r.unmatched.length > 0 && (
            <details open={r.unmatched.length <= 20}>
              <summary>
                {t(lang, 'importUnmatched')}: <span data-count="unmatched">{r.unmatched.length}</span>
              </summary>
              <ul class="import-issues">
                {r.unmatched.map((u) => (
                  <li key={`${u.line}-${u.year ?? ''}`} data-line={u.line}>
                    {t(lang, 'line')} {u.line}: <code>{u.raw}</code> — {u.reason[lang]}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {r.warnings.length > 0 && (
            <details>
              <summary>{t(lang, 'importWarnings')}: {r.warnings.length}</summary>
              <ul class="import-issues">
                {r.warnings.map((u) => (
                  <li key={`w${u.line}`}>
                    {t(lang, 'line')} {u.line}: {u.reason[lang]}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {!fatal && (
            <div class="import-form">
              <label class="control">
                <span class="control-label">{t(lang, 'indicatorName')}</span>
                <input type="text" value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} />
              </label>
              <label class="control">
                <span class="control-label">{t(lang, 'indicatorUnit')}</span>
                <input type="text" value={unit} onInput={(e) => setUnit((e.target as HTMLInputElement).value)} />
              </label>
              <label class="control">
                <span class="control-label">{t(lang, 'dimension')}</span>
                <select value={dimension} onChange={(e) => setDimension((e.target as HTMLSelectElement).value as Dimension)}>
                  {(['social', 'economic', 'environmental'] as const).map((d) => (
                    <option key={d} value={d}>
                      {t(lang, `dimension_${d}`)}
                    </option>
                  ))}
                </select>
              </label>
              <div class="button-row">
                <button type="button" class="small-button primary-button" onClick={confirm}>
                  {t(lang, 'addToMap')}
                </button>
                <button type="button" class="small-button" onClick={() => setOpen(false)}>
                  {t(lang, 'cancel')}
                </button>
              </div>
            </div>
          )}
        </section>
      )}
      {users.length > 0 && (
        <section>
          <h3>{t(lang, 'yourImports')}</h3>
          <ul class="import-list">
            {users.map((u) => (
              <li key={u.meta.id}>
                <span>
                  {u.meta.nameLv} <span class="muted">({sourceLabel(u.meta, lang)}, {u.importedAt})</span>
                </span>
                <button type="button" class="small-button" onClick={() => removeUser(u.meta.id)}>
                  {t(lang, 'remove')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </dialog>
  );
}
