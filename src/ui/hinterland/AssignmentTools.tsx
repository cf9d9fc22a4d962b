import { useState } from 'preact/hooks';
import type { CsvFormat } from '../../domain/csvWrite.ts';
import type { AssignmentError, HinterlandAssignment } from '../../domain/hinterland/assignment.ts';
import { hinterlandContext, selectAssignment } from '../../state/hinterlandDerived.ts';
import { useAppState } from '../context.ts';
import { CsvFormatPicker, useCsvFormat } from '../CsvFormatPicker.tsx';
import { unitCount } from '../i18n.ts';
import { ht } from './strings.ts';
import { downloadText } from '../download.ts';

/** Downloads the assignment as CSV; its module (which brings papaparse for the reader) is fetched on the first export. */
async function exportAssignment(assignment: HinterlandAssignment, edited: boolean, format: CsvFormat) {
  const { assignmentToCsv } = await import('../../domain/hinterland/assignmentCsv.ts');
  downloadText(`hinterland_assignment${edited ? '-edited' : ''}.csv`, assignmentToCsv(assignment, format), 'text/csv;charset=utf-8');
}

type Status = { kind: 'imported'; name: string } | { kind: 'rejected'; name: string; errors: AssignmentError[] } | null;

/**
 * Export, import and reset of the administrative assignment. An import is checked whole by
 * `parseAssignmentCsv`: a bad file is listed line by line and changes nothing. A reset asks first.
 */
export function AssignmentTools() {
  const lang = useAppState((s) => s.lang);
  const dataset = useAppState((s) => s.dataset);
  const user = useAppState((s) => s.userAssignment);
  const assignment = useAppState(selectAssignment);
  const importAssignment = useAppState((s) => s.importAssignment);
  const resetAssignment = useAppState((s) => s.resetAssignment);
  const [status, setStatus] = useState<Status>(null);
  const csvFormat = useCsvFormat();
  if (!dataset) return null;
  const shipped = hinterlandContext(dataset).shipped;
  const shippedCity = new Map(shipped.ok ? shipped.assignment.map((a) => [a.code, a.cityId]) : []);
  const differ = user ? user.filter((a) => a.cityId !== shippedCity.get(a.code)).length : 0;
  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const result = await importAssignment(await file.text());
    setStatus(result.ok ? { kind: 'imported', name: file.name } : { kind: 'rejected', name: file.name, errors: result.errors });
  };
  return (
    <div class="assignment-tools">
      <p class="legend-note" data-assignment={user ? 'user' : 'shipped'}>
        {user ? `${ht(lang, 'edited')}: ${unitCount(differ, lang)} ${ht(lang, 'differ')}` : ht(lang, 'shippedInForce')}
      </p>
      <div class="button-row">
        <CsvFormatPicker />
        <button type="button" class="small-button" title="CSV" disabled={!assignment} onClick={() => assignment && void exportAssignment(assignment, user !== null, csvFormat)}>
          {ht(lang, 'export')}
        </button>
        <label class="small-button file-button" title={ht(lang, 'csvHint')}>
          {ht(lang, 'import')}
          <input type="file" accept=".csv,text/csv" class="visually-hidden" onChange={(e) => void onFile(e.currentTarget)} />
        </label>
        <button
          type="button"
          class="small-button"
          disabled={!user}
          onClick={() => {
            if (!window.confirm(ht(lang, 'resetConfirm'))) return;
            resetAssignment();
            setStatus(null);
          }}
        >
          {ht(lang, 'reset')}
        </button>
      </div>
      {status?.kind === 'imported' && (
        <p class="legend-note" role="status">
          {ht(lang, 'imported')}: {status.name}
        </p>
      )}
      {status?.kind === 'rejected' && (
        <div class="import-error hinterland-import-error" role="alert">
          <strong>
            {status.name}: {ht(lang, 'importRejected')}
          </strong>
          <ul class="import-issues">
            {status.errors.map((e, i) => (
              <li key={i} data-line={e.line}>
                {e.line > 0 ? `${ht(lang, 'line')} ${e.line}` : ht(lang, 'wholeFile')}: {e.reason[lang]}
              </li>
            ))}
          </ul>
        </div>
      )}
      {!shipped.ok && <p class="control-error">{ht(lang, 'noShipped')}</p>}
    </div>
  );
}
