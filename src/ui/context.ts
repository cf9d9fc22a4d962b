import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { useStore } from 'zustand';
import type { AppState, AppStore } from '../state/store.ts';

/** The one app store, provided at the root; components read slices of it with `useAppState`. */
export const StoreContext = createContext<AppStore | null>(null);

/** Subscribes a component to the part of the app state that `selector` picks. */
export function useAppState<T>(selector: (state: AppState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppState needs a StoreContext.Provider');
  return useStore(store, selector);
}
