/**
 * The demo manifest (examples/demo.json): the fictional case, its sources with
 * metadata, the excerpts to tag by quote, and the bundle's sections. The demo
 * runner imports the files it names and builds the bundle from it, so it is
 * validated here, at the boundary, before anything is imported.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { InvalidInputError } from '../src/errors.ts';
import { CaseSlug, Reference, TribunalId } from '../src/model/case.ts';
import { DayDate, PartialDate } from '../src/model/dates.ts';
import { GeneratedPart } from '../src/model/bundle.ts';
import { ImportMetadata, Translator } from '../src/model/source.ts';
import { DEFAULT_TAGS } from '../src/model/tag.ts';

export const EXAMPLES_DIR = dirname(fileURLToPath(import.meta.url));
export const DEMO_MANIFEST = join(EXAMPLES_DIR, 'demo.json');

const TAG_NAMES = DEFAULT_TAGS.map((t) => t.name) as [string, ...string[]];

export const ManifestCase = z.object({
  slug: CaseSlug,
  title: z.string().min(1),
  appellant: z.string().min(1),
  anonymise: z.boolean(),
  references: z.array(Reference),
  tribunal: TribunalId,
  hearingDate: DayDate,
  bundleDate: DayDate,
});

export const ManifestSourceMetadata = ImportMetadata.required({ title: true, type: true });

export const ManifestTranslation = z.object({
  translator: Translator,
  fromLanguage: z.string().min(1),
  toLanguage: z.string().min(1),
  date: PartialDate.optional(),
});

export const ManifestSource = z.object({
  /** Path relative to examples/, e.g. "sources/hrw-walking-dead-sample.pdf". */
  file: z.string().regex(/^(sources|case)\/[a-z0-9.-]+$/, 'a file under sources/ or case/ with a plain lower-case name'),
  /** "library" for country information, "case" for the client's own documents. */
  scope: z.enum(['library', 'case']),
  metadata: ManifestSourceMetadata,
  /** Letter of the bundle section the source goes in. */
  section: z.string().regex(/^[A-Z]{1,2}$/),
  /** For a translation: the `file` of the original it translates. */
  translationOf: z.string().nullable(),
  /** For a translation: who translated it, from and into which language (as SourceMeta.translation needs). */
  translator: ManifestTranslation.nullable(),
});
export type ManifestSource = z.infer<typeof ManifestSource>;

const wordCount = (s: string): number => s.trim().split(/\s+/).length;

export const ManifestExcerpt = z.object({
  /** The `file` of one of the sources. */
  source: z.string(),
  /** Exact words of the source as a reader sees them (6 to 25 words). */
  quote: z.string().refine((q) => q === q.trim() && wordCount(q) >= 6 && wordCount(q) <= 25, {
    message: 'a quote is 6 to 25 words without surrounding spaces',
  }),
  /** Tag names, all among the default tags of a new workspace. */
  tags: z.array(z.enum(TAG_NAMES)).min(1),
  note: z.string().optional(),
  eventDate: PartialDate.optional(),
  places: z.array(z.string().min(1)).optional(),
});
export type ManifestExcerpt = z.infer<typeof ManifestExcerpt>;

export const ManifestSection = z.object({
  letter: z.string().regex(/^[A-Z]{1,2}$/),
  title: z.string().min(1),
  generated: z.array(GeneratedPart).optional(),
});

export const DemoManifest = z
  .object({
    case: ManifestCase,
    sources: z.array(ManifestSource).min(1),
    excerpts: z.array(ManifestExcerpt),
    sections: z.array(ManifestSection).min(1),
  })
  .superRefine((m, ctx) => {
    const files = new Set(m.sources.map((s) => s.file));
    const letters = new Set(m.sections.map((s) => s.letter));
    if (files.size !== m.sources.length) ctx.addIssue({ code: 'custom', message: 'a source file is listed twice', path: ['sources'] });
    m.sources.forEach((s, i) => {
      if (!letters.has(s.section)) ctx.addIssue({ code: 'custom', message: `no section "${s.section}"`, path: ['sources', i, 'section'] });
      if ((s.translationOf !== null) !== (s.translator !== null)) {
        ctx.addIssue({ code: 'custom', message: 'translationOf and translator go together', path: ['sources', i] });
      }
      if (s.translationOf !== null && !files.has(s.translationOf)) {
        ctx.addIssue({ code: 'custom', message: `translationOf names no source: ${s.translationOf}`, path: ['sources', i, 'translationOf'] });
      }
    });
    m.excerpts.forEach((e, i) => {
      if (!files.has(e.source)) ctx.addIssue({ code: 'custom', message: `excerpt of an unlisted source: ${e.source}`, path: ['excerpts', i, 'source'] });
    });
  });
export type DemoManifest = z.infer<typeof DemoManifest>;

/** Reads and validates a manifest; file paths in it stay relative to its folder (see `sourcePath`). */
export function loadDemoManifest(path: string = DEMO_MANIFEST): DemoManifest {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new InvalidInputError(`${path} is not readable JSON (${(cause as Error).message}): restore it from git or fix it by hand.`, path);
  }
  const parsed = DemoManifest.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InvalidInputError(`${path} is not a valid demo manifest (${issue.path.join('.')}: ${issue.message}): fix that entry.`, path);
  }
  return parsed.data;
}

/** Absolute path of a manifest `file` entry. */
export function sourcePath(file: string, manifestPath: string = DEMO_MANIFEST): string {
  return join(dirname(manifestPath), file);
}
