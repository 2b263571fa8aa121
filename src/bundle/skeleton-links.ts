/**
 * Writes the skeleton argument's references as GoTo Link annotations (no
 * border, XYZ destination) over their words. A target in another volume gets
 * no link: its printed reference still names the page.
 */
import { PDFArray, PDFName, PDFNull, type PDFPage } from '@cantoo/pdf-lib';
import type { SkeletonLink } from './skeleton.ts';

export function addSkeletonLinks(pages: Map<number, PDFPage>, links: Map<number, SkeletonLink[]> | undefined): number {
  if (!links) return 0;
  let added = 0;
  for (const [position, list] of links) {
    const page = pages.get(position);
    if (!page) continue;
    const ctx = page.doc.context;
    for (const { rect, target } of list) {
      const to = pages.get(target);
      if (!to) continue;
      const dest = ctx.obj([to.ref, PDFName.of('XYZ'), PDFNull, PDFNull, PDFNull]) as PDFArray;
      const annot = ctx.obj({
        Type: 'Annot',
        Subtype: 'Link',
        Rect: [rect.x, rect.y - 1, rect.x + rect.w, rect.y + rect.h + 1],
        Border: [0, 0, 0],
        Dest: dest,
      });
      page.node.addAnnot(ctx.register(annot));
      added++;
    }
  }
  return added;
}
