import type { Bilingual } from '../domain/bilingual.ts';
import { damagedKey, rawDownload, readRecord, partialNotice, refusedNotice, unreadableNotice, writeFailedNotice, type DamagedRecord, type RecordFormat, type StoredRecord } from './persistedRecord.ts';
import { browserStorage, orderedWrites, type KeyValueStorage } from './storageWrites.ts';
import type { AppState, AppStore } from './store.ts';

/**
 * One thing the app keeps in the browser, described once: where (`key`), in which format
 * (`version`, `encode`, `decode`, `migrate`), what of the state (`pick`, `apply`), when it may be
 * read (`ready`), and how to tell the user about it (`label`, `instead`, `writeFailed`).
 * Functions are methods so that a list can hold things of different value types.
 */
export interface PersistedConfig<V> extends RecordFormat<V, AppState> {
  key: string;
  /** The thing as the object of "could not be read", sentence-initial: `Saglabātās saites` / `The saved links`. */
  label: Bilingual;
  /** A sentence: what is shown when the saved value cannot be used. */
  instead: Bilingual;
  /** A sentence: a change could not be saved (and what that means for the user). */
  writeFailed: Bilingual;
  /** When the record may be read and written (e.g. once the data it is checked against are in); always when absent. */
  ready?(state: AppState): boolean;
  /** The value to keep; null when there is nothing to keep (the record is then deleted). */
  pick(state: AppState): V | null;
  /** The stored data of a value; may return a promise (a lazily loaded writer). */
  encode(value: V): unknown;
  /** Puts a restored value into the store. */
  apply(store: AppStore, value: V): void;
  /** What to show when nothing saved could be used (the shipped deck is fetched, for example). */
  fallback?(store: AppStore): Promise<void> | void;
}

/** What every persisted thing returns: when its restore is over (never rejects), and how to stop saving. */
export interface Persisted {
  restored: Promise<void>;
  unsubscribe(): void;
}

const isPromise = (value: unknown): value is Promise<unknown> => typeof (value as Promise<unknown> | null)?.then === 'function';

/**
 * Restores a persisted thing and saves every change of it, at once and in order (`orderedWrites`).
 * A record that cannot be used — damaged, of an unknown or newer version, refused by `decode` — is
 * never deleted or overwritten unseen: a copy goes to `<key>/damaged` with the time and reason, the
 * user gets a notice with the raw record to download, and a reset does not delete it; until the
 * copy is made, no edit overwrites it. Every failed write becomes a notice, never an uncaught error.
 * The read itself is queued before any write, so an edit made meanwhile cannot overwrite the record
 * before it is read; such an edit also wins over the restored value.
 */
export function persisted<V>(store: AppStore, config: PersistedConfig<V>, storage: KeyValueStorage = browserStorage): Persisted {
  const notify = (notice: Parameters<AppState['addNotice']>[0]) => store.getState().addNotice(notice);
  const queue = orderedWrites((error) => notify(writeFailedNotice(config.writeFailed, error)));
  let held = false;
  let asideMissing = false;
  let applying = false;
  let last: V | null = null;
  let stop = () => {};
  let finish: (done: Promise<void>) => void = () => {};
  const restored = new Promise<void>((resolve) => (finish = resolve));

  const put = (data: unknown) => storage.set(config.key, { version: config.version, data, savedAt: new Date().toISOString() } satisfies StoredRecord);
  const save = (value: V | null) =>
    queue(() => {
      // A reset does not delete a record that could not be read: the user has not seen it.
      if (value === null) return held ? undefined : storage.del(config.key);
      if (asideMissing) throw new Error(`${config.key}: the unreadable record is not kept aside yet, so it is not overwritten`);
      const data = config.encode(value);
      const written = isPromise(data) ? data.then(put) : put(data);
      return written.then(() => void (held = false));
    });

  const onChange = (state: AppState) => {
    const value = config.pick(state);
    if (Object.is(value, last)) return;
    last = value;
    if (!applying) void save(value);
  };

  const keepAside = async (raw: unknown, reason: Bilingual, partial: boolean) => {
    held = !partial;
    try {
      await storage.set(damagedKey(config.key), { keptAt: new Date().toISOString(), reason, record: raw } satisfies DamagedRecord);
    } catch {
      asideMissing = true;
    }
    notify({ ...(partial ? partialNotice : refusedNotice)(config, reason), download: rawDownload(config.key, raw) });
  };

  /** Reads the record and applies it; true when the state now shows a value that is not the fallback. */
  const restore = async (before: V | null): Promise<boolean> => {
    let raw: unknown;
    try {
      raw = await storage.get(config.key);
    } catch (error) {
      held = true;
      notify(unreadableNotice(config, error));
      return false;
    }
    const outcome = await readRecord(config, raw, store.getState());
    if (outcome.kind === 'refused') await keepAside(raw, outcome.reason, false);
    if (outcome.kind !== 'ok') return false;
    if (outcome.partial) await keepAside(raw, outcome.partial, true);
    if (!Object.is(config.pick(store.getState()), before)) return true;
    applying = true;
    try {
      config.apply(store, outcome.value);
    } finally {
      applying = false;
    }
    return true;
  };

  const start = () => {
    // What the state held when the read was asked for: a change since then is the user's, and wins.
    const before = (last = config.pick(store.getState()));
    stop = store.subscribe(onChange);
    let shown = false;
    const read = queue(async () => {
      try {
        shown = await restore(before);
      } catch (error) {
        notify(unreadableNotice(config, error));
      }
    });
    finish(
      read
        .then(() => (shown ? undefined : config.fallback?.(store)))
        .catch((error: unknown) => console.warn(`${config.key}:`, error)),
    );
  };

  if (config.ready?.(store.getState()) ?? true) start();
  else {
    stop = store.subscribe((state) => {
      if (!config.ready!(state)) return;
      stop();
      start();
    });
  }
  return { restored, unsubscribe: () => stop() };
}

/** Starts every persisted thing of a list, from one place; the handles have the list's names. */
export function persistAll<C extends Record<string, PersistedConfig<unknown>>>(store: AppStore, configs: C, storage: KeyValueStorage = browserStorage): { [K in keyof C]: Persisted } {
  return Object.fromEntries(Object.entries(configs).map(([name, config]) => [name, persisted(store, config, storage)])) as { [K in keyof C]: Persisted };
}
