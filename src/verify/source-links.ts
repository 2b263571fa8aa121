/**
 * Which rule a link on a bundle page answers to. Sanad's own links (index,
 * schedule, generated parts) must lead to the page they name. A source's own
 * links (a report's contents list) name pages in the source's own numbering,
 * which the bundle does not show, so they are checked only for landing inside
 * the same document's bundle pages.
 */
import type { BuildReport, ReportDocument } from '../bundle/report.ts';

/** The source document whose pages include bundle page `position`, if any (generated pages have none). */
export function documentAt(report: BuildReport, position: number): ReportDocument | undefined {
  return report.documents.find((d) => d.firstPage <= position && position <= d.lastPage);
}

/** The failure for a source's own link landing on bundle page `target`, or undefined when it stays in its document. */
export function sourceLinkFailure(home: ReportDocument, where: string, target: number): string | undefined {
  if (target >= home.firstPage && target <= home.lastPage) return undefined;
  return `${where} has a link of "${home.title}" that leads to bundle page ${target}, outside that document (pages ${home.firstPage}–${home.lastPage})`;
}
