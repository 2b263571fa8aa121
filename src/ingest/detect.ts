/**
 * Reads an input file and decides what it is, by asking the format registry
 * (`formats/`): magic bytes win over the file name (a PDF saved as
 * "report.txt" is still a PDF); the extension decides only for formats with
 * no signature. Anything else is refused here, before any work is done, with
 * a message naming the file.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { EmptyFileError, InvalidInputError, SourceTooLargeError, UnsupportedFileError } from '../errors.ts';
import { maxInputBytes } from './limits.ts';
import type { SourceFormat } from '../model/index.ts';
import { detectModule, type SourceFormatModule } from './formats/index.ts';

export interface InputFile {
  /** The base name shown to the user and stored as originalName. */
  name: string;
  bytes: Uint8Array;
  format: SourceFormat;
  /** Lower-case extension for the stored original, e.g. "pdf", "jpg". */
  ext: string;
  /** The format module that recognised the bytes. */
  module: SourceFormatModule;
}

/** Detects the format of bytes named `name`, or undefined when Sanad cannot import it. */
export function detectFormat(name: string, bytes: Uint8Array): { format: SourceFormat; ext: string } | undefined {
  const found = detectModule(name, bytes);
  return found ? { format: found.module.format, ext: found.detected.ext } : undefined;
}

/** Checks bytes already in memory (an attachment) the way `readInput` checks a file. */
export function inputOf(name: string, bytes: Uint8Array): InputFile {
  if (bytes.length === 0) throw new EmptyFileError(name);
  const found = detectModule(name, bytes);
  if (!found) throw new UnsupportedFileError(name);
  return { name, bytes, format: found.module.format, ext: found.detected.ext, module: found.module };
}

/** Reads `file`, refusing missing, empty, oversized and unsupported files with typed errors. */
export async function readInput(file: string, maxBytes = maxInputBytes()): Promise<InputFile> {
  const name = basename(file);
  let bytes: Uint8Array;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new InvalidInputError(`${name} is not a file: choose a document to import.`, name);
    if (info.size > maxBytes) throw new SourceTooLargeError(name, info.size, maxBytes);
    bytes = new Uint8Array(await readFile(file));
  } catch (e) {
    if (e instanceof InvalidInputError || e instanceof SourceTooLargeError) throw e;
    throw new InvalidInputError(`${file} does not exist or cannot be read: check the path and your permissions, then import it again.`, name);
  }
  return inputOf(name, bytes);
}
