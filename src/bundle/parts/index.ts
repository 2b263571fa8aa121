/**
 * The generated parts of a bundle, as the engine calls them: one function
 * turns a part request and the shared context into a self-contained HTML page
 * (Handlebars template + view model), ready for the printer. Citations are
 * re-exported so the engine and the report use the same text as the schedule.
 */
import { caseCitation, casePinpoint, isCaseLaw, oscolaCitation, oscolaPinpoint, paragraphPinpoint } from '../../cite/index.ts';
import type { SourceMeta } from '../../model/index.ts';
import type { Paper } from '../../print/printer.ts';
import { renderTemplate } from '../../templates/render.ts';
import { certificateOfServiceView, translationCertificateView } from './certificates.ts';
import { chronologyView } from './chronology.ts';
import { contentsView } from './contents.ts';
import type { PartContext, PartRequest } from './context.ts';
import { coverView } from './cover.ts';
import { integrityView } from './integrity.ts';
import { scheduleView } from './schedule.ts';

export type { PartContext, PartRequest } from './context.ts';
export { INTERNAL_LINK_PREFIX, internalLink } from './context.ts';

/** Full HTML of one generated part on the given paper. */
export function renderPartHtml(request: PartRequest, ctx: PartContext, paper: Paper): string {
  const us = ctx.profile.id === 'us-eoir';
  const render = (name: string, view: object, title: string) =>
    renderTemplate(name, { volumes: ctx.volumes > 1 ? ctx.volumes : undefined, ...view, paper, us }, { paper, title });
  switch (request.part) {
    case 'cover':
      return render('cover', coverView(ctx), ctx.bundleTitle);
    case 'index':
      return render('index', contentsView(ctx), us ? 'Table of contents' : 'Index');
    case 'schedule':
      return render('schedule', scheduleView(ctx), 'Country information evidence schedule');
    case 'chronology':
      return render('chronology', chronologyView(ctx), 'Chronology of incidents');
    case 'integrity':
      return render('integrity', integrityView(ctx), 'Source integrity list');
    case 'certificate-of-service':
      return render('certificate-of-service', certificateOfServiceView(ctx), 'Certificate of service');
    case 'divider': {
      const { letter, title } = request;
      return render('divider', { letter, title, exhibitTabs: ctx.profile.exhibitTabs }, `${letter} ${title}`);
    }
    case 'translation-certificate': {
      const { translation, original } = request;
      return render('translation-certificate', translationCertificateView(ctx, translation, original), 'Certificate of translation');
    }
  }
}

/** OSCOLA citation of a source; `accessedFallback` (YYYY-MM-DD) is used when the source has no accessed date. */
export function citation(meta: SourceMeta, accessedFallback?: string): string {
  if (isCaseLaw(meta)) return caseCitation(meta);
  return oscolaCitation(meta, accessedFallback ? { accessedFallback } : {});
}

/** OSCOLA pinpoint citation to page `sourcePage` of the source, or to its numbered paragraph when known ("para 2.4.5"; decisions "[34]"). */
export function pinpoint(meta: SourceMeta, sourcePage: number, accessedFallback?: string, paragraph?: string): string {
  if (isCaseLaw(meta)) return caseCitation(meta, casePinpoint(paragraph, sourcePage));
  return oscolaPinpoint(meta, paragraphPinpoint(paragraph) ?? sourcePage, accessedFallback ? { accessedFallback } : {});
}
