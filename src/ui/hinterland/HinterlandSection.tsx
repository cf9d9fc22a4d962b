import { useState } from 'preact/hooks';
import { useAppState } from '../context.ts';
import { lazyComponent } from '../lazy.tsx';
import { ht } from './strings.ts';

// The definitions, parameters, assignment tools and table are fetched when the section first
// opens: the first view shows only its title (issue 8, first-view bytes).
const HinterlandBody = lazyComponent(() => import('./HinterlandBody.tsx').then((m) => m.HinterlandBody));

/** The "Hinterland" section of the left card, closed at first. */
export function HinterlandSection() {
  const lang = useAppState((s) => s.lang);
  const [opened, setOpened] = useState(false);
  return (
    <details class="hinterland-section" onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary>
        {ht(lang, 'section')} <span class="hinterland-hint">— {ht(lang, 'sectionHint')}</span>
      </summary>
      <HinterlandBody wanted={opened} />
    </details>
  );
}
