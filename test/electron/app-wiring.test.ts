// electron/app.ts wired against a fake Electron: once "ready", the default
// session is hardened, the workspace opens (created if missing), the app
// scheme serves, IPC answers the app frame with the real core and refuses
// others, and the main window loads app://sanad/ with the secure options.
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_INVOKE_CHANNEL } from '../../src/api/contract.ts';
import { GRANT_CHANNEL } from '../../electron/api-names.ts';
import { textPdf } from '../helpers/pdf.ts';

const fake = vi.hoisted(() => {
  const appListeners = new Map<string, ((...args: unknown[]) => void)[]>();
  let resolveReady: () => void = () => {};
  const ready = new Promise<void>((r) => (resolveReady = r));
  const state = {
    documents: '',
    windows: [] as { options: { webPreferences?: Record<string, unknown> }; url: string }[],
    ipc: new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>(),
    protocolHandler: undefined as undefined | ((r: Request) => Promise<Response>),
    beforeRequest: undefined as undefined | ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
    menu: undefined as unknown,
    quitCalls: 0,
  };
  const on = (event: string, listener: (...args: unknown[]) => void) => appListeners.set(event, [...(appListeners.get(event) ?? []), listener]);
  const app = {
    on,
    whenReady: () => ready,
    getPath: () => state.documents,
    getAppPath: () => process.cwd(),
    isPackaged: true,
    quit: () => void state.quitCalls++,
    exit: () => {},
  };
  class BrowserWindow {
    static getAllWindows = () => [];
    static getFocusedWindow = () => null;
    webContents = { getURL: () => '', send: () => {} };
    constructor(options: (typeof state.windows)[number]['options']) {
      state.windows.push({ options, url: '' });
    }
    once() {}
    on() {}
    async loadURL(url: string) {
      state.windows.at(-1)!.url = url;
    }
  }
  const defaultSession = {
    setPermissionRequestHandler: () => {},
    setPermissionCheckHandler: () => {},
    setDevicePermissionHandler: () => {},
    on: () => {},
    webRequest: { onBeforeRequest: (h: typeof state.beforeRequest) => void (state.beforeRequest = h) },
    protocol: { handle: (_s: string, h: typeof state.protocolHandler) => void (state.protocolHandler = h) },
  };
  const module = {
    app,
    BrowserWindow,
    session: { defaultSession, fromPartition: () => defaultSession },
    ipcMain: { handle: (c: string, l: (event: unknown, ...args: unknown[]) => Promise<unknown>) => void state.ipc.set(c, l), removeHandler: (c: string) => void state.ipc.delete(c) },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => void (state.menu = m) },
    dialog: { showErrorBox: (title: string, message: string) => console.error(title, message) },
  };
  return { module, state, appListeners, resolveReady };
});
vi.mock('electron', () => fake.module);

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sanad-app-'));
  fake.state.documents = dir;
  delete process.env.SANAD_WORKSPACE;
  const { startSanad } = await import('../../electron/app.ts');
  startSanad();
  fake.resolveReady();
  await vi.waitFor(() => expect(fake.state.windows).toHaveLength(1), { timeout: 20_000 });
});
afterAll(async () => {
  for (const l of fake.appListeners.get('will-quit') ?? []) l({ preventDefault: () => {} });
  await vi.waitFor(() => expect(fake.state.quitCalls).toBeGreaterThan(0));
  await rm(dir, { recursive: true, force: true });
});

describe('app wiring', () => {
  it('registers hardening for every webContents and the single-instance focus', () => {
    expect(fake.appListeners.get('web-contents-created')).toHaveLength(1);
    expect(fake.appListeners.get('second-instance')).toHaveLength(1);
  });

  it('creates the workspace in Documents/Sanad', async () => {
    expect((await stat(path.join(dir, 'Sanad', 'workspace.json'))).isFile()).toBe(true);
  });

  it('opens one window on app://sanad with the secure options and the bundled preload', () => {
    const win = fake.state.windows[0]!;
    expect(win.url).toBe('app://sanad/index.html');
    expect(win.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, devTools: false });
    expect(win.options.webPreferences?.preload).toBe(path.join(process.cwd(), 'dist-electron', 'preload.cjs'));
  });

  it('answers IPC from the app with the real core and refuses other frames', async () => {
    const listener = fake.state.ipc.get(IPC_INVOKE_CHANNEL)!;
    const tags = (await listener({ senderFrame: { url: 'app://sanad/index.html' } }, 'tags.list', {})) as { ok: boolean; value: { name: string }[] };
    expect(tags.ok).toBe(true);
    expect(tags.value.map((t) => t.name)).toContain('Threat patterns');
    const refused = await listener({ senderFrame: { url: 'https://example.com/' } }, 'tags.list', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } });
  });

  it('imports only files the dialog or a registered drop handed out', async () => {
    const listener = fake.state.ipc.get(IPC_INVOKE_CHANNEL)!;
    const frame = { senderFrame: { url: 'app://sanad/index.html' } };
    const file = path.join(dir, 'dropped-note.pdf');
    await writeFile(file, await textPdf([['Threats were traced to Karachi.']]));
    const refused = await listener(frame, 'sources.import', { paths: [file] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FILE_NOT_CHOSEN' } });
    expect((refused as { error: { message: string } }).error.message).toContain('dropped-note.pdf');
    // The preload registers the drop (trusted frame), then the same call succeeds.
    await fake.state.ipc.get(GRANT_CHANNEL)!(frame, [file]);
    const imported = (await listener(frame, 'sources.import', { paths: [file] })) as { ok: boolean; value: { title: string }[] };
    expect(imported.ok, JSON.stringify(imported)).toBe(true);
    expect(imported.value).toHaveLength(1);
  });

  it('cancels network requests in the default session and serves the app scheme', async () => {
    let cancel: boolean | undefined;
    fake.state.beforeRequest!({ url: 'https://example.com/' }, (r) => (cancel = r.cancel));
    expect(cancel).toBe(true);
    const res = await fake.state.protocolHandler!(new Request('app://sanad/files/source/missing.pdf'));
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('installs the application menu', () => {
    expect(Array.isArray(fake.state.menu)).toBe(true);
  });
});
