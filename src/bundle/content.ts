/**
 * Appending drawing to a copied page safely. The page's own content is
 * wrapped in q … Q first; if it leaves graphics states unbalanced (more q
 * than Q), the missing Q operators are added too, so nothing the document did
 * to the CTM or colours can move or hide what Sanad draws after it.
 */
import { decodePDFRawStream, PDFArray, PDFName, PDFRawStream, PDFStream, type PDFDict, type PDFPage, type PDFRef } from '@cantoo/pdf-lib';

/** Graphics-state depth left open at the end of a content stream (tokens q/Q outside strings and inline images). */
export function openGraphicsStates(content: string): number {
  let depth = 0;
  let i = 0;
  const n = content.length;
  while (i < n) {
    const ch = content[i]!;
    if (ch === '(') {
      let nest = 1;
      i++;
      while (i < n && nest > 0) {
        const c = content[i]!;
        if (c === '\\') i++;
        else if (c === '(') nest++;
        else if (c === ')') nest--;
        i++;
      }
    } else if (ch === '%') {
      while (i < n && content[i] !== '\n' && content[i] !== '\r') i++;
    } else if (ch === '<' && content[i + 1] !== '<') {
      while (i < n && content[i] !== '>') i++;
      i++;
    } else if (/\s/.test(ch) || '[]{}<>/'.includes(ch)) {
      i++;
    } else {
      let j = i;
      while (j < n && !/[\s()<>[\]{}/%]/.test(content[j]!)) j++;
      const token = content.slice(i, j);
      if (token === 'q') depth++;
      else if (token === 'Q') depth = Math.max(0, depth - 1);
      else if (token === 'ID') {
        // Inline image data: skip to the EI that ends it.
        const end = content.indexOf('EI', j + 1);
        j = end < 0 ? n : end + 2;
      }
      i = Math.max(j, i + 1);
    }
  }
  return depth;
}

function streamText(stream: unknown): string {
  if (stream instanceof PDFRawStream) return Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
  if (stream instanceof PDFStream) return Buffer.from(stream.getContents()).toString('latin1');
  return '';
}

/** Concatenated content of a page (all its content streams). */
export function pageContentText(page: PDFPage): string {
  const contents = page.node.Contents();
  const ctx = page.doc.context;
  if (contents instanceof PDFArray) {
    return contents
      .asArray()
      .map((ref) => streamText(ctx.lookup(ref)))
      .join('\n');
  }
  return streamText(contents);
}

export interface PageResources {
  fonts?: Record<string, PDFRef>;
  extGStates?: Record<string, PDFRef>;
}

/**
 * Appends `ops` to the page after wrapping its existing content, and adds
 * named resources. Call once per page.
 */
export function appendToPage(page: PDFPage, ops: string, resources: PageResources): void {
  let open: number;
  try {
    open = openGraphicsStates(pageContentText(page));
  } catch {
    // Undecodable content: assume it is balanced (the q … Q wrap still applies).
    open = 0;
  }
  // normalizedEntries() wraps the existing content in q … Q (pdf-lib's autoNormalizeCTM).
  const { Font, ExtGState } = page.node.normalizedEntries();
  for (const [name, ref] of Object.entries(resources.fonts ?? {})) (Font as PDFDict).set(PDFName.of(name), ref);
  for (const [name, ref] of Object.entries(resources.extGStates ?? {})) (ExtGState as PDFDict).set(PDFName.of(name), ref);
  const text = `${'Q\n'.repeat(open)}${ops}`;
  const ref = page.doc.context.register(page.doc.context.flateStream(text));
  page.node.addContentStream(ref);
}
