/**
 * Bookmarks: one per section, with its documents nested under it. Titles are
 * written as PDF text strings (UTF-16BE with BOM when needed) so Arabic-script
 * names survive.
 */
import { type PDFDict, PDFHexString, PDFName, PDFNull, type PDFDocument, type PDFRef } from '@cantoo/pdf-lib';

export interface OutlineNode {
  title: string;
  page: PDFRef;
  children: OutlineNode[];
}

function visibleCount(nodes: OutlineNode[]): number {
  return nodes.reduce((n, node) => n + 1 + visibleCount(node.children), 0);
}

function addChildren(doc: PDFDocument, parentRef: PDFRef, parent: PDFDict, nodes: OutlineNode[]): void {
  const ctx = doc.context;
  const refs = nodes.map(() => ctx.nextRef());
  nodes.forEach((node, i) => {
    const dict = ctx.obj({
      Title: PDFHexString.fromText(node.title),
      Parent: parentRef,
      Dest: [node.page, PDFName.of('XYZ'), PDFNull, PDFNull, PDFNull],
    });
    if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]!);
    if (i < nodes.length - 1) dict.set(PDFName.of('Next'), refs[i + 1]!);
    if (node.children.length > 0) {
      addChildren(doc, refs[i]!, dict, node.children);
    }
    ctx.assign(refs[i]!, dict);
  });
  if (refs.length > 0) {
    parent.set(PDFName.of('First'), refs[0]!);
    parent.set(PDFName.of('Last'), refs[refs.length - 1]!);
    parent.set(PDFName.of('Count'), ctx.obj(visibleCount(nodes)));
  }
}

export function writeOutline(doc: PDFDocument, nodes: OutlineNode[]): void {
  if (nodes.length === 0) return;
  const ctx = doc.context;
  const rootRef = ctx.nextRef();
  const root = ctx.obj({ Type: 'Outlines' });
  addChildren(doc, rootRef, root, nodes);
  ctx.assign(rootRef, root);
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

