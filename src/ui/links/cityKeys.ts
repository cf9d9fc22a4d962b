import type { AppStore } from '../../state/store.ts';

/** Number keys 1…9, 0 pick the city of that `order` (0 = tenth); only while the links are shown and no field has focus. */
export function bindCityKeys(store: AppStore): () => void {
  const onKey = (e: KeyboardEvent) => {
    const s = store.getState();
    if (!s.linkSettings.shown || !s.dataset || e.ctrlKey || e.metaKey || e.altKey) return;
    const el = document.activeElement as HTMLElement | null;
    if (el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName))) return;
    if (!/^[0-9]$/.test(e.key)) return;
    const order = e.key === '0' ? 10 : Number(e.key);
    const city = s.dataset.cities.features.find((f) => f.properties.order === order)?.properties.id;
    if (!city) return;
    e.preventDefault();
    s.select(s.selection?.kind === 'city' && s.selection.id === city ? null : { kind: 'city', id: city });
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
