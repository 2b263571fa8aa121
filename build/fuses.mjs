/**
 * electron-builder afterPack hook: flips the Electron fuses of the packed
 * binary (settings in fuse-settings.mjs) before it is signed and packaged
 * into AppImage/deb/NSIS/dmg.
 */
import path from 'node:path';
import { flipFuses } from '@electron/fuses';
import { fuseConfigFor } from './fuse-settings.mjs';

/**
 * The Electron executable inside a packed app folder.
 * @param {{ electronPlatformName: string, appOutDir: string, packager: { appInfo: { productFilename: string }, executableName?: string } }} context
 */
export function electronBinaryPath(context) {
  const { electronPlatformName, appOutDir, packager } = context;
  const name = packager.appInfo.productFilename;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return path.join(appOutDir, `${name}.app`);
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${name}.exe`);
  return path.join(appOutDir, packager.executableName ?? name.toLowerCase());
}

/** @param {import('app-builder-lib').AfterPackContext} context */
export default async function afterPack(context) {
  const binary = electronBinaryPath(context);
  await flipFuses(binary, fuseConfigFor(context.electronPlatformName, context.arch));
  console.log(`  • flipped Electron fuses  file=${binary}`);
}
