import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Dimension } from '../domain/indicators.ts';
import type { ImportOptions, UnitRef } from '../domain/importCsv.ts';
import { importLimitsNote } from '../domain/importLimits.ts';
import { userIndicatorFrom } from '../domain/userIndicators.ts';
import { sourceLabel } from '../domain/provenance.ts';
import { createImportSession, NO_IMPORT, type ImportSessionState } from '../state/importSession.ts';
import { useAppState } from './context.ts';
import { t } from './i18n.ts';
import { ImportIssues } from './ImportIssues.tsx';
import { ImportReading } from './ImportReading.tsx';

/** The full unit list (with Varakļānu novads, to name it), loaded only when a file is read. */
let unitRefs: Promise<readonly UnitRef[]> | null = null;
function loadUnits(): Promise<readonly UnitRef[]> {
  unitRefs ??= Promise.all([import('../domain/unitMatch.ts'), import('../../geodata/inputs/units.csv?raw')]).then(([{ unitRefsFromCsv }, units]) => unitRefsFromCsv(units.default, []));
  // A failed load (offline before it was cached) is tried again with the next file.
  unitRefs.catch(() => (unitRefs = null));
  return unitRefs;
}

/**
 * Imports the user's own indicator from a CSV (picked or dropped): shows which rows matched and
 * which did not and why, in the current language, and adds nothing until the user confirms. A
 * file that cannot be imported changes nothing. The file is parsed in a worker with a progress
 * bar and Cancel (src/state/importSession.ts); Cancel and a file over the limit leave the preview
 * the user had. Imports stay in this browser until removed.
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
  const [{ preview, reading, refusal }, setShown] = useState<ImportSessionState>(NO_IMPORT);
  const session = useMemo(() => createImportSession({ units: loadUnits, onChange: setShown }), []);
  const [name, setName] = useState('');
  const [unit, setUnit] = useState('');
  const [dimension, setDimension] = useState<Dimension>('social');
  const dialog = useRef<HTMLDialogElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  /** What the file input showed before the file being read was picked: put back if it is not read. */
  const shownFiles = useRef<FileList | null>(null);

  const read = async (fileName: string, file: Blob, options: ImportOptions = {}) => {
    const outcome = await session.read(fileName, file, options);
    const input = fileInput.current;
    if (outcome.kind === 'done') {
      setName((n) => n || outcome.result.format?.title || fileName.replace(/\.[^.]+$/, ''));
      if (input) shownFiles.current = input.files;
    } else if (input && !session.state().reading) input.files = shownFiles.current ?? new DataTransfer().files;
  };
  const cancelReading = () => {
    session.cancel();
    // The button goes away: focus stays in the dialog.
    fileInput.current?.focus();
  };
  useEffect(() => () => session.reset(), [session]);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
    if (!open) {
      session.reset();
      // Forget the pick too, so that the same file can be picked again next time.
      shownFiles.current = null;
      if (fileInput.current) fileInput.current.value = '';
      setName('');
      setUnit('');
    }
  }, [open]);
  useEffect(() => {
    if (pending) void read(pending.name, pending);
  }, [pending]);

  const onFile = async (file: File | undefined) => {
    if (file) await read(file.name, file);
  };
  const confirm = () => {
    if (!preview) return;
    const user = userIndicatorFrom(preview.result, { name: name.trim() || preview.fileName, unit: unit.trim(), dimension, fileName: preview.fileName, today: new Date().toISOString().slice(0, 10) }, users.map((u) => u.meta.id));
    if (!user) return;
    addUser(user);
    // Its latest year, as the picker opens every indicator (an import's rows may be of several years).
    const latestYear = user.observations.reduce((y, o) => (o.year > y ? o.year : y), '');
    setChoropleth({ indicator: user.meta.id, year: latestYear || 'latest', method: 'quantile', palette: 'blues' });
    setOpen(false);
  };
  const r = preview?.result;
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
      <p class="muted">
        {t(lang, 'importHelp')} {importLimitsNote[lang]}
      </p>
      <label class="drop-zone">
        <input ref={fileInput} type="file" accept=".csv,text/csv,text/plain" onChange={(e) => void onFile((e.target as HTMLInputElement).files?.[0])} />
        <span>{t(lang, 'dropHere')}</span>
      </label>
      {reading && <ImportReading lang={lang} fileName={reading.fileName} progress={reading.progress} onCancel={cancelReading} />}
      {refusal && (
        <div class="import-error import-refused" role="alert">
          <strong>
            {refusal.fileName} — {t(lang, 'importFailed')}:
          </strong>{' '}
          {refusal.message[lang]} {t(lang, 'importNothingChanged')}
        </div>
      )}
      {r && preview && (
        <section class="import-result" aria-live="polite">
          <h3>{preview.fileName}</h3>
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
              <input type="text" inputMode="numeric" placeholder="2025" onChange={(e) => void read(preview.fileName, preview.file, { ...preview.options, year: (e.target as HTMLInputElement).value.trim() })} />
            </label>
          )}
          {r.series.length > 0 && (
            <label class="control">
              <span class="control-label">{t(lang, 'importSeries')}</span>
              <select onChange={(e) => {
                const [column, value] = JSON.parse((e.target as HTMLSelectElement).value) as [string, string];
                void read(preview.fileName, preview.file, { ...preview.options, filter: { [column]: value } });
              }}>
                <option value="">—</option>
                {/* A column of thousands of values tells rows apart, not series: a few hundred options at most. */}
                {r.series.flatMap((s) => s.values.slice(0, 500).map((v) => <option key={`${s.column}=${v}`} value={JSON.stringify([s.column, v])}>{`${s.column}: ${v}`}</option>))}
              </select>
            </label>
          )}
          <ImportIssues lang={lang} unmatched={r.unmatched} warnings={r.warnings} />
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
