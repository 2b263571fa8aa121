/**
 * Renders a PDF page to a PNG for OCR with pdfjs and @napi-rs/canvas (the
 * canvas pdfjs-dist itself uses in Node), at ~300 dpi by default. Returns the
 * viewport too, so OCR boxes in pixels map back to PDF user space exactly.
 */
import { canvasModule } from '../pdf/canvas.ts';
import type { PDFDocumentProxy } from '../pdf/pdfjs.ts';

export interface RenderedPage {
  png: Uint8Array;
  width: number;
  height: number;
  /** Pixel (top-left origin) → user-space point, through the page's rotation and crop box. */
  toUser(x: number, y: number): [number, number];
  /** The page's /Rotate, normalised to 0, 90, 180 or 270. */
  rotate: number;
}

/** Longest side in pixels never exceeds this, whatever the page size (a 2 m poster stays affordable). */
const MAX_SIDE = 7000;

export async function renderPageForOcr(doc: PDFDocumentProxy, pageNumber: number, dpi = 300): Promise<RenderedPage> {
  const page = await doc.getPage(pageNumber);
  try {
    const unit = page.getViewport({ scale: 1 });
    const scale = Math.min(dpi / 72, MAX_SIDE / Math.max(unit.width, unit.height));
    const viewport = page.getViewport({ scale });
    const width = Math.max(1, Math.ceil(viewport.width));
    const height = Math.max(1, Math.ceil(viewport.height));
    const canvas = canvasModule().createCanvas(width, height);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    // pdfjs's Node canvas factory is @napi-rs/canvas too; its types are the DOM's.
    await page.render({ canvas: canvas as unknown as never, canvasContext: ctx as unknown as never, viewport }).promise;
    const png = new Uint8Array(await canvas.encode('png'));
    const rotate = (((viewport.rotation % 360) + 360) % 360);
    return {
      png,
      width,
      height,
      rotate,
      toUser: (x, y) => {
        const [ux, uy] = viewport.convertToPdfPoint(x, y) as [number, number];
        return [ux, uy];
      },
    };
  } finally {
    page.cleanup();
  }
}
