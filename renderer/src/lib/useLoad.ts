/**
 * Loads data from the core and reloads on demand; errors go to the notices.
 * `data` stays at its last value while a reload is in flight, so lists don't flicker.
 */
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { useNotices } from './notices.tsx';

export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): { data: T | undefined; reload: () => Promise<void>; loading: boolean } {
  const [data, setData] = useState<T | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const notices = useNotices();
  const loadRef = useRef(load);
  loadRef.current = load;
  const errorRef = useRef(notices.error);
  errorRef.current = notices.error;

  // Only the newest request's answer is shown: the core answers concurrent calls in any order, so
  // an earlier, slower answer (the library filtered by "Haz" after it was filtered by "Kar") must
  // not replace a later one.
  const latest = useRef(0);
  const reload = useCallback(async () => {
    const request = ++latest.current;
    setLoading(true);
    try {
      const value = await loadRef.current();
      if (request === latest.current) setData(value);
    } catch (e) {
      if (request === latest.current) errorRef.current(e);
    } finally {
      if (request === latest.current) setLoading(false);
    }
  }, []);

  // Asked as soon as the view is in the document, before the browser lays it out and paints it
  // (a passive effect would wait for that paint): the core works on the answer meanwhile.
  useLayoutEffect(() => {
    void reload();
  }, deps);
  return { data, reload, loading };
}
