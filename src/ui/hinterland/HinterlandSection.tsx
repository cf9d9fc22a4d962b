import { useAppState } from '../context.ts';
import { lazyComponent } from '../lazy.tsx';
import { LazySection } from '../LazySection.tsx';
import { hinterlandHead } from './headStrings.ts';

// The definitions, parameters, assignment tools and table are fetched when the section first opens.
const HinterlandBody = lazyComponent(() => import('./HinterlandBody.tsx').then((m) => m.HinterlandBody));

/** The "Hinterland" section of the left card, closed at first. */
export function HinterlandSection() {
  const lang = useAppState((s) => s.lang);
  return (
    <LazySection
      className="hinterland-section"
      summary={
        <>
          {hinterlandHead(lang, 'section')} <span class="hinterland-hint">— {hinterlandHead(lang, 'sectionHint')}</span>
        </>
      }
      body={HinterlandBody}
    />
  );
}
