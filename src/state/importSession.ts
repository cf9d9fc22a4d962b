import type { ImportOptions, ImportProgress, ImportResult, UnitRef } from '../domain/importCsv.ts';
import type { Bilingual } from '../domain/bilingual.ts';
import { startImport, type ImportOutcome, type ImportRunner, type ImportTask } from './importRunner.ts';

/*
 * What the import dialog shows while the user brings files: the preview of the last file read,
 * the file being read with its progress, and a file refused by a limit. One file is read at a
 * time; Cancel, or a refused file, leaves the preview the user had exactly as it was.
 */

/** A file read to the end: its result, and the file and options to read it again with a choice. */
export interface ImportPreview {
  fileName: string;
  file: Blob;
  result: ImportResult;
  options: ImportOptions;
}

export interface ImportSessionState {
  preview: ImportPreview | null;
  /** The file being read; progress is null until the first report. */
  reading: { fileName: string; progress: ImportProgress | null } | null;
  /** The last file refused (too large, unreadable), shown above the preview the user still has. */
  refusal: { fileName: string; message: Bilingual } | null;
}

export const NO_IMPORT: ImportSessionState = { preview: null, reading: null, refusal: null };

/** The units to match against could not be loaded (offline before they were cached). */
const NO_UNITS: ImportTask = {
  outcome: Promise.resolve({ kind: 'refused', message: { lv: 'Pašvaldību sarakstu neizdevās ielādēt; mēģiniet vēlreiz.', en: 'The list of municipalities could not be loaded; try again.' } }),
  cancel() {},
};

export interface ImportSession {
  state(): ImportSessionState;
  /** Reads a file, cancelling any read under way; gives how it ended. */
  read(fileName: string, file: Blob, options?: ImportOptions): Promise<ImportOutcome>;
  /** Stops the read under way and puts back what was shown before it began. */
  cancel(): void;
  /** Stops any read and forgets everything, as when the dialog closes. */
  reset(): void;
}

/**
 * A session of the import dialog, free of any UI: `onChange` hears every new state. `units`
 * loads the units to match against (once, lazily, in the app); `runner` defaults to a worker.
 */
export function createImportSession(deps: { units: () => Promise<readonly UnitRef[]>; onChange: (state: ImportSessionState) => void; runner?: ImportRunner }): ImportSession {
  let state = NO_IMPORT;
  /** The read under way and what was shown before it, to put back on Cancel. */
  let current: { before: ImportSessionState; task: ImportTask | null } | null = null;
  const set = (next: ImportSessionState) => {
    state = next;
    deps.onChange(state);
  };
  const stop = () => {
    const run = current;
    current = null;
    run?.task?.cancel();
    return run;
  };
  return {
    state: () => state,
    async read(fileName, file, options = {}) {
      const before = stop()?.before ?? state;
      const run: { before: ImportSessionState; task: ImportTask | null } = { before, task: null };
      current = run;
      set({ ...before, refusal: null, reading: { fileName, progress: null } });
      const units = await deps.units().catch(() => null);
      if (current !== run) return { kind: 'cancelled' };
      run.task = units ? startImport({ file, units, options }, (progress) => current === run && set({ ...state, reading: { fileName, progress } }), deps.runner) : NO_UNITS;
      const outcome = await run.task.outcome;
      if (current !== run) return { kind: 'cancelled' };
      current = null;
      if (outcome.kind === 'done') set({ preview: { fileName, file, result: outcome.result, options }, reading: null, refusal: null });
      else if (outcome.kind === 'refused') set({ ...before, reading: null, refusal: { fileName, message: outcome.message } });
      else set(before);
      return outcome;
    },
    cancel() {
      const run = stop();
      if (run) set(run.before);
    },
    reset() {
      stop();
      set(NO_IMPORT);
    },
  };
}
