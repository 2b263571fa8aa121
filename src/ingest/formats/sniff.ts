/**
 * Small, dependency-light helpers the format modules use to recognise bytes:
 * signatures, the extension of a name, a "is this binary" check for text
 * formats, and the entry names of a ZIP (read from its central directory,
 * nothing decompressed), which tells Word, OpenDocument and chat exports apart.
 */
import { unzipSync } from 'fflate';

export const SIG = {
  pdf: [0x25, 0x50, 0x44, 0x46, 0x2d], // "%PDF-"
  jpeg: [0xff, 0xd8, 0xff],
  png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  zip: [0x50, 0x4b, 0x03, 0x04], // "PK\3\4"
  cfb: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], // OLE compound file (.msg, .doc, .xls, .ppt)
  rtf: [0x7b, 0x5c, 0x72, 0x74, 0x66], // "{\rtf"
} as const;

export function startsWith(bytes: Uint8Array, sig: readonly number[], at = 0): boolean {
  return sig.every((b, i) => bytes[at + i] === b);
}

/** Lower-case extension without the dot ("" when none). */
export function extOf(name: string): string {
  const m = /\.([^./\\]+)$/.exec(name);
  return m ? m[1]!.toLowerCase() : '';
}

/** Text formats never contain NUL bytes in their first kilobytes (UTF-16 files aside, which are refused). */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

const zipNames = new WeakMap<Uint8Array, string[] | null>();

/** Entry names of a ZIP archive (central directory only), or undefined when it is not a readable ZIP. */
export function zipEntryNames(bytes: Uint8Array): string[] | undefined {
  if (!startsWith(bytes, SIG.zip)) return undefined;
  const cached = zipNames.get(bytes);
  if (cached !== undefined) return cached ?? undefined;
  let names: string[] | null = [];
  try {
    unzipSync(bytes, {
      filter: (f) => {
        names!.push(f.name);
        return false;
      },
    });
  } catch {
    names = null;
  }
  zipNames.set(bytes, names);
  return names ?? undefined;
}

/** The `mimetype` entry an OpenDocument file starts with, read from its local header (stored, uncompressed). */
export function openDocumentMimetype(bytes: Uint8Array): string | undefined {
  if (!startsWith(bytes, SIG.zip)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 30) return undefined;
  const nameLength = view.getUint16(26, true);
  const extraLength = view.getUint16(28, true);
  const size = view.getUint32(18, true);
  const name = new TextDecoder().decode(bytes.subarray(30, 30 + nameLength));
  if (name !== 'mimetype' || size > 200) return undefined;
  const start = 30 + nameLength + extraLength;
  return new TextDecoder().decode(bytes.subarray(start, start + size));
}

/** Whether an OLE compound file contains a stream named `name` (its directory stores names in UTF-16LE). */
export function cfbHasName(bytes: Uint8Array, name: string): boolean {
  if (!startsWith(bytes, SIG.cfb)) return false;
  const needle = Buffer.from(name, 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}
