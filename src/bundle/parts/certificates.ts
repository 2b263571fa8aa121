/**
 * View models of the two certificates: the translation certificate placed
 * next to a translated original (translator, qualifications, contact details
 * — the US Immigration Court requires competence, address and phone — the
 * languages and both documents), and the US certificate of service.
 */
import type { SourceMeta } from '../../model/index.ts';
import type { PartContext } from './context.ts';
import { appealHeading, displayDate, type AppealHeading } from './common.ts';

export interface TranslationCertificateView extends AppealHeading {
  translator: { name: string; qualifications?: string; address?: string; phone?: string };
  fromLanguage: string;
  toLanguage: string;
  translationTitle: string;
  originalTitle: string | undefined;
  originalFile: string | undefined;
  dateText: string;
  /** US practice: address and phone must appear; blank lines are printed for missing ones. */
  requireContact: boolean;
}

export function translationCertificateView(
  ctx: PartContext,
  translation: SourceMeta,
  original: SourceMeta | undefined,
): TranslationCertificateView {
  const info = translation.translation;
  const t = info?.translator;
  return {
    ...appealHeading(ctx),
    translator: {
      name: t?.name ?? '',
      ...(t?.qualifications ? { qualifications: t.qualifications } : {}),
      ...(t?.address ? { address: t.address } : {}),
      ...(t?.phone ? { phone: t.phone } : {}),
    },
    fromLanguage: info?.fromLanguage ?? original?.language ?? 'the original language',
    toLanguage: info?.toLanguage ?? translation.language ?? 'English',
    translationTitle: translation.title,
    originalTitle: original?.title,
    originalFile: original?.originalName,
    dateText: displayDate(info?.date) || displayDate(ctx.bundleDate),
    requireContact: ctx.profile.id === 'us-eoir',
  };
}

export interface CertificateOfServiceView extends AppealHeading {
  dateText: string;
  representative: string | undefined;
  firm: string | undefined;
  documentName: string;
}

export function certificateOfServiceView(ctx: PartContext): CertificateOfServiceView {
  const rep = ctx.case.representative;
  return {
    ...appealHeading(ctx),
    dateText: displayDate(ctx.bundleDate),
    representative: rep?.name,
    firm: rep?.firm,
    documentName: ctx.bundleTitle,
  };
}
