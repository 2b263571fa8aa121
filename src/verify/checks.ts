/**
 * The page-level checks of verification, on one volume opened with pdfjs:
 * the stamp label at the visual bottom-right, internal link targets, and
 * each excerpt's quote and highlight on the page the report gives. The words
 * always come from pdfjs; the links and highlights come from the raw reader
 * (raw-annots.ts) when it could read them, else from pdfjs's annotations.
 */
import type { PDFDocumentProxy } from '../pdf/pdfjs.ts';
import { pageTextFromContent } from '../pdf/text.ts';
import type { BuildReport } from '../bundle/report.ts';
import { INTERNAL_LINK_PREFIX } from '../bundle/parts/context.ts';
import { containsQuote, normaliseForMatch } from './normalise.ts';
import { isSkeletonLink, missingSkeletonLinks } from './skeleton.ts';
import { documentAt, sourceLinkFailure } from './source-links.ts';
import type { LinkFact, PageAnnotations } from './raw-annots.ts';

interface TextItem {
  str: string;
  transform: number[];
}
interface Annotation {
  subtype?: string;
  rect?: number[];
  dest?: unknown;
  url?: string;
  unsafeUrl?: string;
  contentsObj?: { str?: string };
}

function textItems(items: unknown[]): TextItem[] {
  return items.filter((i): i is TextItem => typeof i === 'object' && i !== null && 'str' in i && 'transform' in i);
}

export interface VolumeContext {
  doc: PDFDocumentProxy;
  report: BuildReport;
  firstPage: number;
  lastPage: number;
  name: string;
  failures: string[];
}

function labelOf(report: BuildReport, position: number): string {
  const labels = report.pageLabels;
  if (labels.length >= position) return labels[position - 1]!;
  return String(position + (report.numbering?.offset ?? 0));
}

/** Titles of the documents and parts that start on each page (what a link to that page may say). */
function titlesStartingAt(report: BuildReport, position: number): string[] {
  return [...report.documents, ...report.parts].filter((d) => d.firstPage === position).map((d) => d.title);
}

async function resolveDest(doc: PDFDocumentProxy, dest: unknown): Promise<number | undefined> {
  const explicit = typeof dest === 'string' ? await doc.getDestination(dest).catch(() => null) : dest;
  if (!Array.isArray(explicit) || explicit.length === 0) return undefined;
  const target = explicit[0] as unknown;
  if (typeof target === 'number') return target;
  try {
    return await doc.getPageIndex(target as Parameters<PDFDocumentProxy['getPageIndex']>[0]);
  } catch {
    return undefined;
  }
}

/** The page's links and highlights as pdfjs's getAnnotations gives them (the fallback of raw-annots.ts). */
export async function annotationsFromPdfjs(doc: PDFDocumentProxy, page: { getAnnotations(): Promise<unknown[]> }): Promise<PageAnnotations> {
  const out: PageAnnotations = { links: [], highlights: [] };
  for (const a of (await page.getAnnotations()) as Annotation[]) {
    if (a.subtype === 'Highlight') out.highlights.push(a.contentsObj?.str ?? '');
    if (a.subtype !== 'Link') continue;
    const link: LinkFact = { rect: a.rect ?? [] };
    const url = a.url ?? a.unsafeUrl;
    if (url !== undefined) link.url = url;
    if (a.dest !== undefined && a.dest !== null) link.target = (await resolveDest(doc, a.dest)) ?? null;
    out.links.push(link);
  }
  return out;
}

/** The failure for a page whose stamp is missing (same words whichever check found it). */
export function missingStamp(v: Pick<VolumeContext, 'name' | 'firstPage' | 'report'>, pageNumber: number): string {
  const position = v.firstPage + pageNumber - 1;
  return `${v.name} page ${pageNumber} (bundle page ${position}) has no page label "${labelOf(v.report, position)}" at its bottom right`;
}

