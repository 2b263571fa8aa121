/**
 * Draws excerpt highlights on a rendered page. Excerpt rectangles are in PDF
 * user space; the page viewport converts them to CSS pixels at the current zoom.
 */
import type { Rect } from '../../../src/model/source.ts';

export interface Highlight {
  id: string;
  page: number;
  rects: Rect[];
  colour: string;
  label?: string;
}

interface PageViewLike {
  div: HTMLDivElement;
  viewport: { convertToViewportRectangle: (rect: number[]) => number[] };
}

export function drawHighlights(pageView: PageViewLike, pageNumber: number, highlights: Highlight[], activeId: string | undefined): void {
  pageView.div.querySelector(':scope > .sanad-hl-layer')?.remove();
  const mine = highlights.filter((h) => h.page === pageNumber);
  if (mine.length === 0) return;
  const layer = document.createElement('div');
  layer.className = 'sanad-hl-layer';
  for (const h of mine) {
    for (const r of h.rects) {
      const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = pageView.viewport.convertToViewportRectangle([r.x, r.y, r.x + r.w, r.y + r.h]);
      const box = document.createElement('div');
      box.className = `sanad-hl${h.id === activeId ? ' is-active' : ''}`;
      box.dataset.excerptId = h.id;
      box.style.left = `${Math.min(x1, x2)}px`;
      box.style.top = `${Math.min(y1, y2)}px`;
      box.style.width = `${Math.abs(x2 - x1)}px`;
      box.style.height = `${Math.abs(y2 - y1)}px`;
      box.style.background = h.colour;
      if (h.label) box.title = h.label;
      layer.append(box);
    }
  }
  pageView.div.append(layer);
}
