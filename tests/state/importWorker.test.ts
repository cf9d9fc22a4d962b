import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseIndicatorImport } from '../../src/domain/importCsv.ts';
import { unitRefsFromCsv } from '../../src/domain/unitMatch.ts';
import { workerRunner, type ImportJob, type WorkerLike, type WorkerReply } from '../../src/state/importRunner.ts';

const units = unitRefsFromCsv(readFileSync(new URL('../../geodata/inputs/units.csv', import.meta.url), 'utf8'), []);
const csv = readFileSync(new URL('../fixtures/import/csp-libraries-2024.csv', import.meta.url), 'utf8');

/** The worker module, loaded in this thread with a stand-in for its global scope. */
let deliver: (job: ImportJob) => void = () => {};
let reply: (r: WorkerReply) => void = () => {};
beforeAll(async () => {
  vi.stubGlobal('self', {
    postMessage: (r: WorkerReply) => reply(r),
    addEventListener: (_type: string, listener: (e: { data: ImportJob }) => void) => (deliver = (data) => listener({ data })),
  });
  await import('../../src/state/importWorker.ts');
});
afterAll(() => void vi.unstubAllGlobals());

/** A Worker whose other end is the worker module above, answering through the same messages. */
function inThisThread(): WorkerLike {
  const listeners: ((e: { data: WorkerReply }) => void)[] = [];
  let live = true;
  reply = (data) => live && listeners.forEach((fn) => fn({ data }));
  return {
    postMessage: (job) => deliver(structuredClone(job)),
    terminate: () => void (live = false),
    addEventListener: (type: string, fn: (e: never) => void) => void (type === 'message' && listeners.push(fn as (e: { data: WorkerReply }) => void)),
  };
}

describe('the import worker', () => {
  it('reads the file it is sent and answers with progress, then the result the page would get', async () => {
    const replies: WorkerReply[] = [];
    reply = (r) => void replies.push(r);
    deliver({ file: new Blob([csv]), units, options: {} });
    await vi.waitUntil(() => replies.some((r) => r.type !== 'progress'));
    expect(replies[0]).toEqual({ type: 'progress', progress: { done: 0, total: 1 } });
    expect(replies.at(-1)).toEqual({ type: 'result', result: parseIndicatorImport(csv, units) });
  });

  it('answers a file it cannot read with an error', async () => {
    const replies: WorkerReply[] = [];
    reply = (r) => void replies.push(r);
    const file = { size: 10, text: () => Promise.reject(new Error('NotReadableError')) } as unknown as Blob;
    deliver({ file, units, options: {} });
    await vi.waitUntil(() => replies.some((r) => r.type !== 'progress'));
    expect(replies.at(-1)).toEqual({ type: 'error', message: 'NotReadableError' });
  });

  it('and the runner, talking to it, give the result of the whole parse', async () => {
    const task = workerRunner(inThisThread)({ file: new Blob([csv]), units, options: {} }, () => {});
    expect(await task.outcome).toEqual({ kind: 'done', result: parseIndicatorImport(csv, units) });
  });
});
