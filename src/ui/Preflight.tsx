import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { useModalDialog } from './useModalDialog.ts';
import { assetUrlsOf, checkAssets, fetchedUrls, offlineMode, type AssetKind, type AssetStatus, type OfflineMode } from '../state/offline.ts';
import { useAppState } from './context.ts';
import { tt, type TakeawayKey } from './export/strings.ts';
import { openPreflight, useTakeaway } from './export/takeaway.ts';

const GROUPS: AssetKind[] = ['page', 'app', 'data', 'font', 'worker', 'other'];
const name = (url: string) => decodeURIComponent(new URL(url).pathname.split('/').pop() || 'index.html');

/**
 * The pre-flight screen: before going on stage, a speaker checks that everything the map needs —
 * the page, the app's code and styles, the data files, the label fonts and the map's worker — is
 * in this browser's Cache Storage, so the talk works with the network off. Reachable from the
 * Export dialog and with `?preflight` in the address.
 */
export function Preflight() {
  const lang = useAppState((s) => s.lang);
  const dataset = useAppState((s) => s.dataset);
  const open = useTakeaway((s) => s.preflightOpen);
  const services = useTakeaway((s) => s.services);
  const [assets, setAssets] = useState<AssetStatus[] | null>(null);
  const [mode, setMode] = useState<OfflineMode>('none');
  const [online, setOnline] = useState(navigator.onLine);
  const dialog = useModalDialog(open);

  const latest = useRef(0);
  const check = useCallback(async () => {
    const run = ++latest.current;
    setAssets(null);
    // The map's worker and fonts, and what loads only after the first view: the scene deck, the
    // water, the parishes and towns (a zoom or a hinterland of parishes) and the functional urban areas.
    const later = ['deck.json', 'water.geojson', 'territorial-units.topo.json', 'fua.json'].map((f) => new URL(`data/${f}`, document.baseURI).href);
    const extra = [...(services?.mapAssets().map((a) => a.url) ?? []), ...later];
    setMode(offlineMode());
    setOnline(navigator.onLine);
    const found = await checkAssets(assetUrlsOf(location.href, fetchedUrls(), extra));
    // Only the newest check speaks: an earlier one (before the map's own files were known) may end later.
    if (run === latest.current) setAssets(found);
  }, [services]);
  // Checked on opening, and again when the map (and its list of assets) or the worker arrives.
  useEffect(() => {
    if (open && dataset) void check();
  }, [open, dataset, check]);
  useEffect(() => {
    if (!open || !('serviceWorker' in navigator)) return;
    const again = () => void check();
    navigator.serviceWorker.addEventListener('controllerchange', again);
    return () => navigator.serviceWorker.removeEventListener('controllerchange', again);
  }, [open, check]);

  const missing = assets?.filter((a) => !a.cached).length ?? 0;
  return (
    <dialog ref={dialog} class="table-dialog preflight" aria-labelledby="preflight-title" onClose={() => openPreflight(false)}>
      <header class="panel-header">
        <div>
          <h2 id="preflight-title">{tt(lang, 'preflight')}</h2>
          <p class="panel-kind">{tt(lang, 'preflightIntro')}</p>
        </div>
        <button type="button" class="icon-button" aria-label={tt(lang, 'close')} onClick={() => openPreflight(false)}>
          ×
        </button>
      </header>
      <p class={`preflight-mode preflight-mode-${mode}`} data-mode={mode}>
        {tt(lang, mode === 'active' ? 'swActive' : mode === 'installing' ? 'swInstalling' : 'swNone')}{' '}
        <span class="muted">
          · {tt(lang, 'network')}: {tt(lang, online ? 'online' : 'offlineNow')}
        </span>
      </p>
      {assets === null ? (
        <p role="status">{tt(lang, 'checking')}</p>
      ) : (
        <>
          <p role="status" class={`preflight-summary ${missing === 0 ? 'preflight-ok' : 'preflight-bad'}`} data-missing={missing}>
            {missing === 0 ? `✓ ${tt(lang, 'allReady')}` : `✗ ${tt(lang, 'missingCount', { n: missing })}`}
          </p>
          {GROUPS.filter((g) => assets.some((a) => a.kind === g)).map((group) => (
            <section key={group} class="preflight-group">
              <h3>{tt(lang, `group_${group}` as TakeawayKey)}</h3>
              <ul class="preflight-list">
                {assets
                  .filter((a) => a.kind === group)
                  .map((a) => (
                    <li key={a.url} class={a.cached ? 'asset-ready' : 'asset-missing'} data-asset={a.kind} data-cached={String(a.cached)} title={a.url}>
                      <span aria-hidden="true">{a.cached ? '✓' : '✗'}</span>
                      <span class="asset-name">{name(a.url)}</span>
                      <span class="asset-state">{tt(lang, a.cached ? 'ready' : 'missing')}</span>
                    </li>
                  ))}
              </ul>
            </section>
          ))}
        </>
      )}
      <div class="button-row">
        <button type="button" class="small-button" onClick={() => void check()} disabled={assets === null}>
          {tt(lang, 'checkAgain')}
        </button>
      </div>
    </dialog>
  );
}
