/**
 * The skeleton argument inside the bundle. Its bundle references ("[AB/45]",
 * "[AB/C/45]", "AB p 45", "p. 45", "[B12]", excerpt labels "E7") become GoTo
 * links to the page they mean. What a reference means is fixed when it is
 * first built: the content of the page it named (document and page, from the
 * report's per-page fingerprints) or the excerpt it named. A rebuild that
 * moves that content moves the link with it and reports the reference as
 * "moved" (the lawyer updates the Word file); a page that now holds other
 * content is "changed"; a reference to no page at all is "missing".
 */
import type { Rect } from '../model/index.ts';
import { rectsForRange } from '../anchor/rects.ts';
import type { BundleInput } from './input.ts';
import type { Layout } from './plan.ts';
import type { PlannedExcerpt } from './excerpts.ts';
import type { BuildReport, ReportSkeletonReference } from './report.ts';

export interface FoundReference {
  start: number;
  end: number;
  text: string;
  kind: 'page' | 'excerpt';
  /** Page label as written ("45", "B12"), or the excerpt label ("E7"). */
  label: string;
  /** Section letter written with the page ("[AB/C/45]", "[B12]"), if any. */
  section?: string;
}

const PATTERNS: Array<{ re: RegExp; make: (m: RegExpExecArray) => Omit<FoundReference, 'start' | 'end' | 'text'> }> = [
  { re: /\[AB\s*\/\s*(?:([A-Z]{1,2})\s*\/\s*)?([A-Z]{0,2}\d{1,5})\]/g, make: (m) => ({ kind: 'page', label: m[2]!, ...(m[1] ? { section: m[1] } : {}) }) },
  { re: /\bAB\s+pp?\.?\s*(\d{1,5})\b/g, make: (m) => ({ kind: 'page', label: m[1]! }) },
  { re: /\[([A-Z]{1,2})(\d{1,5})\]/g, make: (m) => ({ kind: 'page', label: `${m[1]!}${m[2]!}`, section: m[1]! }) },
  { re: /(?<![\p{L}\p{N}])pp?\.\s?(\d{1,5})\b/gu, make: (m) => ({ kind: 'page', label: m[1]! }) },
  { re: /(?<![\p{L}\p{N}])E(\d{1,4})\b/gu, make: (m) => ({ kind: 'excerpt', label: `E${m[1]!}` }) },
];

