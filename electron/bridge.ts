/**
 * The object the preload hands to the page as `window.sanad`: exactly the
 * `SanadApi` of the contract (invoke + on + pathForFile), nothing else. Method and event
 * names are checked here, before anything reaches IPC; the IpcRenderer itself
 * and its events never cross to the page (listeners get the payload only).
 * Kept free of Electron imports so tests drive it with a fake IpcRenderer.
 * A path found for a dropped file is registered with the main process (its
 * grant registry) before the next call goes out, so `sources.import` accepts
 * it; the page itself has no way to register a path.
 */
import type { ApiErrorPayload, ApiEvent, ApiEvents, ApiMethod, ApiResults, SanadApi } from '../src/api/contract.ts';
import { EVENT_CHANNEL, GRANT_CHANNEL, INVOKE_CHANNEL, isApiEventName, isApiMethodName } from './api-names.ts';

/** The slice of Electron's IpcRenderer the bridge uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** A failed call: the message is the one sentence to show; `code` is the core's error code. */
export class SanadApiError extends Error {
  readonly code: string;
  constructor(payload: ApiErrorPayload) {
    super(payload.message);
    this.name = 'SanadApiError';
    this.code = payload.code;
  }
}

function unwrapReply(method: string, reply: unknown): unknown {
  if (typeof reply === 'object' && reply !== null && 'ok' in reply) {
    const r = reply as { ok: unknown; value?: unknown; error?: Partial<ApiErrorPayload> };
    if (r.ok === true) return r.value;
    if (r.ok === false && typeof r.error?.message === 'string') {
      throw new SanadApiError({ code: String(r.error.code ?? 'ERROR'), message: r.error.message });
    }
  }
  throw new SanadApiError({ code: 'BAD_REPLY', message: `Sanad's main process sent an unreadable reply to "${method}": restart Sanad and report the problem.` });
}

/** Electron's webUtils.getPathForFile, or a test double. */
export type PathForFile = (file: File) => string;

export function createSanadBridge(ipc: IpcRendererLike, getPathForFile: PathForFile = () => ''): SanadApi {
  const listeners = new Map<ApiEvent, Set<(payload: unknown) => void>>();
  let subscribed = false;
  let dropped: string[] = [];

  /** Registers the paths of dropped files with the main process before anything else is sent. */
  async function flushGrants(): Promise<void> {
    if (dropped.length === 0) return;
    const paths = dropped;
    dropped = [];
    await ipc.invoke(GRANT_CHANNEL, paths);
  }

  function subscribeOnce(): void {
    if (subscribed) return;
    subscribed = true;
    ipc.on(EVENT_CHANNEL, (_event, name, payload) => {
      if (!isApiEventName(name)) return;
      for (const listener of listeners.get(name) ?? []) {
        try {
          listener(payload);
        } catch (e) {
          console.error(`A listener for "${name}" failed`, e);
        }
      }
    });
  }

  const api: SanadApi = {
    async invoke<M extends ApiMethod>(method: M, args: unknown): Promise<ApiResults[M]> {
      if (!isApiMethodName(method)) {
        throw new SanadApiError({ code: 'UNKNOWN_METHOD', message: `"${String(method)}" is not a Sanad API method: use one of the methods in src/api/contract.ts.` });
      }
      await flushGrants();
      const reply = await ipc.invoke(INVOKE_CHANNEL, method, args);
      return unwrapReply(method, reply) as ApiResults[M];
    },
    on<E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void): () => void {
      if (!isApiEventName(event)) {
        throw new SanadApiError({ code: 'UNKNOWN_EVENT', message: `"${String(event)}" is not a Sanad API event: use one of API_EVENTS in src/api/contract.ts.` });
      }
      if (typeof listener !== 'function') {
        throw new SanadApiError({ code: 'INVALID_INPUT', message: `The listener for "${event}" is not a function: pass a function.` });
      }
      subscribeOnce();
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => {
        set.delete(wrapped);
      };
    },
    pathForFile(file: unknown): string {
      // Electron throws for anything that is not a File; a File built by the page has no path ('').
      if (typeof file !== 'object' || file === null) return '';
      try {
        const found = getPathForFile(file as File);
        if (typeof found !== 'string') return '';
        if (found) dropped.push(found);
        return found;
      } catch {
        return '';
      }
    },
  };
  return Object.freeze(api);
}
