import { useState } from 'preact/hooks';
import { useAppState } from '../context.ts';
import { t } from '../i18n.ts';
import { lazyComponent } from '../lazy.tsx';

// The controls, legend and tools are fetched when the section first opens: the first view shows
// only its title (issue 8, first-view bytes).
const LinksBody = lazyComponent(() => import('./LinksBody.tsx').then((m) => m.LinksBody));

/** The "Cooperation" section of the left card, closed at first; opening it also loads the links. */
export function LinksSection() {
  const lang = useAppState((s) => s.lang);
  const wantLinks = useAppState((s) => s.wantLinks);
  const [opened, setOpened] = useState(false);
  return (
    <details
      class="links-section"
      onToggle={(e) => {
        if (!e.currentTarget.open) return;
        setOpened(true);
        wantLinks();
      }}
    >
      <summary>
        {t(lang, 'linksSection')} <span class="hinterland-hint">— {t(lang, 'linksSectionHint')}</span>
      </summary>
      <LinksBody wanted={opened} />
    </details>
  );
}
