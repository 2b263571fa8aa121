/**
 * Source-integrity list: every source in the bundle with its original file
 * name, page count, SHA-256 (split in two halves so it wraps at 12 pt) and
 * first bundle page, so anyone can check the bundle against the originals.
 */
import type { SourceMeta } from '../../model/index.ts';
import { captureLines } from '../../ingest/image/caption.ts';
import { meanConfidence } from '../../ocr/confidence.ts';
import type { PartContext } from './context.ts';
import { appealHeading, displayDate, pageLink, type AppealHeading, type PageLink } from './common.ts';

export interface IntegrityRow {
  number: number;
  title: string;
  originalName: string;
  pages: number;
  published: string;
  /** The hash as groups of 8 hex digits, in two lines of four groups. */
  hashLines: [string, string];
  first: PageLink;
  /** "Taken 4 March 2026, 10:15 (+05:00) · Camera: Apple iPhone 13" for photos; empty otherwise. */
  capture: string;
  /** "Searchable text added by OCR (eng), mean confidence 95%" when OCR ran; empty otherwise. */
  ocr: string;
}

export interface IntegrityView extends AppealHeading {
  rows: IntegrityRow[];
}

export function hashLines(sha256: string): [string, string] {
  const groups = sha256.match(/.{1,8}/g) ?? [sha256];
  return [groups.slice(0, 4).join(' '), groups.slice(4).join(' ')];
}

export function integrityView(ctx: PartContext): IntegrityView {
  return {
    ...appealHeading(ctx),
    rows: ctx.sources.map((s, i) => ({
      number: i + 1,
      title: s.meta.title,
      originalName: s.meta.originalName,
      pages: s.meta.pages,
      published: displayDate(s.meta.published),
      hashLines: hashLines(s.meta.sha256),
      first: pageLink(s.first),
      capture: captureLines({ ...(s.meta.capturedAt ? { capturedAt: s.meta.capturedAt } : {}), ...(s.meta.camera ? { camera: s.meta.camera } : {}), ...(s.meta.gps ? { gps: s.meta.gps } : {}) }).join(' · '),
      ocr: ocrNote(s.meta),
    })),
  };
}

function ocrNote(meta: SourceMeta): string {
  if (!meta.ocr || meta.ocr.pages.length === 0) return '';
  const mean = meanConfidence(meta);
  return `Searchable text added by OCR (${meta.ocr.languages.join('+')}) on ${meta.ocr.pages.length} page${meta.ocr.pages.length === 1 ? '' : 's'}${mean === undefined ? '' : `, mean confidence ${mean}%`}`;
}
