// The Electron-facing wiring, run against fakes: webContents and session
// hardening, the printToPDF printer, the menu's shortcuts, the import dialog
// filters and the workspace location.
import { EventEmitter } from 'node:events';
import path from 'node:path';
import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';

const fakeElectron = vi.hoisted(() => {
  const windows: { options: unknown; loaded: string[]; printed: unknown[]; destroyed: boolean }[] = [];
  const sessions = new Map<string, FakeSession>();
  interface FakeSession {
    partition: string;
    options: unknown;
    protocolHandler?: (request: Request) => Response | Promise<Response>;
    beforeRequest?: (details: { url: string }, callback: (r: { cancel: boolean }) => void) => void;
    permissionRequest?: (wc: unknown, permission: string, cb: (granted: boolean) => void, details: { requestingUrl: string }) => void;
    permissionCheck?: (wc: unknown, permission: string, origin: string) => boolean;
  }
  const session = {
    fromPartition(partition: string, options: unknown) {
      const s: FakeSession = { partition, options };
      sessions.set(partition, s);
      return {
        protocol: { handle: (_scheme: string, h: FakeSession['protocolHandler']) => void (s.protocolHandler = h) },
        webRequest: { onBeforeRequest: (h: FakeSession['beforeRequest']) => void (s.beforeRequest = h) },
        setPermissionRequestHandler: (h: FakeSession['permissionRequest']) => void (s.permissionRequest = h),
        setPermissionCheckHandler: (h: FakeSession['permissionCheck']) => void (s.permissionCheck = h),
      };
    },
  };
  class BrowserWindow {
    record: (typeof windows)[number];
    webContents: { printToPDF: (o: unknown) => Promise<Buffer> };
    constructor(options: { webPreferences: { partition: string } }) {
      this.record = { options, loaded: [], printed: [], destroyed: false };
      windows.push(this.record);
      const record = this.record;
      const partition = options.webPreferences.partition;
      this.webContents = {
        async printToPDF(o: unknown) {
          record.printed.push(o);
          const url = record.loaded.at(-1) ?? '';
          const res = await sessions.get(partition)!.protocolHandler!(new Request(url));
          return Buffer.from(`PDF of: ${await res.text()}`);
        },
      };
    }
    async loadURL(url: string) {
      this.record.loaded.push(url);
    }
    isDestroyed() {
      return this.record.destroyed;
    }
    destroy() {
      this.record.destroyed = true;
    }
  }
  return { windows, sessions, module: { BrowserWindow, session, dialog: {} } };
});
vi.mock('electron', () => fakeElectron.module);

const { hardenSession, hardenWebContents } = await import('../../electron/hardening.ts');
const { ElectronPrinter, PRINT_PARTITION, printJobUrl, printToPdfOptions, printTokenOf, shouldAllowPrintRequest } = await import('../../electron/printer.ts');
const { IMPORT_FILTERS } = await import('../../electron/dialogs.ts');
const { MENU_COMMANDS, menuTemplate } = await import('../../electron/menu.ts');
const { appLayout, workspaceDir } = await import('../../electron/paths.ts');

function fakeWebContents() {
  const emitter = new EventEmitter();
  let openHandler: ((d: { url: string }) => unknown) | undefined;
  const contents = Object.assign(emitter, { setWindowOpenHandler: (h: (d: { url: string }) => unknown) => void (openHandler = h) });
  const fire = (event: string, url?: string) => {
    let prevented = false;
    emitter.emit(event, { url, preventDefault: () => (prevented = true) });
    return prevented;
  };
  return { contents: contents as unknown as WebContents, fire, open: (url: string) => openHandler?.({ url }) };
}

