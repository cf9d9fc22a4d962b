import { useEffect, useRef } from 'preact/hooks';
import { useAppState } from './context.ts';
import { FatalScreen } from './FatalScreen.tsx';
import { Header } from './Header.tsx';
import { KeyFacts } from './KeyFacts.tsx';
import { Notices } from './Notices.tsx';
import { t } from './i18n.ts';
import { Announcer } from './Announcer.tsx';
import { ControlPanel } from './ControlPanel.tsx';
import { DataTable } from './DataTable.tsx';
import { PlacePanel } from './PlacePanel.tsx';
import { Tooltip } from './Tooltip.tsx';

/**
 * The page: header, the map with its legend and tooltip, and the side panel. The map itself is
 * mounted by the caller (`mountMap`), so the UI never touches MapLibre.
 */
export function App({ mountMap }: { mountMap: (container: HTMLElement) => void }) {
  const dataset = useAppState((s) => s.dataset);
  const fatal = useAppState((s) => s.fatal);
  const lang = useAppState((s) => s.lang);
  const container = useRef<HTMLDivElement>(null);
  const mounted = useRef(false);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `${t(lang, 'title')} — ${t(lang, 'subtitle')}`;
  }, [lang]);
  useEffect(() => {
    if (!dataset || fatal || mounted.current || !container.current) return;
    mounted.current = true;
    mountMap(container.current);
  }, [dataset, fatal, mountMap]);
  if (fatal) return <FatalScreen error={fatal} />;
  return (
    <div class="app">
      <main class="map-area">
        <div ref={container} class="map" />
        {!dataset && <div class="loading">{t(lang, 'loading')}</div>}
        <div class="sidebar">
          <Header />
          <ControlPanel />
        </div>
        <Tooltip />
      </main>
      <PlacePanel />
      <KeyFacts />
      <DataTable />
      <Announcer />
      <Notices />
    </div>
  );
}
