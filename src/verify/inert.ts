/**
 * Verification that a built volume is inert: every object of the file is
 * read (pdf-lib, not the page view pdfjs gives) and anything that could run,
 * launch, submit, play or carry a file fails verification — the same rules
 * the assembler applies (bundle/inert.ts), checked on what was written.
 */
import { PDFDocument } from '@cantoo/pdf-lib';
import { findActiveContent } from '../bundle/inert.ts';
import '../pdf/quiet.ts';

/** Failures for active content in one volume (empty when it is inert). */
export async function checkInert(bytes: Uint8Array, name: string): Promise<string[]> {
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
