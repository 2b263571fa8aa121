/**
 * Reading and writing the workspace's JSON files. Reading parses, migrates
 * and validates, and any failure becomes a CorruptFileError naming the file
 * and the problem. Writing validates the new value, refuses to overwrite an
 * existing file that is itself unreadable (the caseworker may want to repair
 * it by hand), keeps the previous version as `.bak` and replaces atomically.
 * Files are pretty-printed (2 spaces, trailing newline) in schema key order.
 */
import { promises as fsp } from 'node:fs';
import { z } from 'zod';
import { CorruptFileError, InvalidInputError } from '../errors.ts';
import { writeFileAtomic } from './atomic.ts';
import { runMigrations, type FileKind, type Migration } from './migrations.ts';
import { describeJsonSyntaxError, describeSchemaIssues } from './problems.ts';

/** The version a schema expects: the literal of its `schemaVersion` field. */
export function currentVersionOf(schema: z.ZodType): number {
  if (schema instanceof z.ZodObject) {
    const field: unknown = schema.shape.schemaVersion;
    if (field instanceof z.ZodLiteral && typeof field.value === 'number') return field.value;
  }
  throw new Error('a stored file schema needs a numeric schemaVersion literal');
}

/** Parses, migrates and validates file text; `file` is only used in messages. */
export function parseStored<S extends z.ZodType>(
  text: string,
  file: string,
  kind: FileKind,
  schema: S,
  registry?: ReadonlyArray<Migration>,
): z.output<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new CorruptFileError(file, describeJsonSyntaxError(text, e), e);
  }
  const current = currentVersionOf(schema);
  const migrated = runMigrations(raw, { kind, current, file, ...(registry ? { registry } : {}) });
  const result = schema.safeParse(migrated);
  if (!result.success) throw new CorruptFileError(file, describeSchemaIssues(result.error), result.error);
  return result.data;
}

/** Reads a stored JSON file. A missing file rejects with Node's ENOENT error (callers decide what that means). */
export async function readJson<S extends z.ZodType>(
  file: string,
  kind: FileKind,
  schema: S,
  registry?: ReadonlyArray<Migration>,
): Promise<z.output<S>> {
  const text = await fsp.readFile(file, 'utf8');
  try {
    return parseStored(text, file, kind, schema, registry);
  } catch (e) {
    // Offer the .bak in the message only when there is one.
    if (e instanceof CorruptFileError && e.constructor === CorruptFileError && (await hasBackup(file))) {
      throw new CorruptFileError(file, e.problem, e.cause, { backup: true });
    }
    throw e;
  }
}

async function hasBackup(file: string): Promise<boolean> {
  return fsp.access(`${file}.bak`).then(() => true, () => false);
}

export function isMissingFile(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'ENOENT';
}

/** The exact bytes Sanad writes for a value: 2-space JSON and a trailing newline. */
export function formatJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Validates `value`, checks the file it replaces is sound, then writes atomically with a `.bak`. */
export async function writeJson<S extends z.ZodType>(
  file: string,
  kind: FileKind,
  schema: S,
  value: z.input<S>,
): Promise<z.output<S>> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new InvalidInputError(`Sanad did not save ${file} because the new content is invalid (${describeSchemaIssues(result.error)}): correct it and save again.`, file);
  }
  try {
    await readJson(file, kind, schema);
  } catch (e) {
    if (!isMissingFile(e)) throw e;
  }
  await writeFileAtomic(file, formatJson(result.data), { backup: true });
  return result.data;
}
