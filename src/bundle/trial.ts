/**
 * The trial copy run at import: a source is copied into an empty bundle
 * through the same code a build uses (DonorCopier, PageDrawer's stamp,
 * makeInert, save), so a file that would sink a build is caught, repaired or
 * refused when it is imported instead of when a bundle is due.
 */
import { ParseSpeeds, PDFDocument, StandardFonts } from '@cantoo/pdf-lib';
import '../pdf/quiet.ts';
import { undecodableContent } from './content.ts';
import { DonorCopier } from './copy.ts';
import { PageDrawer } from './draw.ts';
import { makeInert } from './inert.ts';

/** How a build loads a source; import loads a kept file once this way for its checks and the trial. */
export const DONOR_LOAD_OPTIONS = { updateMetadata: false, ignoreEncryption: true } as const;

/** Copies, stamps and saves every page of `pdf` as a build would; throws whatever the build would throw. */
export async function trialCopy(pdf: Uint8Array): Promise<void> {
  await trialCopyOf(await PDFDocument.load(pdf, DONOR_LOAD_OPTIONS));
}

/**
 * The trial copy from a donor already loaded with DONOR_LOAD_OPTIONS (import
 * parses a file it keeps as it is once, for its checks and this copy). The
 * donor must not be saved afterwards: copying may detach its links.
 */
export async function trialCopyOf(donor: PDFDocument): Promise<void> {
  const out = await PDFDocument.create({ updateMetadata: false });
  const font = await out.embedFont(StandardFonts.HelveticaBold);
  const copier = new DonorCopier(donor, out);
  const pages = copier.copyPages(Array.from({ length: donor.getPageCount() }, (_, i) => i)).map((p) => out.addPage(p));
  // A build copies a page whose content cannot be decoded, then cannot verify its stamp: refused here.
  pages.forEach((page, i) => {
    const why = undecodableContent(page);
    if (why) throw new Error(`the content of page ${i + 1} cannot be decoded: ${why}`);
  });
  copier.copyFormFields();
  const drawer = new PageDrawer(out, font);
  pages.forEach((page, i) => drawer.draw(page, String(i + 1), []));
  makeInert(out);
  const saved = await out.save({ useObjectStreams: true, addDefaultPage: false, updateFieldAppearances: false });
  const back = await PDFDocument.load(saved, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  if (back.getPageCount() !== pages.length) throw new Error(`the copy has ${back.getPageCount()} of ${pages.length} pages`);
}
