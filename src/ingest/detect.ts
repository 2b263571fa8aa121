/**
 * Reads an input file and decides what it is. Magic bytes win over the file
 * name (a PDF saved as "report.txt" is still a PDF); the extension decides
 * only for text formats, which have no signature. Anything else is refused
 * here, before any work is done, with a message naming the file.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { EmptyFileError, InvalidInputError, UnsupportedFileError } from '../errors.ts';
import type { SourceFormat } from '../model/index.ts';
import { detectImage } from './image/detect.ts';

export interface InputFile {
  /** The base name shown to the user and stored as originalName. */
  name: string;
  bytes: Uint8Array;
  format: SourceFormat;
  /** Lower-case extension for the stored original, e.g. "pdf", "jpg". */
  ext: string;
}

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

function startsWith(bytes: Uint8Array, sig: number[], at = 0): boolean {
  return sig.every((b, i) => bytes[at + i] === b);
}

/** Some producers put junk before "%PDF-"; readers accept it within the first 1 KB. */
function looksLikePdf(bytes: Uint8Array): boolean {
  const limit = Math.min(bytes.length - PDF.length, 1024);
  for (let i = 0; i <= limit; i++) if (startsWith(bytes, PDF, i)) return true;
  return false;
}

const BY_EXTENSION: Record<string, SourceFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.eml': 'email',
};

/** Detects the format of bytes named `name`, or undefined when Sanad cannot import it. */
export function detectFormat(name: string, bytes: Uint8Array): { format: SourceFormat; ext: string } | undefined {
  if (looksLikePdf(bytes)) return { format: 'pdf', ext: 'pdf' };
  const image = detectImage(bytes);
  if (image) return { format: 'image', ext: image };
  const ext = extname(name).toLowerCase();
  const format = BY_EXTENSION[ext];
  if (format === undefined || looksBinary(bytes)) return undefined;
  return { format, ext: ext.slice(1) === 'htm' ? 'html' : ext.slice(1) };
}

/** Text formats never contain NUL bytes in their first kilobytes (UTF-16 files aside, which we refuse). */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

/** Reads `file`, refusing missing, empty and unsupported files with typed errors. */
export async function readInput(file: string): Promise<InputFile> {
  const name = basename(file);
  let bytes: Uint8Array;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new InvalidInputError(`${name} is not a file: choose a document to import.`, name);
    bytes = new Uint8Array(await readFile(file));
  } catch (e) {
    if (e instanceof InvalidInputError) throw e;
    throw new InvalidInputError(`${file} does not exist or cannot be read: check the path and your permissions, then import it again.`, name);
  }
  if (bytes.length === 0) throw new EmptyFileError(name);
  const detected = detectFormat(name, bytes);
  if (!detected) throw new UnsupportedFileError(name);
  return { name, bytes, ...detected };
}
