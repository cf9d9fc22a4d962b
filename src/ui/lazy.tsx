import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A component whose code is fetched only when it is first `wanted` — a dialog opened, an editor
 * started — so the first view downloads none of it (the issue-8 byte budget). Once loaded it stays
 * mounted like any other component and keeps its own open/close logic; the service worker
 * precaches every chunk, so this works offline too. A failed fetch is retried on the next want.
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P & { wanted: boolean }> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  return function Lazy({ wanted, ...props }: P & { wanted: boolean }) {
    const [Component, setComponent] = useState<ComponentType<P> | null>(() => loaded);
    useEffect(() => {
      if (!wanted || Component) return;
      let live = true;
      loading ??= load();
      loading.then(
        (c) => {
          loaded = c;
          if (live) setComponent(() => c);
        },
        (e: unknown) => {
          loading = null;
          console.warn('could not load a part of the app:', e);
        },
      );
      return () => {
        live = false;
      };
    }, [wanted, Component]);
    return Component ? <Component {...(props as P)} /> : null;
  };
}
