import { useAppState } from '../context.ts';
import { t } from '../i18n.ts';
import { lazyComponent } from '../lazy.tsx';
import { LazySection } from '../LazySection.tsx';

// The controls, legend and tools are fetched when the section first opens.
const LinksBody = lazyComponent(() => import('./LinksBody.tsx').then((m) => m.LinksBody));

/** The "Cooperation" section of the left card, closed at first; opening it also loads the links. */
export function LinksSection() {
  const lang = useAppState((s) => s.lang);
  const wantLinks = useAppState((s) => s.wantLinks);
  return (
    <LazySection
      className="links-section"
      summary={
        <>
          {t(lang, 'linksSection')} <span class="hinterland-hint">— {t(lang, 'linksSectionHint')}</span>
        </>
      }
      body={LinksBody}
      onOpen={wantLinks}
    />
  );
}
