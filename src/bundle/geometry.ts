/**
 * Page geometry for drawing on copied pages. Stamps and margin labels are
 * drawn in "visual" coordinates (origin at the bottom-left of the page as it
 * is displayed, after /Rotate, within the crop box); `visualFrame` gives the
 * matrix that maps them into unrotated user space, so what is drawn reads
 * upright and sits where the reader sees it.
 */
import type { PDFPage } from '@cantoo/pdf-lib';

export interface VisualFrame {
  /** Displayed width and height. */
  width: number;
  height: number;
  /** [a b c d e f]: visual → user space. */
  matrix: [number, number, number, number, number, number];
  rotation: 0 | 90 | 180 | 270;
}

export function normaliseRotation(angle: number): 0 | 90 | 180 | 270 {
  const r = ((Math.round(angle / 90) * 90) % 360 + 360) % 360;
  return r as 0 | 90 | 180 | 270;
}

export function visualFrame(page: PDFPage): VisualFrame {
  const box = page.getCropBox();
  const x0 = box.x;
  const y0 = box.y;
  const x1 = box.x + box.width;
  const y1 = box.y + box.height;
  const rotation = normaliseRotation(page.getRotation().angle);
  switch (rotation) {
    case 0:
      return { width: box.width, height: box.height, matrix: [1, 0, 0, 1, x0, y0], rotation };
    case 90:
      return { width: box.height, height: box.width, matrix: [0, 1, -1, 0, x1, y0], rotation };
    case 180:
      return { width: box.width, height: box.height, matrix: [-1, 0, 0, -1, x1, y1], rotation };
    case 270:
      return { width: box.height, height: box.width, matrix: [0, -1, 1, 0, x0, y1], rotation };
  }
}

/** Maps a user-space point into visual coordinates (inverse of the frame matrix). */
export function toVisual(frame: VisualFrame, x: number, y: number): [number, number] {
  const [a, b, c, d, e, f] = frame.matrix;
  const det = a * d - b * c;
  const dx = x - e;
  const dy = y - f;
  return [(d * dx - c * dy) / det, (-b * dx + a * dy) / det];
}

export function num(n: number): string {
  const r = Math.round(n * 1000) / 1000;
  return Object.is(r, -0) ? '0' : String(r);
}

export function cm(frame: VisualFrame): string {
  return `${frame.matrix.map(num).join(' ')} cm`;
}

/** "#f4a261" → [r, g, b] in 0..1. */
export function rgbOf(colour: string | undefined): [number, number, number] {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour ?? '');
  if (!m) return [1, 0.85, 0.2];
  return [parseInt(m[1]!, 16) / 255, parseInt(m[2]!, 16) / 255, parseInt(m[3]!, 16) / 255];
}
