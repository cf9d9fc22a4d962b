import { importSteps } from '../domain/importCsv.ts';
import { driveSteps } from '../domain/importSteps.ts';
import type { ImportJob, WorkerReply } from './importRunner.ts';

/*
 * The module worker that parses an import (started by importRunner.ts; Vite bundles it as its own
 * file, allowed by the policy's worker-src 'self'). It imports only domain code: it reads the
 * file's text, runs the same steps as the page would, and posts progress a few times a second,
 * then the result. Cancel terminates it, so it never has to listen for a stop.
 */

/** How often the progress is posted: often enough for the bar to move smoothly. */
const PROGRESS_MS = 100;

const scope = self as unknown as {
  postMessage(reply: WorkerReply): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<ImportJob>) => void): void;
};

async function read({ file, units, options }: ImportJob): Promise<void> {
  try {
    // The first word also tells the page that the worker started.
    scope.postMessage({ type: 'progress', progress: { done: 0, total: 1 } });
    const text = await file.text();
    const post = (progress: WorkerReply & { type: 'progress' }) => (scope.postMessage(progress), true);
    const ran = await driveSteps(importSteps(text, units, options), (progress) => post({ type: 'progress', progress }), PROGRESS_MS);
    if (ran.done) scope.postMessage({ type: 'result', result: ran.value });
  } catch (e) {
    scope.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
}

scope.addEventListener('message', (e) => void read(e.data));
