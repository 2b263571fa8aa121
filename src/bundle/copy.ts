/**
 * Copies pages of one donor PDF into the bundle. Unlike PDFDocument.copyPages
 * it maps each donor page to its copy before copying, so annotations that
 * point back at their page (/P) do not drag in duplicate pages, and it keeps
 * the donor's form fields (AcroForm) whose widgets were copied. The donor's
 * own internal links are remapped to the copies of their target pages, or
 * removed when the target page is not copied (source-links.ts).
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFObjectCopier, PDFPage, PDFRef, type PDFObject } from '@cantoo/pdf-lib';
import { attachLinks, detachLinks, type LinkTarget } from './source-links.ts';

/** What happened to the donor's own internal links. */
export interface SourceLinkStats {
  kept: number;
  /** Links whose target page is not in the bundle (or names nothing). */
  removed: number;
}

export class DonorCopier {
  private readonly copier: PDFObjectCopier;
  private readonly mapped: Map<unknown, unknown>;
  private pageIndexOf: Map<PDFRef, number> | undefined;
  private readonly detached = new WeakMap<PDFDict, LinkTarget | undefined>();
  readonly links: SourceLinkStats = { kept: 0, removed: 0 };

  constructor(
    private readonly donor: PDFDocument,
    private readonly target: PDFDocument,
  ) {
    this.copier = PDFObjectCopier.for(donor.context, target.context);
    this.mapped = (this.copier as unknown as { traversedObjects: Map<unknown, unknown> }).traversedObjects;
  }

  /**
   * Copies the given 0-based pages (one copier per donor: shared fonts and
   * images are copied once). Internal links land on pages copied by the same
   * call (one bundle item), so a link never leads into another document.
   */
  copyPages(indices: number[]): PDFPage[] {
    const pages = this.donor.getPages();
    this.pageIndexOf ??= new Map(pages.map((p, i) => [p.ref, i]));
    const refs: PDFRef[] = [];
    const here = new Map<number, PDFRef>();
    for (const i of indices) {
      const page = pages[i];
      if (!page) throw new RangeError(`page ${i + 1} is not in the donor`);
      const ref = this.target.context.nextRef();
      this.mapped.set(page.ref, ref);
      refs.push(ref);
      here.set(i, ref);
    }
    // A page copied again (the same source twice in a bundle) gets annotations of its own.
    for (const i of indices) this.forgetAnnotations(pages[i]!);
    const links = indices.map((i) => detachLinks(this.donor, pages[i]!, this.pageIndexOf!, this.detached));
    return indices.map((i, k) => {
      const copy = this.copier.copy(pages[i]!.node);
      const ref = refs[k]!;
      this.target.context.assign(ref, copy);
      const page = PDFPage.of(copy, ref, this.target);
      const stats = attachLinks(page, links[k]!, (target) => here.get(target));
      this.links.kept += stats.kept;
      this.links.removed += stats.removed;
      return page;
    });
  }

  private forgetAnnotations(page: PDFPage): void {
    // The copier remembers both refs and the objects themselves.
    const annots = page.node.get(PDFName.of('Annots'));
    const list = this.donor.context.lookupMaybe(annots, PDFArray);
    for (const a of [annots, list, ...(list?.asArray() ?? [])]) {
      if (a === undefined) continue;
      this.mapped.delete(a);
      if (a instanceof PDFRef) this.mapped.delete(this.donor.context.lookup(a));
    }
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
