// Types for fuses.mjs (plain JS so electron-builder can load it without TypeScript).
export interface PackContext {
  electronPlatformName: string;
  appOutDir: string;
  arch?: number;
  packager: { appInfo: { productFilename: string }; executableName?: string };
}
export declare function electronBinaryPath(context: PackContext): string;
export default function afterPack(context: PackContext & { arch: number }): Promise<void>;
