/**
 * Builds the stored metadata of a new source. The caller's metadata (typed
 * at import) wins; then what the file declares about itself (PDF Info,
 * HTML meta tags, e-mail headers); then defaults (the file name as title).
 * Everything is validated against the model so a bad date or URL is
 * reported at import, naming the file, rather than breaking a later load.
 */
import { InvalidInputError } from '../errors.ts';
import { ImportMetadata, SourceMeta, type SourceFlag, type SourceFormat, type SourceScope } from '../model/index.ts';
import type { DeclaredMetadata } from './rendition.ts';

/** The schema lives in the model, shared with the API contract and the demo manifest. */
export const ImportMetadataSchema = ImportMetadata;
export type { ImportMetadata };

/** Validates the caller's metadata for `name`, with a message naming the bad field. */
export function checkImportMetadata(name: string, metadata: unknown): ImportMetadata {
  const result = ImportMetadataSchema.safeParse(metadata ?? {});
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.') || 'metadata'}: ${i.message}`).join('; ');
    throw new InvalidInputError(`The metadata given for ${name} is invalid (${problems}): correct it and import again.`, name);
  }
  return result.data;
}

/** Keeps only the declared fields that are valid (a page's odd "lang" or URL is dropped, not fatal). */
function validDeclared(declared: DeclaredMetadata): ImportMetadata {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(declared)) {
    const field = ImportMetadataSchema.shape[key as keyof ImportMetadata];
    if (field && value !== undefined && field.safeParse(value).success) out[key] = typeof value === 'string' ? value.trim() : value;
  }
  return out as ImportMetadata;
}

export interface MetaInput {
  name: string;
  sha256: string;
  format: SourceFormat;
  ext: string;
  scope: SourceScope;
  pages: number;
  flags: SourceFlag[];
  given: ImportMetadata;
  declared: DeclaredMetadata;
  now: Date;
  /** Source id of the e-mail this file was attached to. */
  parent?: string;
}

/** The file name without its extension, as a last-resort title. */
export function titleFromName(name: string): string {
  const stem = name.replace(/\.[^.]+$/, '').replace(/[_]+/g, ' ').trim();
  return stem || name;
}

export function buildSourceMeta(input: MetaInput): SourceMeta {
  const merged = { ...validDeclared(input.declared), ...input.given };
  const candidate = {
    schemaVersion: 1,
    id: `s-${input.sha256.slice(0, 16)}`,
    sha256: input.sha256,
    scope: input.scope,
    originalName: input.name,
    originalFile: `original.${input.ext}`,
    format: input.format,
    pages: input.pages,
    flags: [...new Set(input.flags)],
    ...merged,
    title: merged.title ?? titleFromName(input.name),
    type: merged.type ?? 'report',
    previousEditions: [],
    ...(input.parent ? { parent: input.parent } : {}),
    importedAt: input.now.toISOString(),
  };
  const result = SourceMeta.safeParse(candidate);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new InvalidInputError(`The metadata of ${input.name} is invalid (${problems}): correct it and import again.`, input.name);
  }
  return result.data;
}
