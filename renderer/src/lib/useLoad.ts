/**
 * Loads data from the core and reloads on demand; errors go to the notices.
 * `data` stays at its last value while a reload is in flight, so lists don't flicker.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useNotices } from './notices.tsx';

export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): { data: T | undefined; reload: () => Promise<void>; loading: boolean } {
  const [data, setData] = useState<T | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const notices = useNotices();
  const loadRef = useRef(load);
  loadRef.current = load;
  const errorRef = useRef(notices.error);
  errorRef.current = notices.error;

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setData(await loadRef.current());
    } catch (e) {
      errorRef.current(e);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void reload();
  }, deps);
  return { data, reload, loading };
}
