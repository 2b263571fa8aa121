/**
 * Renders the generated items (parts, dividers, translation certificates) of
 * a layout to PDF through the printer. Identical HTML is printed once per
 * build: re-planning re-renders only what changed.
 */
import { PDFDocument } from '@cantoo/pdf-lib';
import type { Printer, Paper } from '../print/printer.ts';
import type { PartContext, PartRequest } from './parts/context.ts';
import type { Layout, PlanItem } from './plan.ts';

export type PartRenderer = (request: PartRequest, ctx: PartContext, paper: Paper) => string;

export interface RenderedPart {
  pdf: Uint8Array;
  pageCount: number;
}

export function requestFor(item: PlanItem): PartRequest | undefined {
  switch (item.kind) {
    case 'generated':
      return { part: item.part };
    case 'divider':
      return { part: 'divider', title: item.title, letter: item.letter };
    case 'translation-certificate':
      return { part: 'translation-certificate', translation: item.translation, original: item.original };
    case 'source':
      return undefined;
  }
}

export class PartPrinter {
  private readonly cache = new Map<string, RenderedPart>();
  constructor(
    private readonly printer: Printer,
    private readonly renderPart: PartRenderer,
    private readonly paper: Paper,
  ) {}

  /** Renders every non-source item; returns item index → rendered PDF. */
  async renderAll(layout: Layout, ctx: PartContext, checkAbort: () => void): Promise<Map<number, RenderedPart>> {
    const out = new Map<number, RenderedPart>();
    for (const [i, placed] of layout.items.entries()) {
      const request = requestFor(placed.item);
      if (!request) continue;
      checkAbort();
      const html = this.renderPart(request, ctx, this.paper);
      let rendered = this.cache.get(html);
      if (!rendered) {
        const pdf = await this.printer.printHtml(html, { paper: this.paper });
        const doc = await PDFDocument.load(pdf, { updateMetadata: false });
        rendered = { pdf, pageCount: doc.getPageCount() };
        this.cache.set(html, rendered);
      }
      out.set(i, rendered);
    }
    return out;
  }
}
