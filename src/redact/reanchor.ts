/**
 * Re-anchoring redactions when a source is replaced by a new edition. Text
 * redactions go through the excerpt fallback chain (exact quote, stored
 * position, fuzzy); area redactions keep their place on the page if the page
 * still exists and are listed for the caseworker to check. A redaction that
 * cannot be placed is marked orphaned and kept, never dropped: the build
 * refuses a bundle with an orphaned redaction rather than show what it hid.
 */
import type { Excerpt, Redaction } from '../model/index.ts';
import { reanchor, type AnchorTarget } from '../anchor/index.ts';
import { visibleRectToUser } from './geometry.ts';

export interface RedactionReanchorResult {
  redactions: Redaction[];
  orphaned: Redaction[];
  /** Matched approximately, or areas kept at the same place: to be checked by eye. */
  toCheck: Redaction[];
}

export function reanchorRedactions(list: Redaction[], target: AnchorTarget): RedactionReanchorResult {
  const out: Redaction[] = [];
  const orphaned: Redaction[] = [];
  const toCheck: Redaction[] = [];
  for (const r of list) {
    if (r.kind === 'area') {
      const page = target.pages.find((p) => p.page === r.page);
      if (!page) {
        const lost = { ...r, anchor: { ...r.anchor, status: 'orphaned' as const } };
        out.push(lost);
        orphaned.push(lost);
        continue;
      }
      const moved: Redaction = { ...r, rects: [visibleRectToUser(page.view, page.rotate, r.area)], anchor: { status: 'position', sha256: target.sha256 } };
      out.push(moved);
      toCheck.push(moved);
      continue;
    }
    // The excerpt machinery does the matching; a redaction has the same anchors.
    const asExcerpt = { ...r, tags: [], places: [], updatedAt: r.createdAt } as unknown as Excerpt;
    const result = reanchor(asExcerpt, target);
    const e = result.excerpt;
    const next: Redaction = { ...r, page: e.page, quote: e.quote, position: e.position, rects: e.rects, anchor: e.anchor };
    out.push(next);
    if (result.status === 'orphaned') orphaned.push(next);
    else if (result.status === 'fuzzy') toCheck.push(next);
  }
  return { redactions: out, orphaned, toCheck };
}
