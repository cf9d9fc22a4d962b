import { useLayoutEffect, useReducer, useRef } from 'preact/hooks';
import type { StoreApi } from 'zustand/vanilla';

/**
 * Subscribes a component to the part of a Zustand store that `selector` picks, re-rendering only
 * when that part changes (`Object.is`). Zustand's own `useStore` goes through React's
 * `useSyncExternalStore`, which under Preact pulls in all of `preact/compat` (~3 kB gzip in the
 * first view) for this one hook; Preact renders synchronously from one store, so a subscription
 * that compares the picked value is enough.
 */
export function useStoreSlice<S, T>(store: StoreApi<S>, selector: (state: S) => T): T {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const value = selector(store.getState());
  const latest = useRef({ selector, value });
  latest.current = { selector, value };
  useLayoutEffect(() => {
    const check = () => {
      const { selector: pick, value: shown } = latest.current;
      if (!Object.is(pick(store.getState()), shown)) rerender(0);
    };
    // The store may have changed between this render and the subscription.
    check();
    return store.subscribe(check);
  }, [store]);
  return value;
}
