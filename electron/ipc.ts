/**
 * The IPC bridge of the main process: one `invoke` channel whose sender frame
 * must be showing the app (app://sanad/) before `dispatch` validates the
 * payload against the contract and runs the handler, and one event channel
 * on which core events are pushed to the app's windows. Typed over small
 * interfaces so tests run it with fakes of ipcMain and webContents.
 */
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, type ApiEvent, type ApiEvents } from '../src/api/contract.ts';
import { dispatch, type DispatchResult, type Handlers } from '../src/api/handlers.ts';
import { GRANT_CHANNEL } from './api-names.ts';
import type { PathGrants } from './path-grants.ts';
import { isTrustedSender } from './security.ts';

/** What the listener reads from Electron's IpcMainInvokeEvent. */
export interface InvokeEventLike {
  senderFrame: { url: string } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export interface EventTargetLike {
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
  getURL(): string;
}

export type InvokeListener = (event: InvokeEventLike, method?: unknown, args?: unknown) => Promise<DispatchResult>;

export const UNTRUSTED_SENDER_REPLY: DispatchResult = {
  ok: false,
  error: { code: 'UNTRUSTED_SENDER', message: 'This page is not part of Sanad, so Sanad refused its request: reload the app window.' },
};

export function createInvokeListener(handlers: Handlers): InvokeListener {
  return async (event, method, args) => {
    const frameUrl = event.senderFrame?.url;
    if (!isTrustedSender(frameUrl)) {
      console.warn(`Refused an IPC call from an untrusted frame (${String(frameUrl).slice(0, 120)}).`);
      return UNTRUSTED_SENDER_REPLY;
    }
    return dispatch(handlers, method, args);
  };
}

/** Installs the one invoke handler (replacing any earlier one, e.g. after a workspace reopen). */
export function registerIpc(ipcMain: IpcMainLike, handlers: Handlers): void {
  ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
  const listener = createInvokeListener(handlers);
  ipcMain.handle(IPC_INVOKE_CHANNEL, (event, ...args) => listener(event, args[0], args[1]));
}

/** An `emit` for HandlerContext: sends each event to every live window that shows the app. */
export function createEventForwarder(targets: () => readonly EventTargetLike[]) {
  return <E extends ApiEvent>(event: E, payload: ApiEvents[E]): void => {
    for (const target of targets()) {
      if (!target.isDestroyed() && isTrustedSender(target.getURL())) target.send(IPC_EVENT_CHANNEL, event, payload);
    }
  };
}

/** A listener for the preload's drop registrations: trusted frames only, absolute paths only. */
export function createGrantListener(grants: PathGrants) {
  return async (event: InvokeEventLike, paths?: unknown): Promise<{ granted: number }> => {
    if (!isTrustedSender(event.senderFrame?.url) || !Array.isArray(paths)) return { granted: 0 };
    return { granted: grants.grant(paths).length };
  };
}

/** Installs the drop-registration channel (see electron/path-grants.ts). */
export function registerGrantIpc(ipcMain: IpcMainLike, grants: PathGrants): void {
  ipcMain.removeHandler(GRANT_CHANNEL);
  const listener = createGrantListener(grants);
  ipcMain.handle(GRANT_CHANNEL, (event, ...args) => listener(event, args[0]));
}
