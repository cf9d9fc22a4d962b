import type { ImportOptions, ImportProgress, ImportResult, UnitRef } from '../domain/importCsv.ts';
import { sizeRefusal } from '../domain/importLimits.ts';
import { driveSteps } from '../domain/importSteps.ts';
import type { Bilingual } from '../domain/bilingual.ts';

/*
 * Where an import is parsed: in a module Web Worker (importWorker.ts), so that the page never
 * waits for a big file, or, where there is no Worker, on the page in slices with a turn for the
 * browser between them. Both run the same domain steps (importSteps) behind one interface,
 * `ImportRunner`, and both stop on Cancel without a result.
 */

/** A file to read, the units to match it against, and how to read it. */
export interface ImportJob {
  file: Blob;
  units: readonly UnitRef[];
  options: ImportOptions;
}

/** How a read ended: a result (which may itself be a failed import), refused, or cancelled. */
export type ImportOutcome = { kind: 'done'; result: ImportResult } | { kind: 'refused'; message: Bilingual } | { kind: 'cancelled' };

/** A read under way; after `cancel` its outcome is `cancelled` and no progress follows. */
export interface ImportTask {
  outcome: Promise<ImportOutcome>;
  cancel(): void;
}

export type ImportRunner = (job: ImportJob, onProgress: (progress: ImportProgress) => void) => ImportTask;

/** What the worker answers a job with: progress while it reads, then a result or an error. */
export type WorkerReply = { type: 'progress'; progress: ImportProgress } | { type: 'result'; result: ImportResult } | { type: 'error'; message: string };

/** The part of a Worker the runner uses, so that a test can stand in for one. */
export interface WorkerLike {
  postMessage(job: ImportJob): void;
  terminate(): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<WorkerReply>) => void): void;
  addEventListener(type: 'error', listener: (e: ErrorEvent) => void): void;
}

/** A slice of work on the page between two turns of the browser: well under a frame budget of 200 ms. */
const SLICE_MS = 30;
const CANCELLED: ImportOutcome = { kind: 'cancelled' };

/** A result refused by a limit becomes a refusal: the preview the user had stays. */
const outcomeOf = (result: ImportResult): ImportOutcome =>
  result.errors[0]?.kind === 'too_large' ? { kind: 'refused', message: result.errors[0].message } : { kind: 'done', result };

const unreadable = (detail: string): ImportOutcome => ({
  kind: 'refused',
  message: { lv: `Failu neizdevās nolasīt (${detail}).`, en: `The file could not be read (${detail}).` },
});
const detailOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Reads on the page: slices of `sliceMs`, each followed by a zero timeout so the browser can paint and take input. */
export function chunkedRunner(sliceMs = SLICE_MS): ImportRunner {
  return (job, onProgress) => {
    let cancelled = false;
    let stop!: () => void;
    const stopped = new Promise<ImportOutcome>((resolve) => (stop = () => resolve(CANCELLED)));
    const run = async (): Promise<ImportOutcome> => {
      try {
        const [{ importSteps }, text] = await Promise.all([import('../domain/importCsv.ts'), job.file.text()]);
        if (cancelled) return CANCELLED;
        const pause = async (progress: ImportProgress) => {
          if (!cancelled) onProgress(progress);
          await new Promise((resolve) => setTimeout(resolve, 0));
          return !cancelled;
        };
        const ran = await driveSteps(importSteps(text, job.units, job.options), pause, sliceMs);
        return ran.done && !cancelled ? outcomeOf(ran.value) : CANCELLED;
      } catch (e) {
        return cancelled ? CANCELLED : unreadable(detailOf(e));
      }
    };
    return {
      outcome: Promise.race([run(), stopped]),
      cancel() {
        cancelled = true;
        stop();
      },
    };
  };
}

/**
 * Reads in a module worker, one worker per file: Cancel terminates it. A worker that fails before
 * it has said anything could not start (an old browser, a policy), and the page reads instead.
 */
export function workerRunner(create: () => WorkerLike = () => new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module' })): ImportRunner {
  return (job, onProgress) => {
    let worker: WorkerLike;
    try {
      worker = create();
    } catch {
      return chunkedRunner()(job, onProgress);
    }
    let settle!: (outcome: ImportOutcome) => void;
    const outcome = new Promise<ImportOutcome>((resolve) => (settle = resolve));
    let heard = false;
    let over = false;
    let fallback: ImportTask | null = null;
    const finish = (o: ImportOutcome) => {
      if (over) return;
      over = true;
      worker.terminate();
      settle(o);
    };
    worker.addEventListener('message', ({ data }) => {
      if (over) return;
      heard = true;
      if (data.type === 'progress') onProgress(data.progress);
      else finish(data.type === 'result' ? outcomeOf(data.result) : unreadable(data.message));
    });
    worker.addEventListener('error', (e) => {
      if (over) return;
      if (heard) return finish(unreadable(e.message || 'worker'));
      over = true;
      worker.terminate();
      console.warn('the import worker could not start; reading on the page:', e.message);
      fallback = chunkedRunner()(job, onProgress);
      void fallback.outcome.then(settle);
    });
    worker.postMessage(job);
    return {
      outcome,
      cancel() {
        fallback?.cancel();
        finish(CANCELLED);
      },
    };
  };
}

/** A worker where the platform has one, the page otherwise (Node, in unit tests). */
export function defaultRunner(): ImportRunner {
  return typeof Worker === 'function' ? workerRunner() : chunkedRunner();
}

/** Starts reading a file, refusing one over the size limit by its size alone, before any of it is read. */
export function startImport(job: ImportJob, onProgress: (progress: ImportProgress) => void, runner: ImportRunner = defaultRunner()): ImportTask {
  const refused = sizeRefusal(job.file.size);
  if (refused) return { outcome: Promise.resolve({ kind: 'refused', message: refused }), cancel() {} };
  return runner(job, onProgress);
}
