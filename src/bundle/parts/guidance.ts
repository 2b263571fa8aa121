/**
 * Country guidance in the schedule (FtT Practice Direction para 10.6): under
 * each disputed issue, the CG decisions relied on with the paragraphs cited
 * for that issue, e.g. "AK and SK (Pakistan) CG [2014] UKUT 569 (IAC) [34], [36] (E5, E7)".
 */
import { caseCitation, casePinpoint, isCaseLaw } from '../../cite/case-law.ts';
import type { ExcerptEntry } from './context.ts';

export function guidanceByIssue(excerpts: readonly ExcerptEntry[]): string[] {
  const bySource = new Map<string, { entry: ExcerptEntry; pins: string[]; labels: string[] }>();
  for (const e of excerpts) {
    if (!isCaseLaw(e.source) || !e.source.cg) continue;
    const found = bySource.get(e.source.id) ?? { entry: e, pins: [], labels: [] };
    const pin = casePinpoint(e.paragraph, e.sourcePage);
    if (!found.pins.includes(pin)) found.pins.push(pin);
    found.labels.push(e.label);
    bySource.set(e.source.id, found);
  }
  return [...bySource.values()].map(({ entry, pins, labels }) => `${caseCitation(entry.source)} ${pins.join(', ')} (${labels.join(', ')})`);
}
