/**
 * Where the shell finds things: the workspace (Documents/Sanad unless
 * SANAD_WORKSPACE says otherwise), the built renderer, the bundled preload
 * and the icon. Pure functions of their inputs so tests pin them.
 */
import path from 'node:path';

export const WORKSPACE_ENV = 'SANAD_WORKSPACE';

/** The workspace folder: $SANAD_WORKSPACE when set (resolved), else <Documents>/Sanad. */
export function workspaceDir(env: Readonly<Record<string, string | undefined>>, documentsDir: string): string {
  const override = env[WORKSPACE_ENV]?.trim();
  return override ? path.resolve(override) : path.join(documentsDir, 'Sanad');
}

/**
 * Layout under the app root (the folder or app.asar holding package.json):
 * dist-electron/electron/main.js is compiled from electron/main.ts,
 * dist-electron/preload.cjs is the bundled preload, dist-renderer/ the UI.
 */
export function appLayout(appRoot: string) {
  return {
    rendererRoot: path.join(appRoot, 'dist-renderer'),
    preloadPath: path.join(appRoot, 'dist-electron', 'preload.cjs'),
    iconPath: path.join(appRoot, 'build', 'icon.png'),
  };
}
