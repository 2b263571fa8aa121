/**
 * The workspace store: everything Sanad keeps on disk, read and written
 * safely (atomic writes, backups, validation, migrations, a write lock).
 */
export { initWorkspace, openWorkspace, Workspace } from './workspace.ts';
export type { NewSource, StoreProblem } from './sources.ts';
export type { FileKind, Migration } from './migrations.ts';
export { MIGRATIONS, runMigrations } from './migrations.ts';
export { readJson, writeJson, formatJson } from './json-file.ts';
export { writeFileAtomic } from './atomic.ts';
export { forceUnlock, DEFAULT_LOCK_WAIT_MS } from './lock.ts';
export { isInsideWorkspace } from './inside.ts';
