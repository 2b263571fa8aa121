/**
 * What Sanad draws on each page: the page label in a white box at the visual
 * bottom-right of the crop box, and each excerpt's highlight (drawn into the
 * content so it prints, plus a Highlight annotation) with its margin label.
 * One embedded font (Helvetica-Bold) and fixed resource names keep the output
 * byte-for-byte reproducible.
 */
import { PDFHexString, type PDFDocument, type PDFFont, type PDFPage, type PDFRef } from '@cantoo/pdf-lib';
import type { Rect } from '../model/index.ts';
import { appendToPage } from './content.ts';
import { cm, num, rgbOf, toVisual, visualFrame, type VisualFrame } from './geometry.ts';

export const STAMP_FONT = 'SanadStampFont';
const HIGHLIGHT_GS = 'SanadHighlight';
const STAMP_SIZE = 11;
const LABEL_SIZE = 8;

export interface PageHighlight {
  label: string;
  quote: string;
  rects: Rect[];
  colour: string | undefined;
  /** Stable annotation name (the excerpt id). */
  name: string;
}

export class PageDrawer {
  private readonly highlightGs: PDFRef;
  constructor(
    private readonly doc: PDFDocument,
    private readonly font: PDFFont,
  ) {
    this.highlightGs = doc.context.register(doc.context.obj({ Type: 'ExtGState', ca: 0.35, CA: 0.35, BM: 'Multiply' }));
  }

  /** Draws the label stamp and any highlights onto one page (call once per page). */
  draw(page: PDFPage, label: string, highlights: PageHighlight[], textBox?: Rect): void {
    const frame = visualFrame(page);
    let ops = '';
    // Labels already placed on this page: excerpts on the same line must not hide each other's label.
    const placed: Box[] = [];
    for (const h of highlights) ops += this.highlightOps(h) + this.marginLabelOps(frame, h, textBox, placed);
    ops += this.stampOps(frame, label);
    appendToPage(page, ops, { fonts: { [STAMP_FONT]: this.font.ref }, extGStates: { [HIGHLIGHT_GS]: this.highlightGs } });
    for (const h of highlights) this.annotate(page, h, frame);
  }

  private text(x: number, y: number, size: number, text: string): string {
    return `BT /${STAMP_FONT} ${size} Tf ${num(x)} ${num(y)} Td ${this.font.encodeText(text).toString()} Tj ET\n`;
  }

  private stampOps(frame: VisualFrame, label: string): string {
    const w = this.font.widthOfTextAtSize(label, STAMP_SIZE);
    const padX = 5;
    const boxW = w + 2 * padX;
    const boxH = STAMP_SIZE + 7;
    const x = frame.width - 14 - boxW;
    const y = 10;
    return (
      `q ${cm(frame)}\n1 g 0 G 0.6 w ${num(x)} ${num(y)} ${num(boxW)} ${num(boxH)} re B\n0 g ` +
      this.text(x + padX, y + 5, STAMP_SIZE, label) +
      'Q\n'
    );
  }

  private highlightOps(h: PageHighlight): string {
    const [r, g, b] = rgbOf(h.colour);
    const boxes = h.rects.map((rc) => `${num(rc.x)} ${num(rc.y)} ${num(rc.w)} ${num(rc.h)} re`).join(' ');
    return `q /${HIGHLIGHT_GS} gs ${num(r)} ${num(g)} ${num(b)} rg ${boxes} f Q\n`;
  }

