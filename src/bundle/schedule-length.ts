/**
 * The schedule's length before a build, for the bundle editor's live count:
 * lay the bundle out once (source pages exact, generated parts one page
 * each), print only the schedule and count its pages. Page labels may differ
 * by a few from the final build; the schedule's length does not depend on them.
 */
import { PDFDocument } from '@cantoo/pdf-lib';
import type { Printer } from '../print/printer.ts';
import type { BundleInput } from './input.ts';
import { expandItems, initialCounts, layOut } from './plan.ts';
import { selectExcerpts } from './excerpts.ts';
import { partContext } from './context.ts';
import { renderPartHtml } from './parts/index.ts';
import type { ScheduleLength } from '../api/views.ts';

export type { ScheduleLength };


export async function scheduleLength(input: BundleInput, printer: Printer): Promise<ScheduleLength> {
  const limit = input.profile.schedulePageLimit;
  const hasSchedule = input.definition.sections.some((s) => s.items.some((i) => i.kind === 'generated' && i.part === 'schedule'));
  if (!hasSchedule) return { pages: 0, limit, excerpts: 0 };
  const items = expandItems(input);
  const layout = layOut(input, items, initialCounts(items), items.map(() => 1));
  const excerpts = selectExcerpts(input, layout);
  const html = renderPartHtml({ part: 'schedule' }, partContext(input, layout, excerpts), input.profile.paper);
  const pdf = await printer.printHtml(html, { paper: input.profile.paper, tagged: false });
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  return { pages: doc.getPageCount(), limit, excerpts: excerpts.length };
}
