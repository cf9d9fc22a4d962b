import type { Checked } from '../domain/scenes.ts';
import type { PersistedConfig } from './persisted.ts';
import { persistedDeck } from './persistedDeck.ts';
import { persistedHinterland } from './persistedHinterland.ts';
import { persistedLinks } from './persistedLinks.ts';
import { persistedUserIndicators } from './persistedUserIndicators.ts';
import type { SceneDeck } from './presentationSlice.ts';

/**
 * Everything the app keeps in the browser, one `PersistedConfig` each; `persistAll` starts them
 * from one place (main.tsx). A new setting is one more entry here.
 */
export function persistedFeatures(loadDefaultDeck: () => Promise<Checked<SceneDeck>>) {
  return {
    userIndicators: persistedUserIndicators,
    hinterland: persistedHinterland,
    links: persistedLinks,
    deck: persistedDeck(loadDefaultDeck),
  } satisfies Record<string, PersistedConfig<unknown>>;
}
