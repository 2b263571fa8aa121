/**
 * App-wide notices: errors from the core (shown with their message, which
 * already says what to do), confirmations, and the undo stack behind the
 * "Undo" button of a delete toast and Ctrl/Cmd+Z. Confirmations leave on
 * their own (about 4 s, an Undo 8 s); errors stay until dismissed; at most
 * three show at once, the oldest confirmation making way first.
 */
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { messageOf } from './api.ts';

export interface Notice {
  id: number;
  tone: 'error' | 'info' | 'success';
  message: string;
  undo?: () => Promise<void>;
}

interface NoticesApi {
  notices: Notice[];
  error: (error: unknown) => void;
  info: (message: string, tone?: 'info' | 'success') => void;
  /** Shows a toast with an Undo button; also makes Ctrl/Cmd+Z undo it. */
  undoable: (message: string, undo: () => Promise<void>) => void;
  undoLast: () => Promise<boolean>;
  dismiss: (id: number) => void;
}

/** How long a notice stays, in milliseconds (undefined: until dismissed). */
export const NOTICE_MS = { info: 4000, undo: 8000, error: undefined } as const;
export const MAX_NOTICES = 3;

/** The list after adding one: over the limit, the oldest non-error goes first. */
function withNotice(all: Notice[], next: Notice): Notice[] {
  const list = [...all];
  while (list.length >= MAX_NOTICES) {
    const i = list.findIndex((n) => n.tone !== 'error');
    list.splice(i >= 0 ? i : 0, 1);
  }
  return [...list, next];
}

const NoticesContext = createContext<NoticesApi | undefined>(undefined);

export function NoticesProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const nextId = useRef(1);
  const undoStack = useRef<Notice[]>([]);

  const dismiss = useCallback((id: number) => setNotices((all) => all.filter((n) => n.id !== id)), []);
  const push = useCallback(
    (notice: Omit<Notice, 'id'>, ms: number | undefined) => {
      const id = nextId.current++;
      const full = { ...notice, id };
      setNotices((all) => withNotice(all, full));
      if (ms) window.setTimeout(() => dismiss(id), ms);
      return full;
    },
    [dismiss],
  );

  const undoLast = useCallback(async () => {
    const last = undoStack.current.pop();
    if (!last?.undo) return false;
    dismiss(last.id);
    try {
      await last.undo();
      push({ tone: 'success', message: 'Restored.' }, NOTICE_MS.info);
    } catch (e) {
      push({ tone: 'error', message: messageOf(e) }, NOTICE_MS.error);
    }
    return true;
  }, [dismiss, push]);

  const api = useMemo<NoticesApi>(
    () => ({
      notices,
      dismiss,
      undoLast,
      error: (e) => void push({ tone: 'error', message: messageOf(e) }, NOTICE_MS.error),
      info: (message, tone = 'info') => void push({ tone, message }, NOTICE_MS.info),
      undoable: (message, undo) => {
        const n = push({ tone: 'info', message, undo }, NOTICE_MS.undo);
        undoStack.current.push(n);
      },
    }),
    [notices, dismiss, undoLast, push],
  );
  return <NoticesContext.Provider value={api}>{children}</NoticesContext.Provider>;
}

export function useNotices(): NoticesApi {
  const ctx = useContext(NoticesContext);
  if (!ctx) throw new Error('useNotices outside NoticesProvider');
  return ctx;
}