  /**
   * "E1" in a small coloured box beside the first rect, in the margin outside
   * the page's text block (`textBox`, user space) on the side with more room.
   */
  private marginLabelOps(frame: VisualFrame, h: PageHighlight, textBox: Rect | undefined, placed: Box[]): string {
    const first = h.rects[0];
    if (!first) return '';
    const span = (r: Rect) => {
      const a = toVisual(frame, r.x, r.y);
      const b = toVisual(frame, r.x + r.w, r.y + r.h);
      return { left: Math.min(a[0], b[0]), right: Math.max(a[0], b[0]), midY: (a[1] + b[1]) / 2 };
    };
    const rect = span(first);
    const block = textBox ? span(textBox) : rect;
    const w = this.font.widthOfTextAtSize(h.label, LABEL_SIZE) + 6;
    const bh = LABEL_SIZE + 5;
    const left = Math.min(block.left, rect.left);
    const right = Math.max(block.right, rect.right);
    const roomLeft = left;
    const roomRight = frame.width - right;
    const x = roomLeft >= roomRight ? Math.max(2, left - w - 4) : Math.min(frame.width - w - 2, right + 4);
    const midY = rect.midY;
    const y = freeSlot(placed, x, Math.min(Math.max(2, midY - bh / 2), frame.height - bh - 2), w, bh, frame.height);
    placed.push({ x, y, w, h: bh });
    const [r, g, b] = rgbOf(h.colour);
    return (
      `q ${cm(frame)}\n${num(r)} ${num(g)} ${num(b)} rg 0 G 0.5 w ${num(x)} ${num(y)} ${num(w)} ${num(bh)} re B\n0 g ` +
      this.text(x + 3, y + 3.5, LABEL_SIZE, h.label) +
      'Q\n'
    );
  }

  private annotate(page: PDFPage, h: PageHighlight, frame: VisualFrame): void {
    if (h.rects.length === 0) return;
    const quads: number[] = [];
    for (const rc of h.rects) quads.push(...quadOf(frame, rc));
    const x0 = Math.min(...h.rects.map((r) => r.x));
    const y0 = Math.min(...h.rects.map((r) => r.y));
    const x1 = Math.max(...h.rects.map((r) => r.x + r.w));
    const y1 = Math.max(...h.rects.map((r) => r.y + r.h));
    const round = (n: number) => Math.round(n * 100) / 100;
    const annot = this.doc.context.obj({
      Type: 'Annot',
      Subtype: 'Highlight',
      Rect: [x0, y0, x1, y1].map(round),
      QuadPoints: quads.map(round),
      C: rgbOf(h.colour).map((c) => Math.round(c * 1000) / 1000),
      CA: 0.35,
      F: 4,
      P: page.ref,
      NM: PDFHexString.fromText(h.name),
      T: PDFHexString.fromText('Sanad'),
      Contents: PDFHexString.fromText(`${h.label}: ${h.quote}`),
    });
    page.node.addAnnot(this.doc.context.register(annot));
  }
}

/**
 * QuadPoints of a rect, ordered top-left, top-right, bottom-left,
 * bottom-right as the text reads on the displayed page. Viewers that draw
 * their own highlight appearance (poppler) take the first two points as the
 * baseline direction: on a /Rotate 90 page, unrotated order turns a line of
 * text into a tall ellipse across the page.
 */
export function quadOf(frame: VisualFrame, rc: Rect): number[] {
  const a = toVisual(frame, rc.x, rc.y);
  const b = toVisual(frame, rc.x + rc.w, rc.y + rc.h);
  const [vx0, vx1] = [Math.min(a[0], b[0]), Math.max(a[0], b[0])];
  const [vy0, vy1] = [Math.min(a[1], b[1]), Math.max(a[1], b[1])];
  const [ma, mb, mc, md, me, mf] = frame.matrix;
  const user = (vx: number, vy: number) => [ma * vx + mc * vy + me, mb * vx + md * vy + mf];
  return [...user(vx0, vy1), ...user(vx1, vy1), ...user(vx0, vy0), ...user(vx1, vy0)];
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The nearest y (below first, then above) where a w×h box at x overlaps no placed box. */
export function freeSlot(placed: Box[], x: number, y: number, w: number, h: number, pageHeight: number): number {
  const clashes = (cy: number) => placed.some((p) => x < p.x + p.w && p.x < x + w && cy < p.y + p.h + 1 && p.y < cy + h + 1);
  for (let step = 0; step < 40; step++) {
    for (const cy of [y - step * (h + 2), y + step * (h + 2)]) {
      if (cy >= 2 && cy + h <= pageHeight - 2 && !clashes(cy)) return cy;
    }
  }
  return y;
}
