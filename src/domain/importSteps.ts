/*
 * An import read in steps: the parser is a generator that stops every few thousand lines with
 * how far it has got, so that one implementation serves a Web Worker (which posts the progress)
 * and the page itself (which gives the browser a turn between slices). Nothing here recurses or
 * spreads arguments: the work is loops, and a step is a constant amount of it.
 */

/** How far an import has got: `done` of `total` units of work. */
export interface ImportProgress {
  done: number;
  total: number;
}

/** Lines read between two steps: a few milliseconds of work in any pass. */
export const LINES_PER_STEP = 2_000;

/** Units of progress in one pass: fine enough for any bar. */
const PER_PASS = 10_000;

/**
 * Progress over several passes, so that it only goes forward: `at(pass, i, n)` is item `i` of
 * the `n` items of pass `pass` (0-based) out of `passes`.
 */
export function passProgress(passes: number): (pass: number, i: number, n: number) => ImportProgress {
  const total = passes * PER_PASS;
  return (pass, i, n) => ({ done: Math.min(total, Math.floor(PER_PASS * (pass + (n > 0 ? Math.min(1, i / n) : 1)))), total });
}

/**
 * `f` remembered for its first `limit` distinct arguments. A file names few places and years, read
 * once each; a broken one may hold a million distinct cells, and a Map that large stalls while it
 * grows, so beyond the limit a cell is read again instead.
 */
export function memo<A, R>(f: (a: A) => R, limit = 20_000): (a: A) => R {
  const seen = new Map<A, R>();
  return (a) => {
    if (seen.has(a)) return seen.get(a) as R;
    const r = f(a);
    if (seen.size < limit) seen.set(a, r);
    return r;
  };
}

/** Runs steps to the end at once, for callers that need no progress (the pipeline, tests). */
export function runSteps<P, T>(steps: Generator<P, T, void>): T {
  for (;;) {
    const s = steps.next();
    if (s.done) return s.value;
  }
}

/** The same steps with each progress report turned into another, e.g. a share into a pass's progress. */
export function* mapSteps<A, B, T>(steps: Generator<A, T, void>, f: (progress: A) => B): Generator<B, T, void> {
  for (;;) {
    const s = steps.next();
    if (s.done) return s.value;
    yield f(s.value);
  }
}

/**
 * Runs steps, calling `pause` with the latest progress once `sliceMs` have passed since the last
 * pause; a pause may wait (the page lets the browser paint) and ends the run by returning false
 * (Cancel). Gives the value, or `{ done: false }` when a pause ended it.
 */
export async function driveSteps<P, T>(
  steps: Generator<P, T, void>,
  pause: (progress: P) => boolean | Promise<boolean>,
  sliceMs: number,
  now: () => number = () => performance.now(),
): Promise<{ done: true; value: T } | { done: false }> {
  let since = now();
  for (;;) {
    const s = steps.next();
    if (s.done) return { done: true, value: s.value };
    if (now() - since < sliceMs) continue;
    if (!(await pause(s.value))) {
      steps.return(undefined as never);
      return { done: false };
    }
    since = now();
  }
}
