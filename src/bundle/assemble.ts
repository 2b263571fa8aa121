/**
 * Assembly of one volume with @cantoo/pdf-lib: the sources' pages (copied
 * first, copy-sources.ts), then the generated parts' pages, stamp every page,
 * draw highlights, turn internal links into GoTo links, write bookmarks, page
 * labels and metadata, make the whole inert (inert.ts), and save without
 * anything time- or machine-dependent.
 */
import { PDFDocument, type PDFPage } from '@cantoo/pdf-lib';
import { BundleError } from '../errors.ts';
import '../pdf/quiet.ts';
import type { Rect } from '../model/index.ts';
import type { BundleInput } from './input.ts';
import type { Layout } from './plan.ts';
import type { RenderedPart } from './render.ts';
import type { PlannedExcerpt } from './excerpts.ts';
import { DonorCopier } from './copy.ts';
import { PageDrawer, type PageHighlight } from './draw.ts';
import { rewriteInternalLinks, type LinkStats } from './links.ts';
import { writeOutline, type OutlineNode } from './outline.ts';
import { writeMetadata, writePageLabels, type VolumeMetadata } from './metadata.ts';
import { balancePageTree } from './page-tree.ts';
import { copySources, type CopiedSources } from './copy-sources.ts';
import { addSkeletonLinks } from './skeleton-links.ts';
import type { SkeletonLink } from './skeleton.ts';
import { makeInert } from './inert.ts';
import { LOAD_PACE, SAVE_PACE } from './pace.ts';

export interface AssembleArgs {
  input: BundleInput;
  layout: Layout;
  rendered: Map<number, RenderedPart>;
  excerpts: PlannedExcerpt[];
  volume: number;
  meta: VolumeMetadata;
  checkAbort: (stage: string) => void;
  onPage?: (position: number) => void;
  /** The skeleton argument's references, as links by bundle position (src/bundle/skeleton.ts). */
  skeletonLinks?: Map<number, SkeletonLink[]>;
  /** This volume's source pages, copied ahead while the parts printed (copy-sources.ts). */
  copied?: Promise<CopiedSources>;
  /** A printed PDF already parsed when it was printed (PartPrinter.takeParsed), once. */
  parsedPart?: (pdf: Uint8Array) => PDFDocument | undefined;
}

export interface AssembledVolume {
  bytes: Uint8Array;
  firstPage: number;
  lastPage: number;
  links: LinkStats;
}

function boundsOf(rects: Rect[]): Rect | undefined {
  if (rects.length === 0) return undefined;
  const x0 = Math.min(...rects.map((r) => r.x));
  const y0 = Math.min(...rects.map((r) => r.y));
  const x1 = Math.max(...rects.map((r) => r.x + r.w));
  const y1 = Math.max(...rects.map((r) => r.y + r.h));
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

async function loadPart(bytes: Uint8Array, what: string): Promise<PDFDocument> {
  try {
    return await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true, ...LOAD_PACE });
  } catch (cause) {
    throw new BundleError(`The PDF of ${what} could not be read (${String(cause)}): report this as a bug in Sanad.`);
  }
}

