/**
 * Copies pages of one donor PDF into the bundle. Unlike PDFDocument.copyPages
 * it maps each donor page to its copy before copying, so annotations that
 * point back at their page (/P) do not drag in duplicate pages, and it keeps
 * the donor's form fields (AcroForm) whose widgets were copied.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFObjectCopier, PDFPage, PDFRef, type PDFObject } from '@cantoo/pdf-lib';

export class DonorCopier {
  private readonly copier: PDFObjectCopier;
  private readonly mapped: Map<unknown, unknown>;

  constructor(
    private readonly donor: PDFDocument,
    private readonly target: PDFDocument,
  ) {
    this.copier = PDFObjectCopier.for(donor.context, target.context);
    this.mapped = (this.copier as unknown as { traversedObjects: Map<unknown, unknown> }).traversedObjects;
  }

  /** Copies the given 0-based pages (one copier per donor: shared fonts and images are copied once). */
  copyPages(indices: number[]): PDFPage[] {
    const pages = this.donor.getPages();
    const refs: PDFRef[] = [];
    for (const i of indices) {
      const page = pages[i];
      if (!page) throw new RangeError(`page ${i + 1} is not in the donor`);
      const ref = this.target.context.nextRef();
      this.mapped.set(page.ref, ref);
      refs.push(ref);
    }
    return indices.map((i, k) => {
      const copy = this.copier.copy(pages[i]!.node);
      const ref = refs[k]!;
      this.target.context.assign(ref, copy);
      return PDFPage.of(copy, ref, this.target);
    });
  }

  /** Adds the donor's form fields whose widgets were copied to the target's AcroForm. */
  copyFormFields(): void {
    const acroForm = this.donor.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
    const fields = acroForm?.lookupMaybe(PDFName.of('Fields'), PDFArray);
    if (!acroForm || !fields) return;
    const kept: PDFObject[] = [];
    for (const ref of fields.asArray()) {
      if (ref instanceof PDFRef && this.mapped.has(ref)) kept.push(this.mapped.get(ref) as PDFRef);
    }
    if (kept.length === 0) return;
    const ctx = this.target.context;
    let targetForm = this.target.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
    if (!targetForm) {
      targetForm = ctx.obj({ Fields: [] });
      this.target.catalog.set(PDFName.of('AcroForm'), ctx.register(targetForm));
    }
    const targetFields = targetForm.lookup(PDFName.of('Fields'), PDFArray);
    for (const k of kept) targetFields.push(k);
    for (const key of ['DR', 'DA', 'NeedAppearances']) {
      const value = acroForm.get(PDFName.of(key));
      if (value && !targetForm.get(PDFName.of(key))) targetForm.set(PDFName.of(key), this.copier.copy(value));
    }
  }
}
