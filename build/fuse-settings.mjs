/**
 * Electron fuses for the packaged app, as data (a test pins each value).
 * Fuses are flipped in the Electron binary itself after packing (fuses.mjs),
 * so a shipped Sanad cannot be turned into a general Node runtime
 * (ELECTRON_RUN_AS_NODE, NODE_OPTIONS, --inspect), loads its code only from
 * the integrity-checked app.asar, and encrypts its cookie store.
 */
import { FuseV1Options, FuseVersion } from '@electron/fuses';

/** Fuse name (as in FuseV1Options) → on/off. */
export const FUSE_SETTINGS = Object.freeze({
  RunAsNode: false,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  OnlyLoadAppFromAsar: true,
  EnableEmbeddedAsarIntegrityValidation: true,
  EnableCookieEncryption: true,
  // The app never loads file:// URLs (everything is served from app://sanad).
  GrantFileProtocolExtraPrivileges: false,
});

/** electron-builder's Arch enum value for arm64. */
const ARCH_ARM64 = 3;

/**
 * The config passed to flipFuses for one packed app. macOS arm64 binaries must
 * carry a valid (ad hoc) signature to start, so it is reset after flipping;
 * real signing happens after afterPack.
 * @param {string} electronPlatformName
 * @param {number} arch
 */
export function fuseConfigFor(electronPlatformName, arch) {
  /** @type {import('@electron/fuses').FuseV1Config} */
  const config = {
    version: FuseVersion.V1,
    resetAdHocDarwinSignature: (electronPlatformName === 'darwin' || electronPlatformName === 'mas') && arch === ARCH_ARM64,
  };
  for (const [name, value] of Object.entries(FUSE_SETTINGS)) {
    const index = FuseV1Options[/** @type {keyof typeof FuseV1Options} */ (name)];
    if (index === undefined) throw new Error(`Unknown Electron fuse "${name}": check @electron/fuses' FuseV1Options.`);
    config[index] = value;
  }
  return config;
}
