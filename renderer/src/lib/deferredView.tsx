/**
 * A view kept out of the first screen's JavaScript: its chunk is fetched by
 * warm() (while the first screen is idle) or when the view is first shown.
 * Unlike React.lazy, a view whose chunk has arrived renders at once: no
 * Suspense fallback, and none of the delay React adds before revealing what
 * a fallback stood in for.
 */
import { useEffect, useState, type ComponentType, type ReactElement } from 'react';

export interface DeferredView<P> {
  (props: P): ReactElement;
  /** Fetches the chunk now (a failure shows when the view is opened). */
  warm(): void;
}

export function deferredView<P extends object>(load: () => Promise<ComponentType<P>>): DeferredView<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  // A chunk that failed to load is fetched again next time.
  const get = () =>
    (loading ??= load().then(
      (c) => (loaded = c),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    ));
  function View(props: P): ReactElement {
    const [component, setComponent] = useState<{ c: ComponentType<P> } | undefined>(() => (loaded ? { c: loaded } : undefined));
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (component) return;
      let live = true;
      get().then(
        (c) => live && setComponent({ c }),
        () => live && setFailed(true),
      );
      return () => {
        live = false;
      };
    }, [component]);
    if (component) {
      const C = component.c;
      return <C {...props} />;
    }
    return (
      <p className="view-loading" role="status" aria-busy={!failed}>
        {failed ? 'This view could not be loaded: restart Sanad, and reinstall it if this happens again.' : 'Loading…'}
      </p>
    );
  }
  return Object.assign(View, { warm: () => void get().catch(() => undefined) });
}
