/**
 * Wires the shell together once Electron is ready: hardening for every
 * webContents and the default session, the app scheme, the workspace and the
 * API handlers behind IPC, the menu, and the main window. Every decision it
 * applies lives in a pure module next to it.
 */
import { existsSync } from 'node:fs';
import { app, BrowserWindow, clipboard, dialog, ipcMain, Menu, session } from 'electron';
import { IPC_EVENT_CHANNEL } from '../src/api/contract.ts';
import { resolveAppFile } from '../src/api/files.ts';
import { createHandlers } from '../src/api/handlers.ts';
import { isSanadError } from '../src/errors.ts';
import { initWorkspace, openWorkspace, type Workspace } from '../src/store/index.ts';
import { chooseImportFiles } from './dialogs.ts';
import { hardenSession, hardenWebContents } from './hardening.ts';
import { createEventForwarder, registerGrantIpc, registerIpc } from './ipc.ts';
import { PathGrants } from './path-grants.ts';
import { MENU_EVENT, menuTemplate, type MenuCommand } from './menu.ts';
import { appLayout, workspaceDir } from './paths.ts';
import { ElectronPrinter } from './printer.ts';
import { serveAppScheme } from './protocol.ts';
import { APP_FILES_BASE_URL, APP_INDEX_URL, isAppUrl } from './security.ts';
import { mainWindowOptions } from './window-options.ts';

let mainWindow: BrowserWindow | undefined;

function appWindows(): BrowserWindow[] {
  return BrowserWindow.getAllWindows().filter((w) => !w.isDestroyed() && isAppUrl(w.webContents.getURL()));
}

function createMainWindow(): BrowserWindow {
  const layout = appLayout(app.getAppPath());
  const win = new BrowserWindow(
    mainWindowOptions({
      preloadPath: layout.preloadPath,
      ...(existsSync(layout.iconPath) ? { iconPath: layout.iconPath } : {}),
      devTools: !app.isPackaged,
    }),
  );
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = undefined;
  });
  void win.loadURL(APP_INDEX_URL);
  return win;
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function sendMenuCommand(command: MenuCommand): void {
  const target = BrowserWindow.getFocusedWindow() ?? mainWindow;
  if (target && !target.isDestroyed() && isAppUrl(target.webContents.getURL())) {
    target.webContents.send(IPC_EVENT_CHANNEL, MENU_EVENT, { command });
  }
}

async function openDefaultWorkspace(): Promise<Workspace> {
  const dir = workspaceDir(process.env, app.getPath('documents'));
  await initWorkspace(dir);
  return openWorkspace(dir);
}

async function onReady(): Promise<void> {
  hardenSession(session.defaultSession);
  const ws = await openDefaultWorkspace();
  const printer = new ElectronPrinter();
  const grants = new PathGrants();
  const handlers = createHandlers({
    ws,
    printer,
    emit: createEventForwarder(() => appWindows().map((w) => w.webContents)),
    filesBaseUrl: APP_FILES_BASE_URL,
    // Only files handed out by the main process (this dialog, or a drop the preload registered) can be imported.
    openFiles: async () => grants.grant(await chooseImportFiles(BrowserWindow.getFocusedWindow() ?? mainWindow)),
    isPathGranted: (p) => grants.isGranted(p),
    writeClipboard: async (text) => clipboard.writeText(text),
  });
  serveAppScheme(session.defaultSession, { rendererRoot: appLayout(app.getAppPath()).rendererRoot, resolveFile: (urlPath) => resolveAppFile(ws, urlPath) });
  registerIpc(ipcMain, handlers);
  registerGrantIpc(ipcMain, grants);
  const template = menuTemplate(
    process.platform,
    { send: sendMenuCommand, nativeUndo: () => (BrowserWindow.getFocusedWindow() ?? mainWindow)?.webContents.undo() },
    { devTools: !app.isPackaged },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));

  let released = false;
  app.on('will-quit', (event) => {
    if (released) return;
    event.preventDefault();
    void Promise.allSettled([ws.close(), printer.close()]).then(() => {
      released = true;
      app.quit();
    });
  });
  app.on('activate', () => {
    if (!mainWindow) mainWindow = createMainWindow();
  });
  mainWindow = createMainWindow();
  // The library index opens and is checked against the source folders while the window loads,
  // so the first screen's calls find it ready (a failure here is met again, and reported, by them).
  void ws.index().catch(() => undefined);
}

function failStartup(error: unknown): void {
  const message = isSanadError(error) ? error.message : `Sanad could not start (${error instanceof Error ? error.message : String(error)}): restart it, and report the problem if it happens again.`;
  dialog.showErrorBox('Sanad cannot start', message);
  app.exit(1);
}

export function startSanad(): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('second-instance', focusMainWindow);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.whenReady().then(onReady).catch(failStartup);
}