describe('webContents hardening', () => {
  it('refuses navigation, frame navigation and redirects off the app', () => {
    const wc = fakeWebContents();
    hardenWebContents(wc.contents);
    expect(wc.fire('will-navigate', 'https://example.com/')).toBe(true);
    expect(wc.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(wc.fire('will-frame-navigate', 'http://127.0.0.1:8000/')).toBe(true);
    expect(wc.fire('will-redirect', 'https://tracker.example/')).toBe(true);
    expect(wc.fire('will-navigate', 'app://sanad/index.html')).toBe(false);
  });

  it('denies window.open and <webview>', () => {
    const wc = fakeWebContents();
    hardenWebContents(wc.contents);
    expect(wc.open('https://example.com/')).toEqual({ action: 'deny' });
    expect(wc.open('app://sanad/index.html')).toEqual({ action: 'deny' });
    expect(wc.fire('will-attach-webview')).toBe(true);
  });
});

describe('session hardening', () => {
  function fakeSession() {
    const s: Record<string, ((...args: never[]) => unknown) | undefined> = {};
    const emitter = new EventEmitter();
    const session = Object.assign(emitter, {
      setPermissionRequestHandler: (h: never) => void (s.request = h),
      setPermissionCheckHandler: (h: never) => void (s.check = h),
      setDevicePermissionHandler: (h: never) => void (s.device = h),
      webRequest: { onBeforeRequest: (h: never) => void (s.beforeRequest = h) },
    });
    return { s, session: session as unknown as Session, emitter };
  }

  it('cancels every request that is not for the app, data: or blob:', () => {
    const { s, session } = fakeSession();
    hardenSession(session);
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      (s.beforeRequest as (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void)({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(decide('https://example.com/x.js')).toBe(true);
    expect(decide('ws://localhost:1/')).toBe(true);
    expect(decide('file:///home/user/Documents/Sanad/workspace.json')).toBe(true);
    expect(decide('app://sanad/index.html')).toBe(false);
    expect(decide('data:image/png;base64,AA==')).toBe(false);
  });

  it('denies permission requests, checks, devices and downloads', () => {
    const { s, session, emitter } = fakeSession();
    hardenSession(session);
    let granted: boolean | undefined;
    (s.request as (wc: unknown, p: string, cb: (g: boolean) => void, d: { requestingUrl: string }) => void)({}, 'media', (g) => (granted = g), { requestingUrl: 'app://sanad/' });
    expect(granted).toBe(false);
    expect((s.check as (wc: unknown, p: string, o: string) => boolean)({}, 'clipboard-read', 'app://sanad')).toBe(false);
    expect((s.device as () => boolean)()).toBe(false);
    let prevented = false;
    emitter.emit('will-download', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  });
});

describe('the printToPDF printer', () => {
  it('prints the HTML from memory in a hidden, script-free window and cleans up', async () => {
    const printer = new ElectronPrinter();
    const bytes = await printer.printHtml('<p>Schedule</p>', { paper: 'A4', landscape: true });
    expect(new TextDecoder().decode(bytes)).toBe('PDF of: <p>Schedule</p>');
    const win = fakeElectron.windows.at(-1)!;
    expect(win.options).toMatchObject({ show: false, webPreferences: { javascript: false, sandbox: true, partition: PRINT_PARTITION } });
    expect(win.printed).toEqual([printToPdfOptions({ paper: 'A4', landscape: true })]);
    expect(win.destroyed).toBe(true);
    // The job is gone once printed: its URL no longer answers.
    const s = fakeElectron.sessions.get(PRINT_PARTITION)!;
    expect((await s.protocolHandler!(new Request(win.loaded[0]!))).status).toBe(404);
    await printer.close();
    await expect(printer.printHtml('<p>x</p>', { paper: 'A4' })).rejects.toThrow(/closed/);
  });

  it('keeps the print session offline and permission-less', async () => {
    const s = fakeElectron.sessions.get(PRINT_PARTITION)!;
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      s.beforeRequest!({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(decide('https://example.com/logo.png')).toBe(true);
    expect(decide('file:///etc/hosts')).toBe(true);
    expect(decide('app://sanad/index.html')).toBe(true);
    expect(decide('data:font/woff2;base64,AA')).toBe(false);
    expect(s.permissionCheck!({}, 'media', 'app://sanad')).toBe(false);
  });

  it('asks Chromium for tagged PDFs at the CSS page size', () => {
    expect(printToPdfOptions({ paper: 'Letter' })).toMatchObject({
      pageSize: 'Letter',
      landscape: false,
      printBackground: true,
      preferCSSPageSize: true,
      generateTaggedPDF: true,
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
    });
    // The bundle's generated parts ask for an untagged print (their tree is not copied).
    expect(printToPdfOptions({ paper: 'A4', tagged: false }).generateTaggedPDF).toBe(false);
    const token = '123e4567-e89b-42d3-a456-426614174000';
    expect(printTokenOf(printJobUrl(token))).toBe(token);
    expect(printTokenOf('app://sanad/print/../index.html')).toBeUndefined();
    expect(shouldAllowPrintRequest(printJobUrl(token))).toBe(true);
  });
});

describe('menu', () => {
  const sent: string[] = [];
  let undone = 0;
  const template = menuTemplate('linux', { send: (c) => void sent.push(c), nativeUndo: () => void undone++ });
  const items = template.flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : []));
  const byId = (id: string) => items.find((i) => i.id === id);

  it.each([
    ['import', 'CmdOrCtrl+O'],
    ['build', 'CmdOrCtrl+B'],
    ['find', 'CmdOrCtrl+F'],
    ['undo', 'CmdOrCtrl+Z'],
    ['view.library', 'CmdOrCtrl+1'],
    ['view.excerpts', 'CmdOrCtrl+2'],
    ['view.cases', 'CmdOrCtrl+3'],
    ['view.tags', 'CmdOrCtrl+4'],
  ])('%s has %s and sends its command', (id, accelerator) => {
    const item = byId(id)!;
    expect(item.accelerator).toBe(accelerator);
    sent.length = 0;
    (item.click as () => void)();
    expect(sent).toEqual([id]);
  });

  it('undo also runs native text undo; every command has an item; no accelerator is used twice', () => {
    expect(undone).toBeGreaterThan(0);
    expect(MENU_COMMANDS.every((c) => byId(c))).toBe(true);
    const accelerators = items.map((i) => i.accelerator).filter(Boolean);
    expect(new Set(accelerators).size).toBe(accelerators.length);
    expect(items.some((i) => i.role === 'toggleDevTools')).toBe(false);
  });

  it('uses the app menu on macOS', () => {
    expect(menuTemplate('darwin', { send: () => {}, nativeUndo: () => {} })[0]).toEqual({ role: 'appMenu' });
  });
});

describe('dialogs and paths', () => {
  it('offers every format the importer reads', () => {
    const all = IMPORT_FILTERS[0]!.extensions;
    for (const ext of ['pdf', 'txt', 'md', 'html', 'htm', 'jpg', 'jpeg', 'png', 'eml', 'docx', 'doc', 'rtf', 'odt', 'msg', 'zip', 'heic', 'webp', 'gif', 'tiff']) expect(all).toContain(ext);
  });

  it('puts the workspace in Documents/Sanad unless SANAD_WORKSPACE says otherwise', () => {
    expect(workspaceDir({}, '/home/amina/Documents')).toBe(path.join('/home/amina/Documents', 'Sanad'));
    expect(workspaceDir({ SANAD_WORKSPACE: '  ' }, '/docs')).toBe(path.join('/docs', 'Sanad'));
    expect(workspaceDir({ SANAD_WORKSPACE: '/srv/sanad-test' }, '/docs')).toBe(path.resolve('/srv/sanad-test'));
  });

  it('finds the bundled preload and the renderer under the app root', () => {
    expect(appLayout('/opt/Sanad/resources/app.asar')).toEqual({
      rendererRoot: path.join('/opt/Sanad/resources/app.asar', 'dist-renderer'),
      preloadPath: path.join('/opt/Sanad/resources/app.asar', 'dist-electron', 'preload.cjs'),
      iconPath: path.join('/opt/Sanad/resources/app.asar', 'build', 'icon.png'),
    });
  });
});
