/**
 * Renders the generated items (parts, dividers, translation certificates) of
 * a layout to PDF through the printer, all in one page load (batch-print.ts).
 * A round whose documents were all printed before (the plan has converged)
 * prints nothing.
 */
import { PDFDocument } from '@cantoo/pdf-lib';
import type { Printer, Paper } from '../print/printer.ts';
import type { PartContext, PartRequest } from './parts/context.ts';
import type { Layout, PlanItem } from './plan.ts';
import { combineParts, partStarts } from './batch-print.ts';
import { LOAD_PACE } from './pace.ts';
import { mapLimit } from '../concurrency.ts';

export type PartRenderer = (request: PartRequest, ctx: PartContext, paper: Paper) => string;

export interface RenderedPart {
  /** The printed PDF; several parts may share one (a combined print, batch-print.ts). */
  pdf: Uint8Array;
  /** 0-based page of `pdf` where this part starts. */
  firstPage: number;
  pageCount: number;
  /** Pages of `pdf` in all (for size estimates). */
  pdfPages: number;
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

export class PartPrinter {
  private readonly cache = new Map<string, RenderedPart[]>();
  constructor(
    private readonly printer: Printer,
    private readonly renderPart: PartRenderer,
    private readonly paper: Paper,
    private readonly concurrency = PRINT_CONCURRENCY,
  ) {}

  /** Called each time a print has been handed to the printer (the build starts work that can run beside it). */
  onPrintStarted: (() => void) | undefined;

  private send(html: string, tagged: boolean): Promise<Uint8Array> {
    const pdf = this.printer.printHtml(html, { paper: this.paper, tagged });
    this.onPrintStarted?.();
    return pdf;
  }

  /**
   * The parsed PDFs of the last round's prints, by bytes: the round counted their pages with them,
   * and the assembly copies from them instead of parsing the same bytes again. Handed out once
   * (copying detaches a donor's links), and dropped when another round prints.
   */
  private readonly parsed = new Map<Uint8Array, PDFDocument>();

  /** The parsed document of a printed PDF, once; undefined afterwards (parse it again). */
  takeParsed(pdf: Uint8Array): PDFDocument | undefined {
    const doc = this.parsed.get(pdf);
    this.parsed.delete(pdf);
    return doc;
  }

  private async load(pdf: Uint8Array): Promise<PDFDocument> {
    const doc = await PDFDocument.load(pdf, { updateMetadata: false, ...LOAD_PACE });
    this.parsed.set(pdf, doc);
    return doc;
  }

  private async print(html: string, tagged: boolean): Promise<RenderedPart> {
    const pdf = await this.send(html, tagged);
    const doc = await this.load(pdf);
    const pages = doc.getPageCount();
    return { pdf, firstPage: 0, pageCount: pages, pdfPages: pages };
  }

  /**
   * Prints the documents in one page load when they share their layout
   * (batch-print.ts); otherwise, or if the markers did not come through, one
   * by one, a few at a time.
   */
  private async printAll(docs: string[], checkAbort: () => void, tagged: boolean): Promise<RenderedPart[]> {
    const combined = docs.length > 1 ? combineParts(docs) : undefined;
    if (combined !== undefined) {
      checkAbort();
      const pdf = await this.send(combined, tagged);
      const doc = await this.load(pdf);
      const starts = partStarts(doc, docs.length);
      if (starts) {
        const pdfPages = doc.getPageCount();
        this.combinedPrints++;
        return starts.map((first, k) => ({ pdf, firstPage: first, pageCount: (starts[k + 1] ?? pdfPages) - first, pdfPages }));
      }
    }
    return mapLimit(docs, this.concurrency, async (html) => {
      checkAbort();
      return this.print(html, tagged);
    });
  }

  /** Combined prints made (for tests and diagnostics). */
  combinedPrints = 0;

  /**
   * Renders every non-source item; returns item index → rendered PDF. All the
   * HTML is rendered first; unless this exact set of documents was printed
   * before, it is printed together. `measure` prints untagged (about 40 %
   * faster): for a round whose page numbers are a guess, so only its page
   * counts are used, never its pages.
   */
  async renderAll(layout: Layout, ctx: PartContext, checkAbort: () => void, measure = false): Promise<Map<number, RenderedPart>> {
    const htmlOf = new Map<number, string>();
    for (const [i, placed] of layout.items.entries()) {
      const request = requestFor(placed.item);
      if (!request) continue;
      checkAbort();
      htmlOf.set(i, this.renderPart(request, ctx, this.paper));
    }
    // The whole set is printed together and cached as one: the result depends only on
    // the final HTML, not on which rounds came before (same inputs, same bytes).
    const docs = [...new Set(htmlOf.values())];
    const key = `${measure ? 'measure' : 'keep'}\u0000${docs.join('\u0000')}`;
    let printed = this.cache.get(key);
    if (!printed) {
      this.parsed.clear();
      printed = await this.printAll(docs, checkAbort, !measure);
      this.cache.set(key, printed);
    }
    const byHtml = new Map(docs.map((html, k) => [html, printed[k]!]));
    const out = new Map<number, RenderedPart>();
    for (const [i, html] of htmlOf) out.set(i, byHtml.get(html)!);
    return out;
  }
}
