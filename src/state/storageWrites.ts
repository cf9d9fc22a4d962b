import { del, get, set } from 'idb-keyval';

/** The three calls of idb-keyval every stored thing uses (IndexedDB in the app, a Map in tests). */
export interface KeyValueStorage {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
}

/** The browser's storage: idb-keyval's default IndexedDB store (`keyval-store`). */
export const browserStorage: KeyValueStorage = { get, set, del };

/**
 * One way every stored thing (imports, hinterland assignment, links, deck) is written: writes run
 * one after another, so a reset right after an edit is never overtaken by it, and any failure — a
 * rejected promise, an exception thrown before the promise exists (IndexedDB's open refused with a
 * SecurityError), a full quota — is reported with `onFail` instead of escaping as an uncaught error
 * or being swallowed. The edit itself stays on screen; only saving it failed.
 */
export function orderedWrites(onFail: (error: unknown) => void): (write: () => unknown) => Promise<void> {
  let queue: Promise<unknown> = Promise.resolve();
  return (write) => {
    const next = queue.then(write).then(
      () => undefined,
      (error: unknown) => onFail(error),
    );
    queue = next;
    return next;
  };
}
