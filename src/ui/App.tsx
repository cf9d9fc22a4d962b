import { useEffect, useRef } from 'preact/hooks';
import { useAppState } from './context.ts';
import { FatalScreen } from './FatalScreen.tsx';
import { Header } from './Header.tsx';
import { Notices } from './Notices.tsx';
import { t } from './i18n.ts';
import { Announcer } from './Announcer.tsx';
import { ControlPanel } from './ControlPanel.tsx';
import { Tooltip } from './Tooltip.tsx';
import { useTakeaway } from './export/takeaway.ts';
import { lazyComponent } from './lazy.tsx';
import { Presentation } from './presentation/Presentation.tsx';
import { ScenesCard } from './presentation/ScenesCard.tsx';
import { PRESENTER_WINDOW } from './presentation/screen.ts';

// Fetched when first opened, not with the first view: each brings its own code (CSV parser, ZIP,
// QR code, the tables) that the map does not need to be drawn.
const ImportDialog = lazyComponent(() => import('./ImportDialog.tsx').then((m) => m.ImportDialog));
// The place panel is fetched with the first click on a place (the first view shows none).
const PlacePanel = lazyComponent(() => import('./PlacePanel.tsx').then((m) => m.PlacePanel));
const KeyFacts = lazyComponent(() => import('./KeyFacts.tsx').then((m) => m.KeyFacts));
const DataTable = lazyComponent(() => import('./DataTable.tsx').then((m) => m.DataTable));
const TakeawayDialogs = lazyComponent(() => import('./export/TakeawayDialogs.tsx').then((m) => m.TakeawayDialogs));
// The links' tooltip, details and editor: once the links or the model are shown, or one is picked.
const LinksOverlay = lazyComponent(() => import('./links/LinksOverlay.tsx').then((m) => m.LinksOverlay));
const PresenterView = lazyComponent(() => import('./presentation/PresenterView.tsx').then((m) => m.PresenterView));

/**
 * The page: header, the map with its legend and tooltip, and the side panel. The map itself is
 * mounted by the caller (`mountMap`), so the UI never touches MapLibre.
 */
export function App({ mountMap }: { mountMap: (container: HTMLElement) => void }) {
  const dataset = useAppState((s) => s.dataset);
  const fatal = useAppState((s) => s.fatal);
  const placeSelected = useAppState((s) => s.selection !== null);
  const lang = useAppState((s) => s.lang);
  const container = useRef<HTMLDivElement>(null);
  const mounted = useRef(false);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `${t(lang, 'title')} — ${t(lang, 'subtitle')}`;
  }, [lang]);
  const importFile = useAppState((s) => s.importFile);
  const importOpen = useAppState((s) => s.importOpen);
  const tableOpen = useAppState((s) => s.tableOpen);
  const keyFactsOpen = useAppState((s) => s.keyFactsOpen);
  const linksOverlay = useAppState((s) => s.linkSettings.shown || s.linkSettings.modelShown || s.linkSettings.commutingShown || s.selectedLinkId !== null || s.linkEditor !== null);
  const takeawayOpen = useTakeaway((s) => s.exportOpen || s.preflightOpen);
  useEffect(() => {
    // A CSV dropped anywhere on the page opens the import with it.
    const over = (e: DragEvent) => e.dataTransfer?.types.includes('Files') && e.preventDefault();
    const drop = (e: DragEvent) => {
      const file = e.dataTransfer?.files[0];
      if (!file) return;
      e.preventDefault();
      importFile(file);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [importFile]);
  useEffect(() => {
    if (!dataset || fatal || mounted.current || !container.current) return;
    mounted.current = true;
    mountMap(container.current);
  }, [dataset, fatal, mountMap]);
  if (PRESENTER_WINDOW) return <PresenterView wanted />;
  if (fatal) return <FatalScreen error={fatal} />;
  return (
    <div class="app">
      <main class="map-area">
        <div ref={container} class="map" />
        {!dataset && <div class="loading">{t(lang, 'loading')}</div>}
        <div class="sidebar">
          <Header />
          <ControlPanel />
          <ScenesCard />
        </div>
        <Tooltip />
        <LinksOverlay wanted={linksOverlay} />
      </main>
      <PlacePanel wanted={placeSelected} />
      <KeyFacts wanted={keyFactsOpen} />
      <DataTable wanted={tableOpen} />
      <ImportDialog wanted={importOpen} />
      <Announcer />
      <Notices />
      <TakeawayDialogs wanted={takeawayOpen} />
      <Presentation />
    </div>
  );
}
