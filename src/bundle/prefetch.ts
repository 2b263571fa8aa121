/**
 * Reading the first donors while Chromium prints. The plan waits on the
 * printer for most of its time; the assembly then spends much of its own
 * parsing the sources' PDFs. Parsing the first sources (in bundle order, up
 * to a byte budget, so memory stays bounded) during the prints moves that
 * work into time that was idle. Each parsed donor is handed out once and
 * then dropped, like a donor the assembly reads itself.
 */
import { PDFDocument } from '@cantoo/pdf-lib';
import type { BundleInput } from './input.ts';
import type { PlanItem } from './plan.ts';
import { LOAD_PACE } from './pace.ts';

/** Source bytes parsed ahead at most (a parsed donor takes several times its bytes). */
export const PREFETCH_BYTES = 8 * 1024 * 1024;

export class DonorPrefetch {
  private readonly ready = new Map<string, Promise<PDFDocument>>();
  /** Sources still to read ahead; one the assembly asked for first is no longer read. */
  private readonly pending = new Set<string>();
  private stopped = false;
  /** Sources parsed ahead (for tests and diagnostics). */
  readonly parsed: string[] = [];
  /** Settles when reading ahead has finished or stopped. */
  readonly settled: Promise<void>;

  constructor(input: BundleInput, items: PlanItem[], budget = PREFETCH_BYTES) {
    const ids: string[] = [];
    let bytes = 0;
    for (const item of items) {
      if (item.kind !== 'source' || ids.includes(item.meta.id)) continue;
      const pdf = input.sources.get(item.meta.id)?.pdf;
      if (!pdf || bytes + pdf.length > budget) break;
      bytes += pdf.length;
      ids.push(item.meta.id);
    }
    for (const id of ids) this.pending.add(id);
    this.settled = this.run(input, ids);
  }

  private async run(input: BundleInput, ids: string[]): Promise<void> {
    for (const id of ids) {
      // Let the printer's replies through between two donors.
      await new Promise((resolve) => setImmediate(resolve));
      if (this.stopped) return;
      if (!this.pending.delete(id)) continue;
      const pdf = input.sources.get(id)!.pdf;
      const doc = PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: true, ...LOAD_PACE });
      // A failure is the assembly's to report (take() hands the rejection over); never an unhandled one.
      doc.catch(() => undefined);
      this.ready.set(id, doc);
      this.parsed.push(id);
      await doc.catch(() => undefined);
    }
  }

  /** The parsed donor of a source, once (later calls parse again themselves); undefined if not read ahead. */
  take(sourceId: string): Promise<PDFDocument> | undefined {
    this.pending.delete(sourceId);
    const doc = this.ready.get(sourceId);
    this.ready.delete(sourceId);
    return doc;
  }

  /** Stops reading ahead and drops what was not taken. */
  stop(): void {
    this.stopped = true;
    this.pending.clear();
    this.ready.clear();
  }
}
