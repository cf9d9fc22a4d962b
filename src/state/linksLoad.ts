import type { Link } from '../domain/links/model.ts';
import type { AppState, AppStore } from './store.ts';

export const LINKS_FILE = 'links.json';

/** Whether anything on screen needs the documented links: the layer, the editor, the section, a scene. */
export const linksNeeded = (s: AppState): boolean => s.linkSettings.shown || s.linkEditor !== null || s.linksWanted;

/**
 * Loads links.json the first time the links are needed (see `linksNeeded`) — not at start: the
 * first view shows none, and they are a fifth of its data. The user's saved edits, which
 * `persistedLinks` reads at the same moment, are awaited with `restore` before the shipped links are
 * put in the store, so the shipped set never shows in place of an edited one and no edit can start
 * before the restore. A failed load leaves a notice and is tried again on the next need. Returns a
 * function that unbinds.
 */
export function bindLinksLoading(store: AppStore, baseUrl: string, fetcher: typeof fetch, restore: (store: AppStore) => Promise<void>): () => void {
  let loading = false;
  // After a failure, what needed the links then: only a new need tries again (not every store change, which would loop with the notice).
  let failedFor: string | null = null;
  const needOf = (s: AppState) => `${s.linkSettings.shown}|${s.linkEditor}|${s.linksWanted}`;
  // Restored once: a retry after a failed fetch must not restore (and subscribe) twice.
  let restored: Promise<void> | null = null;
  const restoreOnce = () =>
    (restored ??= restore(store).catch((e: unknown) => {
      restored = null;
      throw e;
    }));
  const load = async () => {
    loading = true;
    failedFor = null;
    try {
      const [links] = await Promise.all([fetchLinks(baseUrl, fetcher), restoreOnce()]);
      store.setState({ shippedLinks: links });
    } catch (e) {
      loading = false;
      failedFor = needOf(store.getState());
      console.warn(`${LINKS_FILE}:`, e);
      store.getState().addNotice({ lv: 'Sadarbības saites neizdevās ielādēt.', en: 'The cooperation links could not be loaded.' });
    }
  };
  const check = (s: AppState) => {
    if (!linksNeeded(s)) failedFor = null;
    if (loading || s.shippedLinks !== null || !s.dataset || !linksNeeded(s)) return;
    if (failedFor === null || failedFor !== needOf(s)) void load();
  };
  check(store.getState());
  return store.subscribe(check);
}

async function fetchLinks(baseUrl: string, fetcher: typeof fetch): Promise<Link[]> {
  const res = await fetcher(new URL(`data/${LINKS_FILE}`, baseUrl).href);
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const json: unknown = await res.json();
  if (!Array.isArray(json)) throw new Error('not a list of links');
  return json as Link[];
}
