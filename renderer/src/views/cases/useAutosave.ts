/**
 * Debounced autosave: call `schedule(value)` on every edit; the latest value is
 * saved once typing pauses, and `flush()` saves at once (before a build).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useNotices } from '../../lib/notices.tsx';

export type SaveState = 'saved' | 'pending' | 'saving' | 'error';

export function useAutosave<T>(save: (value: T) => Promise<unknown>, delayMs = 600) {
  const [state, setState] = useState<SaveState>('saved');
  const pending = useRef<{ value: T } | undefined>(undefined);
  const timer = useRef<number | undefined>(undefined);
  const saveRef = useRef(save);
  saveRef.current = save;
  const notices = useNotices();
  const errorRef = useRef(notices.error);
  errorRef.current = notices.error;

  const flush = useCallback(async () => {
    window.clearTimeout(timer.current);
    const next = pending.current;
    if (!next) return true;
    pending.current = undefined;
    setState('saving');
    try {
      await saveRef.current(next.value);
      setState(pending.current ? 'pending' : 'saved');
      return true;
    } catch (e) {
      setState('error');
      errorRef.current(e);
      return false;
    }
  }, []);

  const schedule = useCallback(
    (value: T) => {
      pending.current = { value };
      setState('pending');
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void flush(), delayMs);
    },
    [flush, delayMs],
  );

  /** Drops an unsaved value (it became invalid); what was saved before stays. */
  const cancel = useCallback(() => {
    window.clearTimeout(timer.current);
    pending.current = undefined;
    setState('saved');
  }, []);

  useEffect(() => () => void flush(), [flush]);
  return { state, schedule, flush, cancel };
}

export function saveLabel(state: SaveState): string {
  return { saved: 'All changes saved', pending: 'Editing…', saving: 'Saving…', error: 'Not saved' }[state];
}