export async function assembleVolume(args: AssembleArgs): Promise<AssembledVolume> {
  const { input, layout, volume } = args;
  const placed = layout.items.map((p, i) => ({ ...p, index: i })).filter((p) => p.volume === volume);
  const first = placed[0];
  const last = placed[placed.length - 1];
  if (!first || !last) throw new BundleError(`Volume ${volume} of the bundle is empty: report this as a bug in Sanad.`);
  // Source pages first (copy-sources.ts; for a first volume often copied while the parts printed), then the parts.
  const sourcesHere = placed.filter((p) => p.item.kind === 'source');
  const copied = await (args.copied ?? copySources(input, sourcesHere, args.checkAbort));
  if (copied.pages.size !== sourcesHere.length || sourcesHere.some((p) => !copied.pages.has(p.index))) {
    throw new BundleError(`The copied sources of volume ${volume} do not match its plan: report this as a bug in Sanad.`);
  }
  const { out, font } = copied;
  // One donor per printed PDF (parts printed together share one).
  const donors = new Map<Uint8Array, DonorCopier>();
  const pages = new Map<number, PDFPage>();
  const generatedPositions: number[] = [];

  for (const p of placed) {
    args.checkAbort('assembly');
    const item = p.item;
    let added: PDFPage[];
    if (item.kind === 'source') {
      added = copied.pages.get(p.index)!;
    } else {
      const part = args.rendered.get(p.index);
      if (!part?.pdf) throw new BundleError(`Nothing was rendered for "${item.title}": report this as a bug in Sanad.`);
      let donor = donors.get(part.pdf);
      if (!donor) {
        donor = new DonorCopier(args.parsedPart?.(part.pdf) ?? (await loadPart(part.pdf, `"${item.title}"`)), out);
        donors.set(part.pdf, donor);
      }
      added = donor.copyPages(Array.from({ length: p.pageCount }, (_, n) => part.firstPage + n));
    }
    added.forEach((page, n) => {
      out.addPage(page);
      pages.set(p.first + n, page);
      if (item.kind !== 'source') generatedPositions.push(p.first + n);
    });
  }

  const highlightsByPage = new Map<number, PageHighlight[]>();
  const colours = new Map(input.tags.map((t) => [t.id, t.colour]));
  for (const e of args.excerpts) {
    if (!pages.has(e.bundlePage)) continue;
    const list = highlightsByPage.get(e.bundlePage) ?? [];
    const firstTag = e.excerpt.tags[0];
    list.push({ label: e.label, quote: e.excerpt.quote.exact, rects: e.excerpt.rects, colour: firstTag ? colours.get(firstTag) : undefined, name: e.excerpt.id });
    highlightsByPage.set(e.bundlePage, list);
  }
  const textBoxes = new Map<number, Rect>();
  for (const e of args.excerpts) {
    const runs = input.sources.get(e.excerpt.sourceId)?.text[e.excerpt.page - 1]?.runs ?? [];
    const box = boundsOf(runs.map((r) => r.rect));
    if (box && pages.has(e.bundlePage)) textBoxes.set(e.bundlePage, box);
  }
  const drawer = new PageDrawer(out, font);
  for (const [position, page] of pages) {
    args.checkAbort('stamping');
    drawer.draw(page, layout.labels[position - 1] ?? String(position), highlightsByPage.get(position) ?? [], textBoxes.get(position));
    args.onPage?.(position);
  }

  const links: LinkStats = { internal: 0, removedCrossVolume: 0 };
  for (const position of generatedPositions) {
    rewriteInternalLinks(pages.get(position)!, layout.pages, (target) => pages.get(target)?.ref, links);
  }
  addSkeletonLinks(pages, args.skeletonLinks);

  const outline: OutlineNode[] = [];
  input.definition.sections.forEach((section, s) => {
    const inSection = placed.filter((p) => p.item.section === s);
    const firstPage = inSection[0] && pages.get(inSection[0].first);
    if (!firstPage) return;
    const children = inSection
      .filter((p) => p.item.kind !== 'divider')
      .map((p) => ({ title: p.item.title, page: pages.get(p.first)!.ref, children: [] }));
    outline.push({ title: `${section.letter}. ${section.title}`, page: firstPage.ref, children });
  });
  writeOutline(out, outline);
  writePageLabels(out, layout.labels.slice(first.first - 1, last.last));
  writeMetadata(out, args.meta);
  balancePageTree(out);
  makeInert(out);
  const bytes = await out.save({ useObjectStreams: true, addDefaultPage: false, updateFieldAppearances: false, ...SAVE_PACE });
  return { bytes, firstPage: first.first, lastPage: last.last, links };
}
