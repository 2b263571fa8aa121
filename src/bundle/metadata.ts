/**
 * Document metadata and page labels. Everything comes from the case (never
 * the clock, never the machine): title, subject, Producer/Creator "Sanad",
 * dates from the bundle date. /PageLabels make viewers show the printed
 * labels ("C4", or "201" in a supplementary bundle) instead of positions.
 */
import { PDFHexString, PDFName, type PDFDocument } from '@cantoo/pdf-lib';

export interface VolumeMetadata {
  title: string;
  subject: string;
  /** YYYY-MM-DD. */
  date: string;
  language: string;
}

export function writeMetadata(doc: PDFDocument, meta: VolumeMetadata): void {
  const when = new Date(`${meta.date}T00:00:00Z`);
  doc.setTitle(meta.title);
  doc.setSubject(meta.subject);
  doc.setProducer('Sanad');
  doc.setCreator('Sanad');
  doc.setCreationDate(when);
  doc.setModificationDate(when);
  doc.setLanguage(meta.language);
}

/** One /PageLabels range per run of pages sharing a prefix and consecutive numbers. */
export function writePageLabels(doc: PDFDocument, labels: string[]): void {
  const nums: unknown[] = [];
  let prev: { prefix: string; n: number } | undefined;
  labels.forEach((label, i) => {
    const m = /^(.*?)(\d+)$/.exec(label);
    const prefix = m ? m[1]! : label;
    const n = m ? Number(m[2]) : 0;
    if (!prev || prev.prefix !== prefix || prev.n + 1 !== n || !m) {
      const entry = doc.context.obj(m ? { S: 'D', St: n } : {});
      if (prefix) entry.set(PDFName.of('P'), PDFHexString.fromText(prefix));
      nums.push(i, entry);
    }
    prev = { prefix, n };
  });
  doc.catalog.set(PDFName.of('PageLabels'), doc.context.obj({ Nums: nums as never }));
}
