/**
 * Redactions in the build. Before planning, each bundled source that has
 * redactions is replaced (in memory only) by a redacted copy of its PDF, its
 * page text by what is left after redaction, and any redacted string in its
 * title, author or publisher by "[redacted]" (so the index, bookmarks,
 * integrity list and report cannot leak it). A redaction that lost its anchor
 * or overlaps an excerpt stops the build, naming both. After layout, each
 * redaction gets its bundle page (for the report, the log and verification).
 */
import { BundleError } from '../errors.ts';
import type { Excerpt, Redaction, SourceMeta } from '../model/index.ts';
import { matchKey } from '../anchor/normalise.ts';
import type { BundleInput, BundleSource } from '../bundle/input.ts';
import type { Layout } from '../bundle/plan.ts';
import { applyRedactions, boxesOf } from './apply.ts';
import { intersects } from './geometry.ts';
import { effectivePage } from './text.ts';
import { redactionLabel } from '../model/index.ts';

export interface PlacedRedaction {
  redaction: Redaction;
  title: string;
  bundlePage: number;
  /** The boxes drawn on the bundle page (user space of that page). */
  boxes: Array<{ x: number; y: number; w: number; h: number }>;
}

/** Quotes that no page of the bundled documents still shows once redacted: they must appear nowhere in the file. */
export function hiddenStrings(input: BundleInput): string[] {
  const quotes = new Map<string, string>();
  for (const r of input.redactions ?? []) {
    if (r.kind !== 'text' || r.anchor.status === 'orphaned' || !input.sources.has(r.sourceId)) continue;
    const key = matchKey(r.quote.exact).text;
    if (key.length >= 3 && !quotes.has(key)) quotes.set(key, r.quote.exact);
  }
  const keys = [...quotes.keys()].filter((k) => ![...input.sources.values()].some((s) => s.text.some((p) => matchKey(p.text).text.includes(k))));
  return keys.map((k) => quotes.get(k)!);
}

/** A pattern that finds `text` as matching does: any case, any spacing, hyphenated at any line end. */
function loosePattern(text: string): RegExp {
  const key = matchKey(text).text;
  const escape = (c: string) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const source = key
    .split(' ')
    .map((word) => [...word].map(escape).join('(?:[-\u00AD]\\s*)?'))
    .join('[\\s\u00AD-]+');
  return new RegExp(source, 'giu');
}

function scrub(value: string | undefined, hidden: string[]): string | undefined {
  if (value === undefined) return undefined;
  let out = value;
  for (const h of hidden) out = out.replace(loosePattern(h), '[redacted]');
  return out;
}

function scrubMeta(meta: SourceMeta, hidden: string[]): SourceMeta {
  const next: SourceMeta = { ...meta, title: scrub(meta.title, hidden)!, originalName: scrub(meta.originalName, hidden)! };
  if (meta.author) next.author = scrub(meta.author, hidden)!;
  if (meta.publisher) next.publisher = scrub(meta.publisher, hidden)!;
  return next;
}

function rangesMeet(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

function overlaps(r: Redaction, e: Excerpt): boolean {
  if (r.sourceId !== e.sourceId || r.page !== e.page || e.anchor.status === 'orphaned') return false;
  if (r.kind === 'text' && rangesMeet(r.position, e.position)) return true;
  const boxes = boxesOf([r]).map((b) => b.rect);
  return r.kind === 'area' && e.rects.some((x) => boxes.some((b) => intersects(x, b)));
}

/** Checks the redactions against the excerpts and anchors; throws BundleError naming both. */
export function checkRedactions(input: BundleInput): void {
  const list = (input.redactions ?? []).filter((r) => input.sources.has(r.sourceId));
  for (const r of list) {
    const title = input.sources.get(r.sourceId)!.meta.title;
    if (r.anchor.status === 'orphaned') {
      throw new BundleError(`Redaction ${r.id} of "${title}" could not be found in the current edition, so what it hid could show: redact the passage again and remove the old one ("sanad unredact ${r.id}"), then build again.`);
    }
    for (const e of input.excerpts) {
      if (!overlaps(r, e)) continue;
      const quote = e.quote.exact.length > 60 ? `${e.quote.exact.slice(0, 60)}…` : e.quote.exact;
      throw new BundleError(`Redaction ${r.id} (${redactionLabel(r)}) overlaps excerpt ${e.id} (“${quote}”) on page ${r.page} of "${title}": a highlighted passage cannot be half-redacted. Narrow the excerpt or remove the redaction, then build again.`);
    }
  }
}

/** The input with every redacted source replaced by its redacted copy (nothing is written). */
export async function redactInput(input: BundleInput, options: { dpi?: number; checkAbort?: (stage: string) => void } = {}): Promise<BundleInput> {
  const list = (input.redactions ?? []).filter((r) => input.sources.has(r.sourceId) && r.anchor.status !== 'orphaned');
  if (list.length === 0) return input;
  checkRedactions(input);
  const texts = new Map([...input.sources].map(([id, source]) => {
    const mine = list.filter((r) => r.sourceId === id);
    return [id, mine.length === 0 ? source.text : source.text.map((p) => effectivePage(p, mine))] as const;
  }));
  const hidden = hiddenStrings({ ...input, sources: new Map([...input.sources].map(([id, s]) => [id, { ...s, text: texts.get(id)! }])) });
  const sources = new Map<string, BundleSource>();
  for (const [id, source] of input.sources) {
    options.checkAbort?.('redaction');
    const mine = list.filter((r) => r.sourceId === id);
    const meta = scrubMeta(source.meta, hidden);
    if (mine.length === 0) {
      sources.set(id, { ...source, meta });
      continue;
    }
    const pdf = await applyRedactions(source.pdf, source.text, mine, options.dpi === undefined ? {} : { dpi: options.dpi });
    sources.set(id, { meta, pdf, text: texts.get(id)! });
  }
  return { ...input, sources };
}

/** Each redaction on the bundle page(s) that show its source page. */
export function placeRedactions(input: BundleInput, layout: Layout): PlacedRedaction[] {
  const out: PlacedRedaction[] = [];
  for (const p of layout.items) {
    if (p.item.kind !== 'source') continue;
    const item = p.item;
    for (const r of input.redactions ?? []) {
      if (r.sourceId !== item.meta.id || r.anchor.status === 'orphaned') continue;
      const at = item.pages.indexOf(r.page - 1);
      if (at < 0) continue;
      out.push({ redaction: r, title: input.sources.get(r.sourceId)?.meta.title ?? item.title, bundlePage: p.first + at, boxes: boxesOf([r]).map((b) => b.rect) });
    }
  }
  return out.sort((a, b) => a.bundlePage - b.bundlePage);
}
