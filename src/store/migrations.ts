/**
 * Schema versions and migrations. Every stored JSON file carries
 * `schemaVersion`; when a schema changes, its literal goes up by one and a
 * migration from the old version is appended to MIGRATIONS (one small file per
 * migration under src/store/migrations/, one test per migration under
 * test/store/migrations/). Reading runs the chain up to the current version;
 * the upgraded file is written back only on the next save, never by reading.
 */
import { promises as fsp } from 'node:fs';
import { CorruptFileError, NewerVersionFileError } from '../errors.ts';
import { writeFileAtomic } from './atomic.ts';
import { formatJson } from './json-file.ts';
import { workspaceFilePath } from './layout.ts';
import { compactStorage } from './migrations/compact-storage.ts';

export type FileKind = 'workspace' | 'tags' | 'source' | 'text' | 'excerpts' | 'redactions' | 'case' | 'bundle';

export interface Migration<K extends string = FileKind> {
  kind: K;
  from: number;
  /** Always from + 1. */
  to: number;
  /** What changed, in a sentence (shown in errors and kept as documentation). */
  describe?: string;
  /** Transforms the parsed JSON of version `from` into version `to`; the runner sets schemaVersion. */
  up(raw: unknown): unknown;
}

/** Every migration Sanad knows, in any order. Empty while every schema is at version 1. */
export const MIGRATIONS: ReadonlyArray<Migration> = [];

export interface MigrationContext<K extends string> {
  kind: K;
  /** The version the current schema expects (its schemaVersion literal). */
  current: number;
  /** File name for error messages. */
  file: string;
  /** Defaults to MIGRATIONS; tests inject their own. */
  registry?: ReadonlyArray<Migration<K>>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The version a parsed file says it has; throws CorruptFileError when it says nothing usable. */
export function versionOf(raw: unknown, file: string): number {
  if (!isRecord(raw)) throw new CorruptFileError(file, 'expected a JSON object at the top level');
  const version = raw.schemaVersion;
  if (version === undefined) throw new CorruptFileError(file, 'schemaVersion: missing');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new CorruptFileError(file, 'schemaVersion: expected a whole number from 1');
  }
  return version;
}

/** Applies the migrations of `kind` in order until the file is at the current version. */
export function runMigrations<K extends string>(raw: unknown, ctx: MigrationContext<K>): unknown {
  const registry = (ctx.registry ?? (MIGRATIONS as ReadonlyArray<Migration<string>>)) as ReadonlyArray<Migration<K>>;
  let version = versionOf(raw, ctx.file);
  if (version > ctx.current) throw new NewerVersionFileError(ctx.file, version, ctx.current);
  let value = raw;
  while (version < ctx.current) {
    const step = registry.find((m) => m.kind === ctx.kind && m.from === version);
    if (!step || step.to !== version + 1) {
      throw new CorruptFileError(ctx.file, `no upgrade from ${ctx.kind} version ${version} is known to this Sanad`);
    }
    try {
      value = step.up(value);
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      throw new CorruptFileError(ctx.file, `upgrading from version ${version} to ${step.to} failed: ${reason}`, e);
    }
    if (!isRecord(value)) {
      throw new CorruptFileError(ctx.file, `upgrading from version ${version} to ${step.to} did not give a JSON object`);
    }
    value = { ...value, schemaVersion: step.to };
    version = step.to;
  }
  return value;
}

/**
 * Layout migrations change how files are arranged on disk rather than one
 * file's schema. workspace.json records the layout version (`layoutVersion`,
 * 1 when absent); opening a workspace for writing (under its lock) runs the
 * steps up to LAYOUT_VERSION, then records it. Each step is idempotent, so an
 * interrupted run is finished by the next open. One test per step under
 * test/store/migrations/layout-<from>-to-<to>.test.ts.
 */
export interface LayoutMigration {
  from: number;
  to: number;
  describe: string;
  run(ws: string): Promise<void>;
}

export const LAYOUT_MIGRATIONS: ReadonlyArray<LayoutMigration> = [compactStorage];
export const LAYOUT_VERSION = 2;

/** The workspace's layout version (workspace.json `layoutVersion`, 1 when absent). */
export async function layoutVersionOf(ws: string): Promise<number> {
  const raw = JSON.parse(await fsp.readFile(workspaceFilePath(ws), 'utf8')) as { layoutVersion?: unknown };
  return typeof raw.layoutVersion === 'number' ? raw.layoutVersion : 1;
}

/** Runs the layout steps a workspace still needs; call with the write lock held. */
export async function runLayoutMigrations(ws: string, registry: ReadonlyArray<LayoutMigration> = LAYOUT_MIGRATIONS, target = LAYOUT_VERSION): Promise<void> {
  let version = await layoutVersionOf(ws);
  if (version > target) return; // A newer Sanad's layout: its files are still read as they are.
  while (version < target) {
    const step = registry.find((m) => m.from === version);
    if (!step) throw new CorruptFileError(workspaceFilePath(ws), `no layout upgrade from version ${version} is known to this Sanad`);
    await step.run(ws);
    version = step.to;
    const raw = JSON.parse(await fsp.readFile(workspaceFilePath(ws), 'utf8')) as Record<string, unknown>;
    await writeFileAtomic(workspaceFilePath(ws), formatJson({ ...raw, layoutVersion: version }), { backup: true });
  }
}
