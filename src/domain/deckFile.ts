import type { Bilingual } from './bilingual.ts';
import { DECK_FORMAT, DECK_VERSION, MAX_SCENES, MAX_TEXT, SCENE_ID, type Checked, type Deck, type Scene, type ViewReader } from './scenes.ts';
import { anything, array, boolean, isRecord, isUnknownField, number, object, optional, own, refine, refuse, string, withReason, type Schema } from './schema.ts';

// The deck file's reader: its declared shape (src/domain/schema.ts) and the reasons a file is
// refused, apart from the deck model (scenes.ts) so that the model stays small.

const fail = (lv: string, en: string): { ok: false; reason: Bilingual } => ({ ok: false, reason: { lv, en } });
const empty = (): Bilingual => ({ lv: '', en: '' });

/** A text in both languages, `max` characters at most; a field it does not have is named as unknown. */
function text(key: string, max: number): Schema<Bilingual> {
  const needs = { lv: `${key}: vajag teksta laukus lv un en (līdz ${max} zīmēm)`, en: `${key}: needs the texts lv and en (up to ${max} characters)` };
  return withReason(object({ lv: string({ max }), en: string({ max }) }, { strict: true }), (r) => (isUnknownField(r) ? { lv: `${key}: ${r.reason.lv}`, en: `${key}: ${r.reason.en}` } : needs));
}

const size = number({ integer: true, min: 100, max: 20_000 });
const viewport = object({ width: size, height: size }, { strict: true });

/** The declared shape of a scene, with the reader of its view. */
function sceneSchema<V>(readView: ViewReader<V>) {
  const view: Schema<V> = (raw) => {
    if (raw === undefined) return refuse({ lv: 'nav skata (view)', en: 'no view' });
    const r = readView(raw);
    return r.ok ? r : refuse({ lv: `skats: ${r.reason.lv}`, en: `view: ${r.reason.en}` }, r.path ?? []);
  };
  return object(
    {
      id: string({ pattern: SCENE_ID, reason: { lv: 'id jābūt mazajiem latīņu burtiem, cipariem, - vai _', en: 'id must be lower-case letters, digits, - or _' } }),
      title: refine(text('title', MAX_TEXT.title), (t) => (!t.lv.trim() && !t.en.trim() ? { lv: 'virsraksts ir tukšs abās valodās', en: 'the title is empty in both languages' } : null)),
      caption: optional(text('caption', MAX_TEXT.caption)),
      notes: optional(text('notes', MAX_TEXT.notes)),
      keyFacts: optional(boolean({ lv: 'keyFacts jābūt true vai false', en: 'keyFacts must be true or false' })),
      viewport: optional(withReason(viewport, { lv: 'viewport jābūt platumam un augstumam pikseļos', en: 'viewport must be a width and height in pixels' })),
      view,
    },
    { strict: true, reason: { lv: 'nav objekts', en: 'not an object' } },
  );
}

/** The declared shape of a deck file past its format and version. */
function deckSchema<V>(readView: ViewReader<V>) {
  return object(
    {
      format: anything,
      version: anything,
      title: optional(withReason(text('title', MAX_TEXT.title), { lv: 'Komplekta virsrakstam vajag tekstus lv un en.', en: 'The deck title needs the texts lv and en.' })),
      scenes: array(sceneSchema(readView), {
        reason: { lv: 'Komplektā nav ainu saraksta (scenes).', en: 'The deck has no list of scenes.' },
        size: (n) =>
          n === 0 ? { lv: 'Komplektā nav nevienas ainas.', en: 'The deck has no scenes.' } : n > MAX_SCENES ? { lv: `Komplektā ir vairāk par ${MAX_SCENES} ainām.`, en: `The deck has more than ${MAX_SCENES} scenes.` } : null,
      }),
    },
    { strict: true, unknown: (key) => ({ lv: `Komplektā ir nezināms lauks “${key}”.`, en: `The deck has an unknown field “${key}”.` }) },
  );
}

/**
 * Reads a deck file against its declared shape: own keys only, and a key the format does not have
 * (`__proto__`, `toString`, a misspelt field) refuses the file by name. Anything that is not a
 * deck of this format and version, or any scene that is malformed, refuses the whole file with the
 * first problem (and the scene number) in Latvian and English, so an import never half-replaces a
 * deck. Whether a view's indicator or city still exists is not checked here: such a scene opens
 * with a note instead.
 */
export function parseDeck<V>(text: string, readView: ViewReader<V>): Checked<Deck<V>> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return fail('Fails nav derīgs JSON.', 'The file is not valid JSON.');
  }
  if (!isRecord(raw) || own(raw, 'format') !== DECK_FORMAT) return fail(`Tas nav ainu komplekts (format nav “${DECK_FORMAT}”).`, `This is not a scene deck (format is not “${DECK_FORMAT}”).`);
  const version = own(raw, 'version');
  if (version !== DECK_VERSION) {
    return typeof version === 'number' && version > DECK_VERSION
      ? fail(`Komplekta versija ${version} ir jaunāka, nekā šī lietotne prot nolasīt (${DECK_VERSION}).`, `Deck version ${version} is newer than this app reads (${DECK_VERSION}).`)
      : fail('Nezināma komplekta versija.', 'Unknown deck version.');
  }
  const deck = deckSchema(readView)(raw);
  if (!deck.ok) {
    const [top, i] = deck.path;
    if (top !== 'scenes' || typeof i !== 'number') return deck;
    return { ok: false, path: deck.path, reason: { lv: `${i + 1}. aina: ${deck.reason.lv}.`, en: `Scene ${i + 1}: ${deck.reason.en}.` } };
  }
  const ids = new Set<string>();
  for (const [i, { id }] of deck.value.scenes.entries()) {
    if (ids.has(id)) return { ok: false, path: ['scenes', i, 'id'], reason: { lv: `${i + 1}. aina: id “${id}” jau ir izmantots.`, en: `Scene ${i + 1}: the id “${id}” is used twice.` } };
    ids.add(id);
  }
  const scenes = deck.value.scenes.map(({ id, title, caption, notes, keyFacts, viewport, view }): Scene<V> => ({
    id,
    title,
    caption: caption ?? empty(),
    notes: notes ?? empty(),
    view,
    ...(keyFacts ? { keyFacts: true } : {}),
    ...(viewport ? { viewport } : {}),
  }));
  return { ok: true, value: { title: deck.value.title ?? empty(), scenes } };
}