/** Bundle references in one page of text, in reading order, without overlaps. */
export function findReferences(text: string): FoundReference[] {
  const found: FoundReference[] = [];
  for (const { re, make } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (found.some((f) => start < f.end && f.start < end)) continue;
      found.push({ start, end, text: m[0].replace(/\s+/g, ' '), ...make(m) });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** What each bundle page holds: "s-…@sha:3" for page 3 of a source edition, "part:schedule:2" for generated pages. */
export function pageContentsOf(layout: Layout, letters: string[]): string[] {
  const out: string[] = [];
  for (const p of layout.items) {
    const item = p.item;
    for (let k = 0; k < p.pageCount; k++) {
      if (item.kind === 'source') out.push(`${item.meta.id}@${item.meta.sha256.slice(0, 16)}:${(item.pages[k] ?? k) + 1}`);
      else if (item.kind === 'generated') out.push(`part:${item.part}:${k + 1}`);
      else if (item.kind === 'divider') out.push(`divider:${letters[item.section] ?? ''}:${item.title}`);
      else out.push(`certificate:${item.translation.id}:${k + 1}`);
    }
  }
  return out;
}

export interface SkeletonLink {
  rect: Rect;
  target: number;
}

export interface SkeletonPlan {
  references: ReportSkeletonReference[];
  /** Links to add, by bundle position of the skeleton page. */
  links: Map<number, SkeletonLink[]>;
  warnings: string[];
  pageContents: string[];
}

/** Where a written page label is in this layout: the label itself, or page N of the named section. */
function positionOfLabel(layout: Layout, letters: string[], ref: FoundReference): number | undefined {
  const at = layout.labels.indexOf(ref.label);
  if (at >= 0) return at + 1;
  if (ref.section && /^[A-Z]{1,2}\d+$/.test(ref.label)) {
    const s = letters.indexOf(ref.section);
    const n = Number(ref.label.slice(ref.section.length));
    const first = layout.items.find((p) => p.item.section === s);
    const last = [...layout.items].reverse().find((p) => p.item.section === s);
    if (first && last && n >= 1 && first.first + n - 1 <= last.last) return first.first + n - 1;
  }
  return undefined;
}

function positionOfContent(contents: string[], meant: string): number | undefined {
  const at = contents.indexOf(meant);
  return at >= 0 ? at + 1 : undefined;
}

export function planSkeleton(input: BundleInput, layout: Layout, excerpts: PlannedExcerpt[], previous: BuildReport | undefined): SkeletonPlan {
  const letters = input.definition.sections.map((s) => s.letter);
  const pageContents = pageContentsOf(layout, letters);
  const plan: SkeletonPlan = { references: [], links: new Map(), warnings: [], pageContents };
  const skeletonIds = new Set(input.definition.sections.flatMap((s) => s.items.flatMap((i) => (i.kind === 'source' && i.role === 'skeleton' ? [i.sourceId] : []))));
  if (skeletonIds.size === 0) return plan;
  const earlier = new Map((previous?.skeleton ?? []).map((r) => [r.key, r]));
  for (const placed of layout.items) {
    if (placed.item.kind !== 'source' || !skeletonIds.has(placed.item.meta.id)) continue;
    const text = input.sources.get(placed.item.meta.id)?.text ?? [];
    placed.item.pages.forEach((sourceIndex, k) => {
      const page = text.find((t) => t.page === sourceIndex + 1);
      if (!page) return;
      const position = placed.first + k;
      const seen = new Map<string, number>();
      for (const ref of findReferences(page.text)) {
        const n = (seen.get(ref.text) ?? 0) + 1;
        seen.set(ref.text, n);
        const key = `${placed.item.kind === 'source' ? placed.item.meta.id : ''}:${sourceIndex + 1}:${ref.text}:${n}`;
        const resolved = resolve(ref, earlier.get(key)?.meant ?? undefined, layout, letters, pageContents, excerpts, previous);
        const rects = rectsForRange(page, ref.start, ref.end);
        plan.references.push({
          key,
          meant: resolved.meant ?? null,
          text: ref.text,
          kind: ref.kind,
          page: position,
          target: resolved.target ?? null,
          targetLabel: resolved.target ? (layout.labels[resolved.target - 1] ?? String(resolved.target)) : null,
          status: resolved.status,
          rects: rects.map((r) => [r.x, r.y, r.x + r.w, r.y + r.h]),
        });
        if (resolved.target !== undefined) {
          const list = plan.links.get(position) ?? [];
          for (const rect of rects) list.push({ rect, target: resolved.target });
          plan.links.set(position, list);
        }
        const where = `the skeleton argument's reference "${ref.text}" (bundle page ${layout.labels[position - 1] ?? position})`;
        const now = resolved.target ? (layout.labels[resolved.target - 1] ?? String(resolved.target)) : '';
        if (resolved.status === 'missing') plan.warnings.push(`${cap(where)} points at no page of the bundle (it ends at page ${layout.labels[layout.pages - 1] ?? layout.pages}): correct the reference in the skeleton argument.`);
        if (resolved.status === 'changed') plan.warnings.push(`${cap(where)} points at a page whose content changed since the last build: check that page ${now} still says what the skeleton relies on.`);
        if (resolved.status === 'moved') plan.warnings.push(`${cap(where)} now refers to page ${now}: the link follows it; update the reference in the skeleton argument's Word file.`);
      }
    });
  }
  return plan;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

interface Resolved {
  target?: number;
  meant?: string;
  status: ReportSkeletonReference['status'];
}

function resolve(ref: FoundReference, meant: string | undefined, layout: Layout, letters: string[], contents: string[], excerpts: PlannedExcerpt[], previous: BuildReport | undefined): Resolved {
  if (ref.kind === 'excerpt') {
    const id = meant ?? previous?.excerpts.find((e) => e.label === ref.label)?.id ?? excerpts.find((e) => e.label === ref.label)?.excerpt.id;
    const now = excerpts.find((e) => e.excerpt.id === id);
    if (!id || !now) return { status: 'missing', ...(id ? { meant: id } : {}) };
    return { target: now.bundlePage, meant: id, status: now.label === ref.label ? 'ok' : 'moved' };
  }
  const written = positionOfLabel(layout, letters, ref);
  let intent = meant;
  if (intent === undefined && previous) {
    const before = previous.pageLabels.indexOf(ref.label);
    if (before >= 0) intent = previous.pageContents?.[before];
  }
  if (intent === undefined) {
    if (written === undefined) return { status: 'missing' };
    return { target: written, meant: contents[written - 1]!, status: 'ok' };
  }
  const found = positionOfContent(contents, intent);
  if (found !== undefined) return { target: found, meant: intent, status: found === written ? 'ok' : 'moved' };
  if (written === undefined) return { meant: intent, status: 'missing' };
  return { target: written, meant: intent, status: 'changed' };
}
