/**
 * The workspace: a folder holding the country library and the cases. This
 * module creates and opens it, and the Workspace class is the one object the
 * CLI and the app use to read and change it. Opening for writing takes the
 * lock and recovers from an interrupted save; a read-only workspace can be
 * opened while another process writes, and refuses every change.
 *
 * Every change goes through the workspace's write queue (write-queue.ts), so
 * concurrent calls (the app's API runs them concurrently) never interleave
 * their read–modify–write cycles; `mutate` runs a longer sequence of reads
 * and writes as one queued change.
 */
import { promises as fsp } from 'node:fs';
import { InvalidInputError, ReadOnlyWorkspaceError, WorkspaceNotFoundError } from '../errors.ts';
import {
  DEFAULT_TAGS, TagsFile, WorkspaceFile, tagIdFor,
  type BundleDefinition, type CaseFile, type Excerpt, type PageText, type SourceMeta, type SourceMetaPatch, type Tag,
} from '../model/index.ts';
import { writeFileAtomic } from './atomic.ts';
import * as cases from './cases.ts';
import * as excerpts from './excerpts.ts';
import { formatJson, isMissingFile, readJson, writeJson } from './json-file.ts';
import { casesDir, librarySourcesDir, tagsPath, workspaceFilePath } from './layout.ts';
import { acquireLock, type WorkspaceLock } from './lock.ts';
import * as sources from './sources.ts';
import { recoverStaging } from './staging.ts';
import { sweepOrphanedTemps } from './sweep.ts';
import { WriteQueue } from './write-queue.ts';

export type { NewSource, StoreProblem } from './sources.ts';

async function exists(file: string): Promise<boolean> {
  return fsp.access(file).then(() => true, () => false);
}

/** Creates a workspace (folders, default tags, workspace.json last); a no-op on an existing one. */
export async function initWorkspace(dir: string, now: Date = new Date()): Promise<void> {
  if (await exists(workspaceFilePath(dir))) {
    await readJson(workspaceFilePath(dir), 'workspace', WorkspaceFile);
    return;
  }
  await fsp.mkdir(librarySourcesDir(dir), { recursive: true });
  await fsp.mkdir(casesDir(dir), { recursive: true });
  if (!(await exists(tagsPath(dir)))) {
    const tags: TagsFile = { schemaVersion: 1, tags: DEFAULT_TAGS.map((t) => ({ id: tagIdFor(t.name), name: t.name, colour: t.colour })) };
    await writeFileAtomic(tagsPath(dir), formatJson(TagsFile.parse(tags)));
  }
  const marker = WorkspaceFile.parse({ schemaVersion: 1, kind: 'sanad-workspace', createdAt: now.toISOString() });
  await writeFileAtomic(workspaceFilePath(dir), formatJson(marker));
}

/** Opens a workspace; unless readOnly, takes its write lock (WorkspaceLockedError if another process has it). */
export async function openWorkspace(dir: string, options: { readOnly?: boolean; lockWaitMs?: number } = {}): Promise<Workspace> {
  try {
    await readJson(workspaceFilePath(dir), 'workspace', WorkspaceFile);
  } catch (e) {
    if (isMissingFile(e)) throw new WorkspaceNotFoundError(dir);
    throw e;
  }
  if (options.readOnly) return new Workspace(dir, undefined);
  const lock = await acquireLock(dir, options.lockWaitMs === undefined ? {} : { waitMs: options.lockWaitMs });
  try {
    await recoverStaging(dir);
    await sweepOrphanedTemps(dir);
  } catch (e) {
    await lock.release();
    throw e;
  }
  return new Workspace(dir, lock);
}

export class Workspace {
  readonly dir: string;
  #lock: WorkspaceLock | undefined;
  #closed = false;
  readonly #queue = new WriteQueue();

  constructor(dir: string, lock: WorkspaceLock | undefined) {
    this.dir = dir;
    this.#lock = lock;
  }

  get readOnly(): boolean {
    return this.#lock === undefined || this.#closed;
  }

