// Packaging: the electron-builder config is valid by electron-builder's own
// loader and schema, ships what the app loads, and the fuses are pinned.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';
import { FUSE_SETTINGS, fuseConfigFor } from '../../build/fuse-settings.mjs';
import afterPack, { electronBinaryPath } from '../../build/fuses.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const configPath = path.join(root, 'build/electron-builder.yml');

async function loadConfig() {
  return getConfig(root, configPath, null);
}

describe('fuses', () => {
  it.each([
    [FuseV1Options.RunAsNode, false],
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable, false],
    [FuseV1Options.EnableNodeCliInspectArguments, false],
    [FuseV1Options.OnlyLoadAppFromAsar, true],
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation, true],
    [FuseV1Options.EnableCookieEncryption, true],
    [FuseV1Options.GrantFileProtocolExtraPrivileges, false],
  ])('fuse %s is %s', (fuse, value) => {
    for (const [platform, arch] of [['linux', 1], ['win32', 1], ['darwin', 3], ['darwin', 1]] as const) {
      expect(fuseConfigFor(platform, arch)[fuse]).toBe(value);
    }
  });

  it('names only fuses @electron/fuses knows, at version 1', () => {
    for (const name of Object.keys(FUSE_SETTINGS)) expect(FuseV1Options).toHaveProperty(name);
    expect(fuseConfigFor('linux', 1).version).toBe(FuseVersion.V1);
  });

  it('re-signs ad hoc only on Apple silicon', () => {
    expect(fuseConfigFor('darwin', 3).resetAdHocDarwinSignature).toBe(true);
    expect(fuseConfigFor('darwin', 1).resetAdHocDarwinSignature).toBe(false);
    expect(fuseConfigFor('linux', 3).resetAdHocDarwinSignature).toBe(false);
  });

  it('finds the Electron binary of each platform', () => {
    const packager = { appInfo: { productFilename: 'Sanad' }, executableName: 'sanad' };
    expect(electronBinaryPath({ electronPlatformName: 'linux', appOutDir: '/out', packager })).toBe(path.join('/out', 'sanad'));
    expect(electronBinaryPath({ electronPlatformName: 'win32', appOutDir: '/out', packager })).toBe(path.join('/out', 'Sanad.exe'));
    expect(electronBinaryPath({ electronPlatformName: 'darwin', appOutDir: '/out', packager })).toBe(path.join('/out', 'Sanad.app'));
    expect(typeof afterPack).toBe('function');
  });
});

describe('electron-builder.yml', () => {
  it('is valid for electron-builder', async () => {
    const config = await loadConfig();
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('would reject a broken config (the check can fail)', async () => {
    const config = { ...(await loadConfig()), asar: 'yes please' } as unknown as Parameters<typeof validateConfiguration>[0];
    await expect(validateConfiguration(config, new DebugLogger(false))).rejects.toThrow();
  });

  it('names the product, the targets, asar, the fuse hook and no publishing', async () => {
    const c = await loadConfig();
    expect(c.productName).toBe('Sanad');
    expect(c.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(c.asar).toBe(true);
    expect(c.publish).toBeNull();
    expect(c.afterPack).toBe('./build/fuses.mjs');
    expect(c.linux?.target).toEqual(['AppImage', 'deb']);
    expect(c.linux?.category).toBe('Office');
    expect(c.win?.target).toEqual(['nsis']);
    expect(c.mac?.target).toEqual(['dmg']);
    expect(c.artifactName).toContain('${version}');
  });

  it('ships what the app loads: main, preload, renderer, templates', async () => {
    const c = await loadConfig();
    // getConfig normalises `files` to [{ filter: [...] }].
    const patterns = (c.files as { filter: string[] }[]).flatMap((f) => f.filter);
    const files = patterns.filter((f) => !f.startsWith('!'));
    const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { main: string };
    const tsconfig = await readFile(path.join(root, 'electron/tsconfig.json'), 'utf8');
    const covered = (file: string) => files.some((pattern) => pattern === file || (pattern.endsWith('/**/*') && file.startsWith(pattern.slice(0, -4))));
    expect(covered(pkg.main)).toBe(true);
    expect(pkg.main).toBe('dist-electron/electron/main.js');
    expect(tsconfig).toContain('"outDir": "../dist-electron"');
    expect(covered('dist-electron/preload.cjs')).toBe(true);
    expect(covered('dist-renderer/index.html')).toBe(true);
    expect(covered('templates/base.css')).toBe(true);
    // Folders that exist before any build:
    for (const dir of ['templates']) expect((await stat(path.join(root, dir))).isDirectory()).toBe(true);
  });

  it('has a 1024×1024 PNG icon and its SVG source', async () => {
    const png = await readFile(path.join(root, 'build/icon.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1024);
    expect(png.readUInt32BE(20)).toBe(1024);
    expect(await readFile(path.join(root, 'build/icon.svg'), 'utf8')).toMatch(/^<svg [^>]*viewBox="0 0 1024 1024"/);
  });
});
