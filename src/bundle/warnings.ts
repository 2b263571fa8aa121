/**
 * Warnings a caseworker must see before filing: an over-long schedule, stale
 * sources, orphaned or approximate excerpts, sources without a text layer.
 * Warnings never stop a build; verification failures do.
 */
import { startOfPartialDate } from '../model/index.ts';
import type { BundleInput } from './input.ts';
import type { Layout } from './plan.ts';
import { excerptWarnings } from './excerpts.ts';
import { bundleDateOf } from './context.ts';
import { citationWarnings } from './citation-warnings.ts';

function monthsBetween(earlier: Date, later: Date): number {
  return (later.getUTCFullYear() - earlier.getUTCFullYear()) * 12 + (later.getUTCMonth() - earlier.getUTCMonth());
}

export function collectWarnings(input: BundleInput, layout: Layout): string[] {
  const warnings: string[] = [];
  const limit = input.profile.schedulePageLimit;
  for (const p of layout.items) {
    if (p.item.kind === 'generated' && p.item.part === 'schedule' && limit !== undefined && p.pageCount > limit) {
      warnings.push(`The schedule runs to ${p.pageCount} pages; the ${input.profile.id === 'uk-ftt-iac' ? 'UK FtT' : input.profile.name} allows ${limit} without permission: trim excerpts or apply for permission.`);
    }
  }
  const reference = startOfPartialDate(input.case.hearingDate ?? bundleDateOf(input));
  const seen = new Set<string>();
  for (const p of layout.items) {
    if (p.item.kind !== 'source' || seen.has(p.item.meta.id)) continue;
    const meta = p.item.meta;
    seen.add(meta.id);
    if (meta.published) {
      const age = monthsBetween(startOfPartialDate(meta.published), reference);
      if (age > input.case.stalenessMonths) {
        warnings.push(`"${meta.title}" was published ${age} months before the hearing (more than ${input.case.stalenessMonths}): look for a newer edition or explain why it is still current.`);
      }
    }
    if (meta.flags.includes('no-text-layer')) {
      warnings.push(`"${meta.title}" has no text layer, so its text cannot be searched, quoted or checked: obtain a text PDF or run OCR before relying on it.`);
    }
  }
  warnings.push(...excerptWarnings(input));
  warnings.push(...citationWarnings(layout));
  return warnings;
}
