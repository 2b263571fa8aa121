/**
 * Reads ZIP archives (Word files, chat exports) with fflate, within limits:
 * a crafted archive (a "zip bomb" of millions of entries or gigabytes once
 * inflated) is refused with a clear message before it is inflated.
 */
import { unzipSync } from 'fflate';
import { InvalidInputError } from '../../errors.ts';

export interface ZipLimits {
  maxEntries: number;
  /** Total uncompressed bytes of the entries read. */
  maxTotalBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 5000, maxTotalBytes: 512 * 1024 * 1024 };

/** The entries of `bytes` (only those `want` accepts, all by default) as name → bytes. */
export function readZip(name: string, bytes: Uint8Array, want: (entry: string) => boolean = () => true, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Map<string, Uint8Array> {
  let entries = 0;
  let total = 0;
  let tooBig = false;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        entries++;
        if (!want(f.name) || f.name.endsWith('/')) return false;
        total += f.originalSize;
        if (entries > limits.maxEntries || total > limits.maxTotalBytes) tooBig = true;
        return !tooBig;
      },
    });
  } catch (error) {
    throw new InvalidInputError(`${name} is not a readable ZIP archive (${(error as Error).message}): save or export it again, then import it.`, name);
  }
  if (tooBig) {
    throw new InvalidInputError(
      `${name} expands to more than ${limits.maxEntries} files or ${Math.round(limits.maxTotalBytes / 1024 / 1024)} MB: it is not a normal document or export; extract what you need and import it separately.`,
      name,
    );
  }
  // fflate trusts the declared sizes for the filter; check what was really inflated.
  let real = 0;
  for (const data of Object.values(files)) real += data.length;
  if (real > limits.maxTotalBytes) throw new InvalidInputError(`${name} expands to more than ${Math.round(limits.maxTotalBytes / 1024 / 1024)} MB: extract what you need and import it separately.`, name);
  return new Map(Object.entries(files));
}
