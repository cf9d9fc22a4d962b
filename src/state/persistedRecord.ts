import type { Bilingual } from '../domain/bilingual.ts';
import { isRecord, own } from '../domain/own.ts';

/** How every record is stored: the format version beside the value, and when it was written. */
export interface StoredRecord {
  version: number;
  data: unknown;
  savedAt: string;
}

/** A record that could not be read, as it is kept aside under `<key>/damaged`. */
export interface DamagedRecord {
  keptAt: string;
  reason: Bilingual;
  record: unknown;
}

/** What `decode` makes of stored data: a value (with a reason when only part of it could be used) or a reason. */
export type Decoded<V> = { ok: true; value: V; partial?: Bilingual } | { ok: false; reason: Bilingual };

/** What a persisted thing knows about its records (the part of `PersistedConfig` that reading needs). */
export interface RecordFormat<V, S> {
  version: number;
  /** The current version's data from an older record (a bare value before records had versions is version 0); undefined when unknown. */
  migrate?(version: number, record: unknown): unknown;
  decode(data: unknown, state: S): Decoded<V> | Promise<Decoded<V>>;
}

export type ReadOutcome<V> = { kind: 'none' } | { kind: 'ok'; value: V; partial?: Bilingual } | { kind: 'refused'; reason: Bilingual };

export const damagedKey = (key: string): string => `${key}/damaged`;

/** Whether a record is `{ version, data }`: own properties only, so nothing inherited passes for them. */
const isStoredRecord = (raw: unknown): raw is StoredRecord => isRecord(raw) && Object.hasOwn(raw, 'data') && Number.isInteger(own(raw, 'version'));

/** A field of a record of an older version, if the record is an object that has it as its own (never an inherited one such as `constructor`). */
export function fieldOf(record: unknown, name: string): unknown {
  return isRecord(record) ? own(record, name) : undefined;
}

/**
 * Reads what storage returned under a key. A record of a newer version is refused, not half-read;
 * an older one (or one from before records had versions) is migrated first; the data are then
 * checked by `decode`, which may also throw. Nothing here writes or deletes.
 */
export async function readRecord<V, S>(format: RecordFormat<V, S>, raw: unknown, state: S): Promise<ReadOutcome<V>> {
  if (raw === undefined || raw === null) return { kind: 'none' };
  const stored = isStoredRecord(raw);
  const rawVersion = stored ? raw.version : fieldOf(raw, 'version');
  const version = typeof rawVersion === 'number' && Number.isFinite(rawVersion) ? rawVersion : 0;
  if (version > format.version) {
    return {
      kind: 'refused',
      reason: {
        lv: `Tas saglabāts jaunākā kartes versijā (formāts ${version}; šī versija lasa līdz ${format.version}).`,
        en: `It was saved by a newer version of the map (format ${version}; this one reads up to ${format.version}).`,
      },
    };
  }
  try {
    const data = stored && version === format.version ? raw.data : format.migrate?.(version, raw);
    if (data === undefined) return { kind: 'refused', reason: { lv: 'Tas nav zināmā formātā.', en: 'It is not in a known format.' } };
    const decoded = await format.decode(data, state);
    return decoded.ok ? { kind: 'ok', value: decoded.value, ...(decoded.partial && { partial: decoded.partial }) } : { kind: 'refused', reason: decoded.reason };
  } catch (error) {
    return { kind: 'refused', reason: { lv: messageOf(error), en: messageOf(error) } };
  }
}

/** An error's name and message (a DOMException from IndexedDB is not always an `Error` everywhere). */
export function messageOf(error: unknown): string {
  const { name, message } = (typeof error === 'object' && error !== null ? error : {}) as { name?: unknown; message?: unknown };
  return typeof message === 'string' ? `${typeof name === 'string' ? `${name}: ` : ''}${message}` : String(error);
}

const sentence = (text: string) => (/[.!?…]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

/** The words a notice about a persisted thing is made of; `label` is the thing, as the object of "could not be read". */
export interface NoticeWords {
  label: Bilingual;
  instead: Bilingual;
}

/** A saved record that could not be used: which thing, why, what is shown instead, and that it is kept. */
export function refusedNotice({ label, instead }: NoticeWords, reason: Bilingual): Bilingual {
  return {
    lv: `${label.lv} neizdevās nolasīt: ${sentence(reason.lv)} ${instead.lv} Saglabātais ieraksts netiek dzēsts; to var lejupielādēt.`,
    en: `${label.en} could not be read: ${sentence(reason.en)} ${instead.en} The saved record is not deleted; it can be downloaded.`,
  };
}

/** A saved record of which only a part could be used (the part is shown). */
export function partialNotice({ label }: NoticeWords, reason: Bilingual): Bilingual {
  return {
    lv: `${label.lv} izdevās nolasīt tikai daļēji: ${sentence(reason.lv)} Saglabātais ieraksts netiek dzēsts; to var lejupielādēt.`,
    en: `${label.en} could only partly be read: ${sentence(reason.en)} The saved record is not deleted; it can be downloaded.`,
  };
}

/** The storage itself did not answer the read (there is no record to offer). */
export function unreadableNotice({ label, instead }: NoticeWords, error: unknown): Bilingual {
  return { lv: `${label.lv} neizdevās nolasīt: ${sentence(messageOf(error))} ${instead.lv}`, en: `${label.en} could not be read: ${sentence(messageOf(error))} ${instead.en}` };
}

/** A failed write, with the reason when the browser says its storage is full. */
export function writeFailedNotice(text: Bilingual, error: unknown): Bilingual {
  const full = /QuotaExceeded|quota/i.test(messageOf(error));
  return full ? { lv: `${text.lv} Pārlūka krātuve ir pilna.`, en: `${text.en} The browser's storage is full.` } : text;
}

/** The raw record as a file to download: JSON (a stored text, such as a deck file, as it is). */
export function rawDownload(key: string, raw: unknown): { name: string; text: string } {
  let text: string;
  try {
    text = typeof raw === 'string' ? raw : (JSON.stringify(raw, null, 2) ?? String(raw));
  } catch {
    text = String(raw);
  }
  return { name: `${key.split('/').pop()}-saved.json`, text };
}
