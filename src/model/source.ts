/**
 * A source is one imported document. Its identity is the SHA-256 of the
 * original bytes, which are kept as they arrived; `document.pdf` is the PDF
 * Sanad paginates (the rendition of non-PDF input, or a decrypted/flattened
 * copy of a PDF), and `text.json` holds its text per page with geometry.
 */
import { z } from 'zod';
import { DayDate, PartialDate } from './dates.ts';
import { DOCUMENT_TYPES } from './vocabulary.ts';

/** What the original is: `docx` Word, `office` converted by LibreOffice (.doc, .rtf, .odt, .pptx, .xlsx…), `chat` a chat export. */
export const SourceFormat = z.enum(['pdf', 'text', 'markdown', 'html', 'image', 'email', 'docx', 'office', 'chat']);
export type SourceFormat = z.infer<typeof SourceFormat>;

export const DocumentType = z.enum(DOCUMENT_TYPES);
export type DocumentType = z.infer<typeof DocumentType>;

export const SourceScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('library') }),
  z.object({ kind: z.literal('case'), slug: z.string() }),
]);
export type SourceScope = z.infer<typeof SourceScope>;

export const Translator = z.object({
  name: z.string().min(1),
  qualifications: z.string().optional(),
  address: z.string().optional(),
  phone: z.string().optional(),
});
export type Translator = z.infer<typeof Translator>;

export const TranslationInfo = z.object({
  /** Source id of the original this document translates. */
  of: z.string(),
  fromLanguage: z.string(),
  toLanguage: z.string(),
  translator: Translator,
  date: PartialDate.optional(),
});
export type TranslationInfo = z.infer<typeof TranslationInfo>;

export const SourceFlag = z.enum(['no-text-layer', 'decrypted', 'forms-flattened', 'repaired', 'forms-not-flattened']);
export type SourceFlag = z.infer<typeof SourceFlag>;

export const SourceMeta = z.object({
  schemaVersion: z.literal(1),
  /** "s-" + first 16 hex digits of sha256: stable across machines and imports. */
  id: z.string().regex(/^s-[0-9a-f]{16}$/),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  scope: SourceScope,
  /** The file's base name when imported (never a full path). */
  originalName: z.string(),
  /** Stored name of the original inside the source folder, e.g. "original.pdf". */
  originalFile: z.string(),
  format: SourceFormat,
  pages: z.number().int().positive(),
  flags: z.array(SourceFlag).default([]),
  title: z.string().min(1),
  author: z.string().optional(),
  publisher: z.string().optional(),
  published: PartialDate.optional(),
  url: z.string().url().optional(),
  accessed: DayDate.optional(),
  language: z.string().optional(),
  type: DocumentType.default('report'),
  translation: TranslationInfo.optional(),
  /** Sources this one replaced as a newer edition (their sha256), oldest first. */
  previousEditions: z.array(z.string()).default([]),
  /** Source id of the e-mail (or chat) this file was attached to; same scope as it. */
  parent: z.string().regex(/^s-[0-9a-f]{16}$/).optional(),
  importedAt: z.string(),
});
export type SourceMeta = z.infer<typeof SourceMeta>;

/** Metadata a caseworker may give when importing; the file itself supplies the rest. */
export const ImportMetadata = z.object({
  title: z.string().trim().min(1).optional(),
  author: z.string().trim().min(1).optional(),
  publisher: z.string().trim().min(1).optional(),
  published: PartialDate.optional(),
  url: z.string().url().optional(),
  accessed: DayDate.optional(),
  language: z.string().trim().min(1).optional(),
  type: DocumentType.optional(),
});
export type ImportMetadata = z.infer<typeof ImportMetadata>;

/** Editable metadata fields (what a caseworker may change after import). */
export const SourceMetaPatch = SourceMeta.pick({
  title: true,
  author: true,
  publisher: true,
  published: true,
  url: true,
  accessed: true,
  language: true,
  type: true,
  translation: true,
}).partial();
export type SourceMetaPatch = z.infer<typeof SourceMetaPatch>;

/** A rectangle in PDF user space (origin bottom-left, unrotated page). */
export const Rect = z.object({ x: z.number(), y: z.number(), w: z.number(), h: z.number() });
export type Rect = z.infer<typeof Rect>;

/** One run of text on a page: its span in the page text and its box. */
export const TextRun = z.object({
  /** Offset of the run's first character in PageText.text. */
  start: z.number().int().nonnegative(),
  /** Offset just past the run's last character. */
  end: z.number().int().nonnegative(),
  rect: Rect,
});
export type TextRun = z.infer<typeof TextRun>;

export const PageText = z.object({
  /** 1-based page number. */
  page: z.number().int().positive(),
  /** Page view box in user space: [x0, y0, x1, y1] (the crop box). */
  view: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  rotate: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]),
  /** The page's text in reading order as pdfjs gives it; lines end with "\n". */
  text: z.string(),
  runs: z.array(TextRun),
});
export type PageText = z.infer<typeof PageText>;

export const TextFile = z.object({
  schemaVersion: z.literal(1),
  sha256: z.string(),
  pages: z.array(PageText),
});
export type TextFile = z.infer<typeof TextFile>;
