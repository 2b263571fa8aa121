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

/** Documents printed at once: Chromium lays out one while Node waits on another. */
export const PRINT_CONCURRENCY = 3;

/** Runs `task` on every element, at most `limit` at a time; results in input order. */
async function mapLimit<T, R>(list: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(list.length);
  let next = 0;
  const lane = async () => {
    while (next < list.length) {
      const i = next++;
      results[i] = await task(list[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, list.length) }, lane));
  return results;
}

export class PartPrinter {
  private readonly cache = new Map<string, RenderedPart>();
  constructor(
    private readonly printer: Printer,
    private readonly renderPart: PartRenderer,
    private readonly paper: Paper,
    private readonly concurrency = PRINT_CONCURRENCY,
  ) {}

  private async print(html: string): Promise<RenderedPart> {
    const pdf = await this.printer.printHtml(html, { paper: this.paper });
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    return { pdf, pageCount: doc.getPageCount() };
  }

  /**
   * Renders every non-source item; returns item index → rendered PDF. All the
   * HTML is rendered first, then the distinct documents not printed before
   * are printed a few at a time; the result depends only on the HTML.
   */
  async renderAll(layout: Layout, ctx: PartContext, checkAbort: () => void): Promise<Map<number, RenderedPart>> {
    const htmlOf = new Map<number, string>();
    for (const [i, placed] of layout.items.entries()) {
      const request = requestFor(placed.item);
      if (!request) continue;
      checkAbort();
      htmlOf.set(i, this.renderPart(request, ctx, this.paper));
    }
    const missing = [...new Set(htmlOf.values())].filter((html) => !this.cache.has(html));
    const printed = await mapLimit(missing, this.concurrency, async (html) => {
      checkAbort();
      return this.print(html);
    });
    missing.forEach((html, k) => this.cache.set(html, printed[k]!));
    const out = new Map<number, RenderedPart>();
    for (const [i, html] of htmlOf) out.set(i, this.cache.get(html)!);
    return out;
  }
}
