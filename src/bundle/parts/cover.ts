/**
 * Cover sheet view model: tribunal, appeal references, the parties (the
 * appellant as ctx.appellant gives it — initials when anonymised; the full
 * name is never read here), bundle title, date, supplementary label, volumes
 * and the representative's details.
 */
import type { PartContext } from './context.ts';
import { appealHeading, displayDate, type AppealHeading } from './common.ts';

export interface CoverView extends AppealHeading {
  /** US Immigration Court captions "In the Matter of …" instead of "BETWEEN … and …". */
  us: boolean;
  courtLines: string[];
  bundleDate: string;
  supplementary: { number: number; date: string; afterPage: number; firstPage: number } | undefined;
  volumes: number | undefined;
  representative: { name: string; firm?: string; addressLines: string[]; phone?: string; email?: string } | undefined;
}

export function coverView(ctx: PartContext): CoverView {
  const us = ctx.profile.id === 'us-eoir';
  const rep = ctx.case.representative;
  const sup = ctx.supplementary;
  return {
    ...appealHeading(ctx),
    us,
    courtLines: us
      ? ctx.profile.court.split(/,\s*/).map((l) => l.toUpperCase())
      : [`IN THE ${ctx.profile.court.toUpperCase()}`],
    bundleDate: displayDate(ctx.bundleDate),
    supplementary: sup && {
      number: sup.number,
      date: displayDate(sup.date),
      afterPage: sup.afterPage,
      firstPage: sup.afterPage + 1,
    },
    volumes: ctx.volumes > 1 ? ctx.volumes : undefined,
    representative: rep && {
      name: rep.name,
      ...(rep.firm ? { firm: rep.firm } : {}),
      addressLines: (rep.address ?? '').split(/\n|,\s*/).map((l) => l.trim()).filter(Boolean),
      ...(rep.phone ? { phone: rep.phone } : {}),
      ...(rep.email ? { email: rep.email } : {}),
    },
  };
}
