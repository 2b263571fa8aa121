// The IPC bridge of the main process, run with fakes of ipcMain, the sender
// frame and webContents, and a handler map that records what reaches it.
import { describe, expect, it } from 'vitest';
import { ApiArgs, IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, type ApiMethod } from '../../src/api/contract.ts';
import type { Handlers } from '../../src/api/handlers.ts';
import { createEventForwarder, createInvokeListener, registerIpc, type IpcMainLike, type InvokeEventLike } from '../../electron/ipc.ts';

function recordingHandlers() {
  const calls: { method: string; args: unknown }[] = [];
  const handlers = Object.fromEntries(
    Object.keys(ApiArgs).map((method) => [
      method,
      async (args: unknown) => {
        calls.push({ method, args });
        return { handled: method };
      },
    ]),
  ) as unknown as Handlers;
  return { calls, handlers };
}

const fromApp: InvokeEventLike = { senderFrame: { url: 'app://sanad/index.html' } };

describe('invoke listener', () => {
  it('dispatches a valid call from the app frame to its handler', async () => {
    const { calls, handlers } = recordingHandlers();
    const listener = createInvokeListener(handlers);
    const reply = await listener(fromApp, 'tags.create', { name: 'Threat patterns/Letters' });
    expect(reply).toEqual({ ok: true, value: { handled: 'tags.create' } });
    expect(calls).toEqual([{ method: 'tags.create', args: { name: 'Threat patterns/Letters' } }]);
  });

  it.each([
    ['a remote page', 'https://example.com/'],
    ['a local file', 'file:///tmp/index.html'],
    ['another app host', 'app://evil/index.html'],
    ['a data: page', 'data:text/html,<script>1</script>'],
  ])('rejects a call from %s without running any handler', async (_what, url) => {
    const { calls, handlers } = recordingHandlers();
    const reply = await createInvokeListener(handlers)({ senderFrame: { url } }, 'tags.list', {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } });
    expect(calls).toEqual([]);
  });

  it('rejects a call whose frame is gone', async () => {
    const { calls, handlers } = recordingHandlers();
    const reply = await createInvokeListener(handlers)({ senderFrame: null }, 'tags.list', {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } });
    expect(calls).toEqual([]);
  });

  it('rejects an invalid payload with a validation error before any handler runs', async () => {
    const { calls, handlers } = recordingHandlers();
    const listener = createInvokeListener(handlers);
    const bad = await listener(fromApp, 'tags.create', { name: '', colour: 'red' });
    expect(bad.ok).toBe(false);
    expect(bad.ok === false && bad.error.code).toBe('INVALID_ARGUMENTS');
    const extra = await listener(fromApp, 'sources.get', { id: 'x', __proto__hack: 1 });
    expect(extra.ok).toBe(false);
    const wrongType = await listener(fromApp, 'sources.pageText', { id: 'x', page: -1 });
    expect(wrongType.ok).toBe(false);
    expect(calls).toEqual([]);
  });

  it('rejects unknown methods, including prototype names', async () => {
    const { calls, handlers } = recordingHandlers();
    const listener = createInvokeListener(handlers);
    for (const method of ['tags.drop', 'constructor', '__proto__', 'toString', 42, undefined]) {
      const reply = await listener(fromApp, method, {});
      expect(reply).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
    expect(calls).toEqual([]);
  });
});

describe('registerIpc', () => {
  it('installs one handler on the contract channel that checks the sender', async () => {
    const installed = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
    const removed: string[] = [];
    const fakeIpcMain: IpcMainLike = {
      handle: (channel, listener) => void installed.set(channel, listener),
      removeHandler: (channel) => void removed.push(channel),
    };
    const { calls, handlers } = recordingHandlers();
    registerIpc(fakeIpcMain, handlers);
    expect([...installed.keys()]).toEqual([IPC_INVOKE_CHANNEL]);
    expect(removed).toEqual([IPC_INVOKE_CHANNEL]);
    const listener = installed.get(IPC_INVOKE_CHANNEL)!;
    expect(await listener({ senderFrame: { url: 'https://example.com/' } }, 'cases.list', {})).toMatchObject({ ok: false });
    expect(await listener(fromApp, 'cases.list', {})).toEqual({ ok: true, value: { handled: 'cases.list' } });
    expect(calls.map((c) => c.method)).toEqual(['cases.list' satisfies ApiMethod]);
  });
});

describe('event forwarding', () => {
  function fakeContents(url: string, destroyed = false) {
    const sent: unknown[][] = [];
    return { sent, isDestroyed: () => destroyed, getURL: () => url, send: (...args: unknown[]) => void sent.push(args) };
  }

  it('sends events to live app windows only', () => {
    const app = fakeContents('app://sanad/index.html');
    const dead = fakeContents('app://sanad/index.html', true);
    const foreign = fakeContents('https://example.com/');
    const emit = createEventForwarder(() => [app, dead, foreign]);
    const payload = { file: 'report.pdf', stage: 'text', done: 1, total: 3 };
    emit('import.progress', payload);
    expect(app.sent).toEqual([[IPC_EVENT_CHANNEL, 'import.progress', payload]]);
    expect(dead.sent).toEqual([]);
    expect(foreign.sent).toEqual([]);
  });
});
