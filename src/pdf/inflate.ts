/**
 * Inflating a PDF's Flate streams as PDF readers do. A stream cut short keeps
 * what was inflated (zlib's sync flush, as pdf-lib does). A stream whose data
 * is whole but whose Adler-32 checksum is wrong (a bit flipped in its last four
 * bytes, or a producer that writes a bad one) is read anyway: pdf.js and
 * poppler do not check it, so the page shows as it should, and Sanad's copy
 * and verification must read the same page. Any other damage still throws.
 */
import { constants, inflateRawSync, inflateSync } from 'node:zlib';

/** The inflated bytes of a zlib (Flate) stream; throws zlib's error for data no reader can inflate. */
export function inflatePdfStream(data: Uint8Array): Buffer {
  try {
    return inflateSync(data, { finishFlush: constants.Z_SYNC_FLUSH });
  } catch (error) {
    if (!isChecksumError(error) || data.length < 2) throw error;
    // The deflate data after the two header bytes, without the checksum zlib would check.
    return inflateRawSync(data.subarray(2), { finishFlush: constants.Z_SYNC_FLUSH });
  }
}

function isChecksumError(error: unknown): boolean {
  return (error as { code?: string }).code === 'Z_DATA_ERROR' && /incorrect data check/.test((error as Error).message);
}
