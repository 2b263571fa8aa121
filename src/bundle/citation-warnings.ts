/**
 * Citation warnings: a country guidance decision the caseworker marked as
 * replaced by a newer one (the tribunal must be told, and will prefer the
 * newer guidance).
 */
import { caseCitation, isCaseLaw } from '../cite/case-law.ts';
import type { Layout } from './plan.ts';

export function citationWarnings(layout: Layout): string[] {
  const warnings: string[] = [];
  const seen = new Set<string>();
  for (const p of layout.items) {
    if (p.item.kind !== 'source' || seen.has(p.item.meta.id)) continue;
    const meta = p.item.meta;
    seen.add(meta.id);
    if (meta.replacedBy && (meta.cg || isCaseLaw(meta))) {
      const name = isCaseLaw(meta) ? caseCitation(meta) : `"${meta.title}"`;
      warnings.push(`${name} is marked as replaced by ${meta.replacedBy}: cite the newer country guidance, or explain why the replaced decision is still relied on.`);
    }
  }
  return warnings;
}