  #writable(): string {
    if (this.readOnly) throw new ReadOnlyWorkspaceError(this.dir);
    return this.dir;
  }

  /**
   * Runs `change` (reads and writes of this workspace) as one step of the
   * write queue: no other change runs until it finishes. Nested calls (and
   * every write method below, which queue themselves) run inline.
   */
  mutate<T>(change: () => Promise<T>): Promise<T> {
    return this.#write(() => change());
  }

  /** A write: refused at once on a read-only or closed workspace, and checked again when its turn comes. */
  #write<T>(change: (ws: string) => Promise<T>): Promise<T> {
    try {
      this.#writable();
    } catch (e) {
      return Promise.reject(e);
    }
    return this.#queue.run(() => change(this.#writable()));
  }

  /** Waits for queued changes, then releases the lock. */
  async close(): Promise<void> {
    if (this.#lock && !this.#closed && !this.#queue.isInside) await this.#queue.run(async () => undefined);
    this.#closed = true;
    await this.#lock?.release();
  }

  async readWorkspaceFile(): Promise<WorkspaceFile> {
    return readJson(workspaceFilePath(this.dir), 'workspace', WorkspaceFile);
  }

  async listTags(): Promise<Tag[]> {
    return (await readJson(tagsPath(this.dir), 'tags', TagsFile)).tags;
  }

  saveTags(tags: Tag[]): Promise<void> {
    return this.#write((ws) => this.#saveTags(ws, tags));
  }

  async #saveTags(ws: string, tags: Tag[]): Promise<void> {
    const seen = new Set<string>();
    for (const t of tags) {
      if (seen.has(t.id)) throw new InvalidInputError(`The tag id ${t.id} is used twice: give each tag its own id.`);
      seen.add(t.id);
    }
    await writeJson(tagsPath(ws), 'tags', TagsFile, { schemaVersion: 1, tags });
  }

  /** The readable sources; a source whose source.json is broken is left out (see listSourcesChecked). */
  listSources(filter?: { caseSlug?: string; all?: boolean }): Promise<SourceMeta[]> {
    return sources.listSources(this.dir, filter);
  }

  /** The readable sources and, by file name, the ones that could not be read. */
  listSourcesChecked(filter?: { caseSlug?: string; all?: boolean }): Promise<{ sources: SourceMeta[]; problems: sources.StoreProblem[] }> {
    return sources.listSourcesChecked(this.dir, filter);
  }

  async getSource(id: string): Promise<SourceMeta> {
    return sources.readMeta(await sources.sourceDirOf(this.dir, id));
  }

  findSourceBySha256(sha256: string): Promise<SourceMeta | undefined> {
    return sources.findSourceBySha256(this.dir, sha256);
  }

  addSource(input: sources.NewSource): Promise<SourceMeta> {
    return this.#write((ws) => sources.addSource(ws, input));
  }

  replaceSource(id: string, input: sources.NewSource): Promise<SourceMeta> {
    return this.#write((ws) => sources.replaceSource(ws, id, input));
  }

  updateSourceMeta(id: string, patch: SourceMetaPatch): Promise<SourceMeta> {
    return this.#write((ws) => sources.updateSourceMeta(ws, id, patch));
  }

  deleteSource(id: string): Promise<void> {
    return this.#write((ws) => sources.deleteSource(ws, id));
  }

  sourceDir(id: string): Promise<string> {
    return sources.sourceDirOf(this.dir, id);
  }

  async documentPdfPath(id: string): Promise<string> {
    return sources.documentPdfPathOf(this.dir, id);
  }

  async readDocumentPdf(id: string): Promise<Uint8Array> {
    return new Uint8Array(await fsp.readFile(await this.documentPdfPath(id)));
  }

  readOriginal(id: string): Promise<Uint8Array> {
    return sources.readOriginal(this.dir, id);
  }

  readText(id: string): Promise<PageText[]> {
    return sources.readText(this.dir, id);
  }

  listExcerpts(filter?: { sourceId?: string; caseSlug?: string; all?: boolean }): Promise<Excerpt[]> {
    return excerpts.listExcerpts(this.dir, filter);
  }

  saveExcerpts(sourceId: string, list: Excerpt[]): Promise<void> {
    return this.#write((ws) => excerpts.saveExcerpts(ws, sourceId, list));
  }

  listCases(): Promise<CaseFile[]> {
    return cases.listCases(this.dir);
  }

  getCase(slug: string): Promise<CaseFile> {
    return cases.getCase(this.dir, slug);
  }

  createCase(c: CaseFile, bundle: BundleDefinition): Promise<void> {
    return this.#write((ws) => cases.createCase(ws, c, bundle));
  }

  saveCase(c: CaseFile): Promise<void> {
    return this.#write((ws) => cases.saveCase(ws, c));
  }

  getBundle(slug: string): Promise<BundleDefinition> {
    return cases.getBundle(this.dir, slug);
  }

  saveBundle(slug: string, bundle: BundleDefinition): Promise<void> {
    return this.#write((ws) => cases.saveBundle(ws, slug, bundle));
  }

  deleteCase(slug: string): Promise<void> {
    return this.#write((ws) => cases.deleteCase(ws, slug));
  }
}
