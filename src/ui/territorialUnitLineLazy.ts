import type { ComponentProps } from 'preact';
import { lazyComponent } from './lazy.tsx';
import type { TerritorialUnitLine as Line } from './TerritorialUnitLine.tsx';

/**
 * The parish line of the tooltip and the panel, fetched with the first parish pointed at: the
 * first view, at country zoom, never shows one.
 */
export const LazyTerritorialUnitLine = lazyComponent<ComponentProps<typeof Line>>(() => import('./TerritorialUnitLine.tsx').then((m) => m.TerritorialUnitLine));
