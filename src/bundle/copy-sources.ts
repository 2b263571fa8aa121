/**
 * The first half of assembling a volume: a new document with every source
 * page of the volume copied in, in bundle order, before any generated page.
 *
 * Nothing here depends on page numbers (stamps, highlights and links come
 * later; the graphics-state depth each page's own content leaves open, which
 * the stamp must close first, is measured here too), so for a build's first
 * volume the copy runs while Chromium prints the generated parts, when the
 * main thread mostly waits: the build starts it with the first print
 * (CopyAhead) and the assembly takes the result. A volume
 * assembled without it runs the very same copy itself, so both give the same
 * bytes: object numbers follow the copy's order, never its timing.
 */
import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from '@cantoo/pdf-lib';
import { BundleError } from '../errors.ts';
import type { BundleInput } from './input.ts';
import type { PlanItem } from './plan.ts';
import { DonorCopier } from './copy.ts';
import { appendPagesDirectly } from './page-tree.ts';
import { measureOpenStates } from './content.ts';
import { LOAD_PACE } from './pace.ts';

/** A source item of the volume: its index among the plan's items. */
export interface SourcePlacement {
  index: number;
  item: PlanItem;
}

export interface CopiedSources {
  out: PDFDocument;
  /** The stamp font, embedded first so its object number never moves. */
  font: PDFFont;
  /** The copied pages of each source item, by item index (not yet in the page tree). */
  pages: Map<number, PDFPage[]>;
}

async function loadDonor(bytes: Uint8Array, what: string): Promise<PDFDocument> {
  try {
    return await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true, ...LOAD_PACE });
  } catch (cause) {
    throw new BundleError(`The PDF of ${what} could not be read (${String(cause)}): re-import it, then build again.`);
  }
}

/** Runs a copy step; a source that cannot be copied names itself instead of failing with an internal error. */
function copyOrExplain<T>(copy: () => T, title: string): T {
  try {
    return copy();
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new BundleError(`"${title}" could not be copied into the bundle (${detail}): re-import it or remove it from the bundle, then build again.`);
  }
}

/**
 * Copies the pages of `placed` (source items only, in bundle order) into a
 * new document. One donor per source, released after its last item so parsed
 * sources do not pile up; the event loop gets a turn between two items, so a
 * printer driven from this thread still hears Chromium. `checkAbort` throws to
 * stop (a cancelled build, or a build that failed elsewhere).
 */
export async function copySources(input: BundleInput, placed: SourcePlacement[], checkAbort: (stage: string) => void): Promise<CopiedSources> {
  const out = await PDFDocument.create({ updateMetadata: false });
  appendPagesDirectly(out);
  const font = await out.embedFont(StandardFonts.HelveticaBold);
  const sources = placed.filter((p) => p.item.kind === 'source');
  const lastUse = new Map<string, number>();
  sources.forEach((p, k) => lastUse.set((p.item as Extract<PlanItem, { kind: 'source' }>).meta.id, k));
  const donors = new Map<string, DonorCopier>();
  const pages = new Map<number, PDFPage[]>();
  for (const [k, p] of sources.entries()) {
    await new Promise((resolve) => setImmediate(resolve));
    checkAbort('assembly');
    const item = p.item as Extract<PlanItem, { kind: 'source' }>;
    const id = item.meta.id;
    let donor = donors.get(id);
    if (!donor) {
      const bytes = input.sources.get(id)?.pdf;
      if (!bytes) throw new BundleError(`Nothing was read for "${item.title}": report this as a bug in Sanad.`);
      donor = new DonorCopier(await loadDonor(bytes, `"${item.title}"`), out);
      donors.set(id, donor);
    }
    const from = donor;
    const copies = copyOrExplain(() => from.copyPages(item.pages), item.title);
    // What the stamping needs to know of each page's own content, measured here rather than after the prints.
    for (const page of copies) measureOpenStates(page);
    pages.set(p.index, copies);
    if (lastUse.get(id) === k) {
      copyOrExplain(() => from.copyFormFields(), item.title);
      donors.delete(id);
    }
  }
  return { out, font, pages };
}

/**
 * The copy of a build's first volume, run ahead while the parts print
 * (started when the first print has been sent). It is handed out once;
 * `stop()` ends it at its next item (the build is over or failed), and a
 * failure waits, unreported, for the assembly that takes it.
 */
export class CopyAhead {
  private result: Promise<CopiedSources> | undefined;
  private stopped = false;
  private taken = false;

  constructor(
    private readonly input: BundleInput,
    private readonly items: PlanItem[],
    private readonly checkAbort: (stage: string) => void,
  ) {}

  /** Starts the copy (once; later calls do nothing). */
  start(): void {
    if (this.result || this.stopped || this.taken) return;
    const placed = this.items.map((item, index) => ({ item, index }));
    this.result = copySources(this.input, placed, (stage) => {
      if (this.stopped) throw new BundleError('The copy made ahead was no longer needed.');
      this.checkAbort(stage);
    });
    this.result.catch(() => undefined);
  }

  /** The copy, once, if it was started; undefined afterwards (the assembly then copies itself). */
  take(): Promise<CopiedSources> | undefined {
    const result = this.result;
    this.result = undefined;
    this.taken = true;
    return result;
  }

  stop(): void {
    this.stopped = true;
    this.result = undefined;
  }
}
