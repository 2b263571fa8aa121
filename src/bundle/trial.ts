/**
 * The trial copy run at import: a source is copied into an empty bundle
 * through the same code a build uses (DonorCopier, PageDrawer's stamp,
 * makeInert, save), so a file that would sink a build is caught, repaired or
 * refused when it is imported instead of when a bundle is due.
 */
import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';
import '../pdf/quiet.ts';
import { DonorCopier } from './copy.ts';
import { PageDrawer } from './draw.ts';
import { makeInert } from './inert.ts';

/** Copies, stamps and saves every page of `pdf` as a build would; throws whatever the build would throw. */
export async function trialCopy(pdf: Uint8Array): Promise<void> {
  const donor = await PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: true });
  const out = await PDFDocument.create({ updateMetadata: false });
  const font = await out.embedFont(StandardFonts.HelveticaBold);
  const copier = new DonorCopier(donor, out);
  const pages = copier.copyPages(Array.from({ length: donor.getPageCount() }, (_, i) => i)).map((p) => out.addPage(p));
  copier.copyFormFields();
  const drawer = new PageDrawer(out, font);
  pages.forEach((page, i) => drawer.draw(page, String(i + 1), []));
  makeInert(out);
  const saved = await out.save({ useObjectStreams: true, addDefaultPage: false, updateFieldAppearances: false });
  const back = await PDFDocument.load(saved, { updateMetadata: false });
  if (back.getPageCount() !== pages.length) throw new Error(`the copy has ${back.getPageCount()} of ${pages.length} pages`);
}
