import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { AppState, AppStore } from '../state/store.ts';
import { useStoreSlice } from './useStoreSlice.ts';

/** The one app store, provided at the root; components read slices of it with `useAppState`. */
export const StoreContext = createContext<AppStore | null>(null);

/** Subscribes a component to the part of the app state that `selector` picks. */
export function useAppState<T>(selector: (state: AppState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppState needs a StoreContext.Provider');
  return useStoreSlice(store, selector);
}
