/**
 * Verification that a built volume is inert: every object of the file is
 * read (not the page view pdfjs gives) and anything that could run, launch,
 * submit, play or carry a file fails verification — the same rules the
 * assembler applies (bundle/inert.ts), checked on what was written. The raw
 * reader does it (raw-inert.ts); a file it cannot read, or an encrypted one,
 * is loaded whole with pdf-lib as before.
 */
import { PDFDocument } from '@cantoo/pdf-lib';
import { findActiveContent } from '../bundle/inert.ts';
import { rawActiveContent } from './raw-inert.ts';
import { RawPdf } from './raw-pdf.ts';
import '../pdf/quiet.ts';

/** The raw check's failures, or undefined when pdf-lib must do it. */
async function rawInert(bytes: Uint8Array, name: string, given: RawPdf | undefined, pause: () => Promise<void>): Promise<string[] | undefined> {
  try {
    const raw = given ?? new RawPdf(bytes);
    if (raw.trailer.has('Encrypt')) return undefined;
    const walk = rawActiveContent(raw, []);
    for (let step = walk.next(); ; step = walk.next()) {
      if (step.done) return step.value.map((found) => `${name} is not inert: ${found}`);
      await pause();
    }
  } catch {
    return undefined;
  }
}

/**
 * Failures for active content in one volume (empty when it is inert). `raw`
 * is the reader the caller already opened; `pause` lets other work in
 * between objects.
 */
export async function checkInert(bytes: Uint8Array, name: string, raw?: RawPdf, pause: () => Promise<void> = async () => {}): Promise<string[]> {
  const fast = await rawInert(bytes, name, raw, pause);
  if (fast) return fast;
  return checkInertWithPdfLib(bytes, name);
}

/** The check on the whole file loaded with pdf-lib (kept for files the raw reader cannot read). */
export async function checkInertWithPdfLib(bytes: Uint8Array, name: string): Promise<string[]> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
  } catch (cause) {
    return [`${name} cannot be read object by object (${String(cause)})`];
  }
  const failures: string[] = [];
  if (doc.isEncrypted) failures.push(`${name} is encrypted`);
  for (const found of findActiveContent(doc)) failures.push(`${name} is not inert: ${found}`);
  return failures;
}
