// Types for fuse-settings.mjs (plain JS so electron-builder can load it without TypeScript).
import type { FuseV1Config } from '@electron/fuses';

export declare const FUSE_SETTINGS: Readonly<{
  RunAsNode: false;
  EnableNodeOptionsEnvironmentVariable: false;
  EnableNodeCliInspectArguments: false;
  OnlyLoadAppFromAsar: true;
  EnableEmbeddedAsarIntegrityValidation: true;
  EnableCookieEncryption: true;
  GrantFileProtocolExtraPrivileges: false;
}>;

export declare function fuseConfigFor(electronPlatformName: string, arch: number): FuseV1Config;
