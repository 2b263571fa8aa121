/**
 * Verification of the skeleton argument's links: every reference the report
 * says leads somewhere has a link over its words to that page. Those links
 * are exempt from the "a link names its target page" check, because a
 * reference that moved still says the old number until the lawyer updates it.
 */
import type { BuildReport } from '../bundle/report.ts';

type Box = [number, number, number, number];

function overlaps(a: Box, b: readonly number[]): boolean {
  const [ax0, ay0, ax1, ay1] = [Math.min(a[0], a[2]), Math.min(a[1], a[3]), Math.max(a[0], a[2]), Math.max(a[1], a[3])];
  const [bx0 = 0, by0 = 0, bx1 = 0, by1 = 0] = [Math.min(b[0]!, b[2]!), Math.min(b[1]!, b[3]!), Math.max(b[0]!, b[2]!), Math.max(b[1]!, b[3]!)];
  return ax0 < bx1 + 1 && bx0 < ax1 + 1 && ay0 < by1 + 2 && by0 < ay1 + 2;
}

/** True when a link at `rect` on bundle page `position` to `target` is one of the skeleton's references. */
export function isSkeletonLink(report: BuildReport, position: number, rect: readonly number[] | undefined, target: number): boolean {
  if (!rect) return false;
  return (report.skeleton ?? []).some((r) => r.page === position && r.target === target && r.rects.some((box) => overlaps(box, rect)));
}

/** Failures for skeleton references on this page without their link (links: rect and target position). */
export function missingSkeletonLinks(report: BuildReport, position: number, links: Array<{ rect: readonly number[]; target: number }>, where: string, inVolume: (target: number) => boolean): string[] {
  const failures: string[] = [];
  for (const r of report.skeleton ?? []) {
    if (r.page !== position || r.target === null || !inVolume(r.target) || r.rects.length === 0) continue;
    const linked = links.some((l) => l.target === r.target && r.rects.some((box) => overlaps(box, l.rect)));
    if (!linked) failures.push(`${where}: the skeleton argument's reference "${r.text}" has no link to bundle page ${r.target}`);
  }
  return failures;
}