/** The stamp check through pdfjs's text (for pages whose appended stream cannot be read directly: see stamps.ts). */
function checkStampText(v: VolumeContext, pageNumber: number, viewport: { width: number; height: number; convertToViewportPoint(x: number, y: number): number[] }, items: TextItem[]): void {
  const label = labelOf(v.report, v.firstPage + pageNumber - 1);
  const stamped = items.some((item) => {
    if (item.str.trim() !== label) return false;
    const [x, y] = viewport.convertToViewportPoint(item.transform[4] ?? 0, item.transform[5] ?? 0) as [number, number];
    return x > viewport.width * 0.5 && y > viewport.height * 0.85;
  });
  if (!stamped) v.failures.push(missingStamp(v, pageNumber));
}

/** Only the stamp check through pdfjs's text (a page whose appended stream turned out unreadable). */
export async function checkStampOnly(v: VolumeContext, pageNumber: number): Promise<void> {
  const page = await v.doc.getPage(pageNumber);
  checkStampText(v, pageNumber, page.getViewport({ scale: 1 }), textItems((await page.getTextContent()).items));
  page.cleanup();
}

/**
 * The checks that need pdfjs's text of a page: its links and its excerpts, and
 * its stamp when `stamp` is set (otherwise stamps.ts checked it). `given` is
 * the page's links and highlights as the raw reader found them; without it
 * pdfjs reads them.
 */
export async function checkPage(v: VolumeContext, pageNumber: number, stamp = true, given?: PageAnnotations): Promise<void> {
  const position = v.firstPage + pageNumber - 1;
  const where = `${v.name} page ${pageNumber} (bundle page ${position})`;
  const page = await v.doc.getPage(pageNumber);
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const items = textItems(content.items);
  if (stamp) checkStampText(v, pageNumber, viewport, items);

  const annotations = given ?? (await annotationsFromPdfjs(v.doc, page));
  const links: Array<{ rect: readonly number[]; target: number }> = [];
  for (const a of annotations.links) {
    const url = a.url;
    if (url?.startsWith(INTERNAL_LINK_PREFIX)) {
      v.failures.push(`${where} has an internal link that was not turned into a page link (${url})`);
      continue;
    }
    if (a.target === undefined) continue;
    if (a.target === null) {
      v.failures.push(`${where} has a link whose destination does not resolve`);
      continue;
    }
    const target = v.firstPage + a.target;
    links.push({ rect: a.rect, target });
    if (isSkeletonLink(v.report, position, a.rect, target)) continue;
    const home = documentAt(v.report, position);
    if (home) {
      const failure = sourceLinkFailure(home, where, target);
      if (failure) v.failures.push(failure);
      continue;
    }
    const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = a.rect;
    const under = items
      .filter((i) => {
        const x = i.transform[4] ?? 0;
        const y = i.transform[5] ?? 0;
        return x >= Math.min(x0, x1) - 2 && x <= Math.max(x0, x1) + 2 && y >= Math.min(y0, y1) - 4 && y <= Math.max(y0, y1) + 2;
      })
      .map((i) => i.str)
      .join(' ');
    const tokens = under.split(/[^\p{L}\p{N}]+/u);
    const targetLabel = labelOf(v.report, target);
    const saysTitle = normaliseForMatch(under).length > 0 && titlesStartingAt(v.report, target).some((t) => normaliseForMatch(t).includes(normaliseForMatch(under)));
    if (!tokens.includes(targetLabel) && !saysTitle) {
      v.failures.push(`${where} has a link "${under.trim().slice(0, 40)}" that leads to bundle page ${target} (${targetLabel}), which is not the page it names`);
    }
  }

  v.failures.push(...missingSkeletonLinks(v.report, position, links, where, (t) => t >= v.firstPage && t <= v.lastPage));

  const excerpts = v.report.excerpts.filter((e) => e.bundlePage === position);
  if (excerpts.length > 0) {
    const text = pageTextFromContent(pageNumber, page, content).text;
    for (const e of excerpts) {
      if (!containsQuote(text, e.quote)) v.failures.push(`${e.label} is not on ${where}: its quote "${e.quote.slice(0, 40)}" is missing`);
      const highlighted = annotations.highlights.some((h) => h.startsWith(`${e.label}:`));
      if (!highlighted) v.failures.push(`${e.label} has no highlight annotation on ${where}`);
    }
  }
  page.cleanup();
}
