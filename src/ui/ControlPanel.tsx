import { useState } from 'preact/hooks';
import { titleWithYears } from '../domain/format.ts';
import { selectChoropleth } from '../state/derived.ts';
import { selectAudienceView } from '../state/presentationSlice.ts';
import { ClassControls } from './ClassControls.tsx';
import { useAppState } from './context.ts';
import { t } from './i18n.ts';
import { IndicatorPicker } from './IndicatorPicker.tsx';
import { Legend } from './Legend.tsx';
import { YearControl } from './YearControl.tsx';
import { HinterlandSection } from './hinterland/HinterlandSection.tsx';
import { hinterlandHead } from './hinterland/headStrings.ts';
import { LinksSection } from './links/LinksSection.tsx';
import { CitiesComparedSection } from './charts/CitiesComparedSection.tsx';
import { ExportButton } from './export/ExportButton.tsx';
import { lazyComponent } from './lazy.tsx';
import { nameIn } from '../domain/bilingual.ts';

// The links' key for the audience: a small chunk of its own, fetched when a scene on stage draws the links.
const StageLinkLegend = lazyComponent(() => import('./links/LinkLegend.tsx').then((m) => m.LinkLegend));
// The hinterlands' key is drawn only while they are shown: its code and strings load then.
const HinterlandLegend = lazyComponent(() => import('./hinterland/HinterlandLegend.tsx').then((m) => m.HinterlandLegend));

/**
 * The left card: what is mapped (indicator, year, classification) and its legend, folding to one
 * line on a phone so the map stays visible.
 */
export function ControlPanel() {
  const lang = useAppState((s) => s.lang);
  const choropleth = useAppState(selectChoropleth);
  const setTableOpen = useAppState((s) => s.setTableOpen);
  const setKeyFactsOpen = useAppState((s) => s.setKeyFactsOpen);
  const setImportOpen = useAppState((s) => s.setImportOpen);
  const [open, setOpen] = useState(() => window.innerWidth > 640);
  const hinterland = useAppState((s) => s.hinterland);
  const onStage = useAppState((s) => s.mode !== 'explore');
  const linksShown = useAppState((s) => s.linkSettings.shown);
  const audience = useAppState(selectAudienceView);
  if (!choropleth) return null;
  // Shown hinterlands cover the choropleth with their colours, so the legend is theirs: in the
  // explorer (also when a link or a reload opens them) and on stage, where the section is hidden.
  const hinterlandKey = hinterland.shown;
  const title = nameIn(choropleth.indicator, lang);
  return (
    <section class={`controls ${open ? '' : 'controls-closed'}`} aria-label={t(lang, 'legend')}>
      <button type="button" class="controls-toggle" aria-expanded={open} onClick={() => setOpen(!open)} title={t(lang, open ? 'hideLegend' : 'showLegend')}>
        <span class="controls-title">{hinterlandKey ? hinterlandHead(lang, 'section') : titleWithYears(title, choropleth.years)}</span>
        <span aria-hidden="true">{open ? '▾' : '▸'}</span>
      </button>
      {open && (
        <div class="controls-body">
          <IndicatorPicker />
          <YearControl />
          {/* The audience gets the links' key with the map's (the explorer, and a kiosk waiting for a visitor, have it in the section),
              first: on a scene that shows them the links are the subject, and a small stage scrolls the rest. */}
          {audience && linksShown && (
            <div class="legend stage-links-legend">
              <div class="legend-unit">{t(lang, 'linksSection')}</div>
              <StageLinkLegend wanted lang={lang} />
            </div>
          )}
          {hinterlandKey ? (
            <div class={`legend ${onStage ? 'stage-hinterland-legend' : 'hinterland-key'}`}>
              <div class="legend-unit">{hinterlandHead(lang, `kind_${hinterland.kind}`)}</div>
              <HinterlandLegend wanted />
            </div>
          ) : (
            <Legend />
          )}
          <ClassControls />
          <CitiesComparedSection />
          <HinterlandSection />
          <LinksSection />
          {/* Kept in view at the card's foot while the sections above scroll (a 1280×800 screen hides them otherwise). */}
          <div class="button-row controls-actions">
            <button type="button" class="small-button" onClick={() => setTableOpen(true)}>
              {t(lang, 'table')}
            </button>
            <button type="button" class="small-button" onClick={() => setKeyFactsOpen(true)}>
              {t(lang, 'keyFacts')}
            </button>
            <button type="button" class="small-button" onClick={() => setImportOpen(true)}>
              {t(lang, 'importCsv')}
            </button>
            <ExportButton />
          </div>
        </div>
      )}
    </section>
  );
}
