/**
 * BrowserWindow options as pure data, so a test pins every security setting:
 * the main window (sandboxed, context-isolated, no Node, no spellcheck, no
 * <webview>, hidden until its first paint) and the hidden print window (the
 * same, plus JavaScript off and its own in-memory session).
 */
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/** Settings shared by every window the app opens. */
export const SECURE_WEB_PREFERENCES = {
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  spellcheck: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
  enableWebSQL: false,
  devTools: true,
} as const satisfies WebPreferences;

export const BACKGROUND_COLOUR = '#f7f6f3';

export interface MainWindowInput {
  /** Absolute path of the bundled preload (dist-electron/preload.cjs). */
  preloadPath: string;
  /** Absolute path of the window icon (Linux/Windows); omitted when not found. */
  iconPath?: string;
  /** Production builds close devtools; development keeps them for debugging. */
  devTools?: boolean;
}

export function mainWindowOptions(input: MainWindowInput): BrowserWindowConstructorOptions {
  return {
    title: 'Sanad',
    width: 1360,
    height: 880,
    minWidth: 960,
    minHeight: 640,
    backgroundColor: BACKGROUND_COLOUR,
    show: false,
    autoHideMenuBar: false,
    ...(input.iconPath ? { icon: input.iconPath } : {}),
    webPreferences: {
      ...SECURE_WEB_PREFERENCES,
      devTools: input.devTools ?? false,
      preload: input.preloadPath,
    },
  };
}

/** The print window: never shown, no preload, no scripts, its own session (see printer.ts). */
export function printWindowOptions(partition: string): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 800,
    height: 1100,
    paintWhenInitiallyHidden: true,
    webPreferences: {
      ...SECURE_WEB_PREFERENCES,
      devTools: false,
      javascript: false,
      images: true,
      partition,
      offscreen: false,
    },
  };
}
