/**
 * Page geometry for redactions. A caseworker measures an area on the page as
 * it is shown (points from the top-left corner of the visible page: after the
 * page's /Rotate and crop box); everything stored and drawn is in PDF user
 * space (origin bottom-left, before /Rotate), like the text runs.
 */
import type { PageText, Rect } from '../model/index.ts';

type View = PageText['view'];
type Rotation = PageText['rotate'];

/** Width and height of the visible page, in points. */
export function visibleSize(view: View, rotate: Rotation): { width: number; height: number } {
  const w = view[2] - view[0];
  const h = view[3] - view[1];
  return rotate === 90 || rotate === 270 ? { width: h, height: w } : { width: w, height: h };
}

/** A point measured from the visible page's top-left corner, in user space. */
export function visibleToUser(view: View, rotate: Rotation, vx: number, vy: number): { x: number; y: number } {
  const [x0, y0, x1, y1] = view;
  switch (rotate) {
    case 90:
      return { x: x0 + vy, y: y0 + vx };
    case 180:
      return { x: x1 - vx, y: y0 + vy };
    case 270:
      return { x: x1 - vy, y: y1 - vx };
    default:
      return { x: x0 + vx, y: y1 - vy };
  }
}

/** A rectangle on the visible page (top-left origin) as a user-space rectangle. */
export function visibleRectToUser(view: View, rotate: Rotation, r: Rect): Rect {
  const a = visibleToUser(view, rotate, r.x, r.y);
  const b = visibleToUser(view, rotate, r.x + r.w, r.y + r.h);
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x: round(x), y: round(y), w: round(Math.abs(a.x - b.x)), h: round(Math.abs(a.y - b.y)) };
}

/** The area of overlap of two rectangles (0 when they do not meet). */
export function overlapArea(p: Rect, q: Rect): number {
  const w = Math.min(p.x + p.w, q.x + q.w) - Math.max(p.x, q.x);
  const h = Math.min(p.y + p.h, q.y + q.h) - Math.max(p.y, q.y);
  return w > 0 && h > 0 ? w * h : 0;
}

export function intersects(p: Rect, q: Rect): boolean {
  return overlapArea(p, q) > 0;
}

/** A rectangle grown by dx horizontally and dy vertically on each side. */
export function grow(r: Rect, dx: number, dy: number): Rect {
  return { x: r.x - dx, y: r.y - dy, w: r.w + 2 * dx, h: r.h + 2 * dy };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
