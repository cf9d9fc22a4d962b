import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { parseIndicatorImport } from '../../src/domain/importCsv.ts';
import { IMPORT_LIMITS } from '../../src/domain/importLimits.ts';
import type { ImportProgress } from '../../src/domain/importSteps.ts';
import { unitRefsFromCsv } from '../../src/domain/unitMatch.ts';
import { chunkedRunner, defaultRunner, startImport, workerRunner, type ImportJob, type WorkerLike, type WorkerReply } from '../../src/state/importRunner.ts';

const units = unitRefsFromCsv(readFileSync(new URL('../../geodata/inputs/units.csv', import.meta.url), 'utf8'), []);
const codes = units.filter((u) => !u.validTo).map((u) => u.code);
/** 200 000 rows, as the issue asks: a place and year repeat, with the same or another value. */
const big = ['code,value,year', ...Array.from({ length: 200_000 }, (_, i) => `${codes[i % codes.length]},${i % 7},${2000 + (Math.floor(i / codes.length) % 25)}`)].join('\n');
const job = (text: string): ImportJob => ({ file: new Blob([text]), units, options: {} });
const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The longest the event loop was held while `work` ran: the most CPU time the process spent
 * between two zero timeouts. CPU time, not the clock, so that other programs busy on the same
 * machine (as in CI) do not count against the import.
 */
async function longestBlock(work: Promise<unknown>): Promise<number> {
  let finished = false;
  let longest = 0;
  const cpu = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  let last = cpu();
  const tick = () => {
    const now = cpu();
    longest = Math.max(longest, now - last);
    last = now;
    if (!finished) setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  await work;
  finished = true;
  // The stretch since the last tick counts too: the work may have ended in one long block.
  return Math.max(longest, cpu() - last);
}

describe('an import without a Worker (as in Node)', () => {
  it('parses 200 000 rows in slices that never hold the page 200 ms, reporting progress, to the same result', async () => {
    expect(typeof Worker).toBe('undefined');
    const progress: ImportProgress[] = [];
    const task = startImport(job(big), (p) => progress.push(p), defaultRunner());
    const longest = await longestBlock(task.outcome);
    expect(longest).toBeLessThan(200);
    const outcome = await task.outcome;
    expect(outcome.kind).toBe('done');
    expect(outcome.kind === 'done' && outcome.result).toEqual(parseIndicatorImport(big, units));
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.at(-1)!.done).toBeLessThanOrEqual(progress.at(-1)!.total);
  }, 60_000);

  it('stops on Cancel: no result, no more progress', async () => {
    const progress: ImportProgress[] = [];
    const task = startImport(job(big), (p) => {
      progress.push(p);
      task.cancel();
    }, chunkedRunner());
    expect(await task.outcome).toEqual({ kind: 'cancelled' });
    const seen = progress.length;
    await later(50);
    expect(progress.length).toBe(seen);
    expect(seen).toBeLessThanOrEqual(1);
  }, 60_000);
});

describe('the size limit', () => {
  it('refuses a bigger file by its size, naming the limit, without reading it', async () => {
    const text = vi.fn(async () => '');
    const file = { size: IMPORT_LIMITS.bytes + 1, text } as unknown as Blob;
    const run = vi.fn();
    const outcome = await startImport({ file, units, options: {} }, () => {}, run).outcome;
    expect(outcome.kind).toBe('refused');
    expect(outcome.kind === 'refused' && outcome.message.en).toContain(`${IMPORT_LIMITS.bytes / 1024 / 1024} MB`);
    expect(text).not.toHaveBeenCalled();
    expect(run).not.toHaveBeenCalled();
  });

  it('refuses a file of too many lines with the limit named', async () => {
    const text = `code,value\n${'\n'.repeat(IMPORT_LIMITS.lines)}`;
    const outcome = await startImport(job(text), () => {}, chunkedRunner()).outcome;
    expect(outcome.kind).toBe('refused');
    expect(outcome.kind === 'refused' && outcome.message.en).toContain('the limit is 2,000,000');
  }, 60_000);
});

/** A stand-in for the module worker that answers as the real one does, by hand. */
function fakeWorker() {
  const listeners: Record<string, ((e: never) => void)[]> = {};
  const worker: WorkerLike & { sent: unknown[]; terminated: boolean } = {
    sent: [],
    terminated: false,
    postMessage: (m: unknown) => void worker.sent.push(m),
    terminate: () => void (worker.terminated = true),
    addEventListener: (type: string, fn: (e: never) => void) => void (listeners[type] ??= []).push(fn),
  };
  const reply = (data: WorkerReply) => listeners.message?.forEach((fn) => fn({ data } as never));
  const fail = () => listeners.error?.forEach((fn) => fn({ message: 'failed to load' } as never));
  return { worker, reply, fail };
}

describe('an import in a worker', () => {
  it('hands the worker the file and passes on its progress and result', async () => {
    const { worker, reply } = fakeWorker();
    const progress: ImportProgress[] = [];
    const task = workerRunner(() => worker)(job('code,value\nLV0001000,1'), (p) => progress.push(p));
    expect(worker.sent).toHaveLength(1);
    reply({ type: 'progress', progress: { done: 1, total: 2 } });
    const result = parseIndicatorImport('code,value,year\nLV0001000,1,2024', units);
    reply({ type: 'result', result });
    expect(await task.outcome).toEqual({ kind: 'done', result });
    expect(progress).toEqual([{ done: 1, total: 2 }]);
    expect(worker.terminated).toBe(true);
  });

  it('ends the worker on Cancel and ignores anything it still sends', async () => {
    const { worker, reply } = fakeWorker();
    const task = workerRunner(() => worker)(job('x'), () => {});
    task.cancel();
    reply({ type: 'result', result: parseIndicatorImport('code,value,year\nLV0001000,1,2024', units) });
    expect(await task.outcome).toEqual({ kind: 'cancelled' });
    expect(worker.terminated).toBe(true);
  });

  it('reports an error the worker sends, and parses on the page when the worker cannot start', async () => {
    const broken = fakeWorker();
    const failed = workerRunner(() => broken.worker)(job('x'), () => {});
    broken.reply({ type: 'error', message: 'boom' });
    const outcome = await failed.outcome;
    expect(outcome.kind).toBe('refused');
    expect(outcome.kind === 'refused' && outcome.message.en).toContain('boom');
    const unstartable = fakeWorker();
    const fallback = workerRunner(() => unstartable.worker)(job('code,value,year\nLV0001000,1,2024'), () => {});
    unstartable.fail();
    const done = await fallback.outcome;
    expect(done.kind === 'done' && done.result.rows).toEqual([{ code: 'LV0001000', year: '2024', value: 1, line: 2 }]);
  });
});
