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
import path from 'node:path';
import { InvalidInputError, ReadOnlyWorkspaceError, WorkspaceNotFoundError } from '../errors.ts';
import {
  DEFAULT_TAGS, TagsFile, WorkspaceFile, tagIdFor,
  type BundleDefinition, type CaseFile, type Excerpt, type PageText, type Redaction, type SourceMeta, type SourceMetaPatch, type Tag,
} from '../model/index.ts';
import { writeFileAtomic } from './atomic.ts';
import * as cases from './cases.ts';
import * as excerpts from './excerpts.ts';
import * as redactions from './redactions.ts';
import { formatJson, isMissingFile, readJson, writeJson } from './json-file.ts';
import { casesDir, librarySourcesDir, tagsPath, workspaceFilePath } from './layout.ts';
import { acquireLock, type WorkspaceLock } from './lock.ts';
import * as sources from './sources.ts';
import { recoverStaging } from './staging.ts';
import { sweepOrphanedTemps } from './sweep.ts';
import { WriteQueue } from './write-queue.ts';
import { folderStamp, indexSource } from './index-sync.ts';
import type { LibraryIndex } from '../search/library-index.ts';
import { WorkspaceIndex } from './workspace-index.ts';
import { LAYOUT_VERSION, runLayoutMigrations } from './migrations.ts';

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
  const marker = WorkspaceFile.parse({ schemaVersion: 1, kind: 'sanad-workspace', createdAt: now.toISOString(), layoutVersion: LAYOUT_VERSION });
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
    await runLayoutMigrations(dir);
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
  readonly #index: WorkspaceIndex;
  /** Things the caseworker should be told (a cache rebuilt, an index rebuilt); front ends show them. */
  readonly notices: string[] = [];
  /** Called with each notice as it happens (the CLI prints them to stderr). */
  onNotice: ((message: string) => void) | undefined;

  constructor(dir: string, lock: WorkspaceLock | undefined) {
    this.dir = dir;
    this.#lock = lock;
    this.#index = new WorkspaceIndex(dir, () => this.readOnly, (m) => this.notice(m));
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
    await this.#index.close();
    await this.#lock?.release();
  }

  notice(message: string): void {
    this.notices.push(message);
    this.onNotice?.(message);
  }

  /**
   * How many sources the index holds and the source folders it could not
   * read (by their source.json), without reading every folder: what
   * listSourcesChecked({ all: true }) reports, from the index.
   */
  async indexedCount(): Promise<{ sources: number; problems: sources.StoreProblem[] }> {
    const index = await this.index();
    return { sources: index.sourceCount(), problems: [...this.#index.problems.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)) };
  }

  /**
   * The library index, opened (and rebuilt if need be) on first use and
   * reconciled with the folders on disk at most every couple of seconds.
   */
  index(): Promise<LibraryIndex> {
    return this.#index.get();
  }

  /**
   * Re-indexes one source after its files changed (text re-extracted, OCR
   * added a text layer, document.pdf replaced). Safe to call at any time.
   */
  async reindexSource(id: string): Promise<void> {
    const folder = await sources.sourceDirOf(this.dir, id);
    await indexSource(await this.index(), { folder, meta: await sources.readMeta(folder), withPages: true }, this.#index.syncOptions());
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
    return this.#write(async (ws) => {
      // Index opened and reconciled before the write, so the new folder is indexed once, from memory.
      await this.index().catch(() => undefined);
      const meta = await sources.addSource(ws, input);
      await this.#index.afterWrite(async (index) => {
        const folder = await sources.sourceDirOf(this.dir, meta.id);
        await indexSource(index, { folder, meta, pages: input.text, withPages: true, excerpts: [] }, this.#index.syncOptions());
      }, meta.id);
      return meta;
    });
  }

  replaceSource(id: string, input: sources.NewSource, options: { sameEdition?: boolean } = {}): Promise<SourceMeta> {
    return this.#write(async (ws) => {
      const meta = await sources.replaceSource(ws, id, input, options);
      await this.#index.afterWrite(async (index) => {
        const folder = await sources.sourceDirOf(this.dir, id);
        await indexSource(index, { folder, meta, pages: input.text, withPages: true }, this.#index.syncOptions());
      }, id);
      return meta;
    });
  }

  updateSourceMeta(id: string, patch: SourceMetaPatch): Promise<SourceMeta> {
    return this.#write(async (ws) => {
      const meta = await sources.updateSourceMeta(ws, id, patch);
      await this.#index.afterWrite(async (index) => {
        const folder = await sources.sourceDirOf(this.dir, id);
        index.putSource({ meta, stamp: await folderStamp(folder) });
      }, id);
      return meta;
    });
  }

  deleteSource(id: string): Promise<void> {
    return this.#write(async (ws) => {
      await sources.deleteSource(ws, id);
      await this.#index.afterWrite((index) => index.removeSource(id));
    });
  }

  /** Sources of a scope from the index (one query, no file reads); see listSources for the files themselves. */
  async indexedSources(filter: { caseSlug?: string; all?: boolean } = {}): Promise<SourceMeta[]> {
    return sources.sortSources((await this.index()).sources(filter));
  }

  /** The folder of extra OCR languages (`<code>.traineddata`), which the user fills. */
  get ocrDir(): string {
    return path.join(this.dir, 'ocr');
  }

  sourceDir(id: string): Promise<string> {
    return sources.sourceDirOf(this.dir, id);
  }

  async documentPdfPath(id: string): Promise<string> {
    return sources.documentPdfPathOf(this.dir, id);
  }

  /** The PDF a bundle paginates (a PDF stored once is checked against its recorded SHA-256: sources.readDocumentPdf). */
  readDocumentPdf(id: string): Promise<Uint8Array> {
    return sources.readDocumentPdf(this.dir, id);
  }

  readOriginal(id: string): Promise<Uint8Array> {
    return sources.readOriginal(this.dir, id);
  }

  /** Page text; a missing or broken cache is rebuilt from the PDF, with a notice. */
  readText(id: string): Promise<PageText[]> {
    return sources.readText(this.dir, id, this.#index.syncOptions());
  }

  listExcerpts(filter?: { sourceId?: string; caseSlug?: string; all?: boolean }): Promise<Excerpt[]> {
    return excerpts.listExcerpts(this.dir, filter);
  }

  saveExcerpts(sourceId: string, list: Excerpt[]): Promise<void> {
    return this.#write(async (ws) => {
      await excerpts.saveExcerpts(ws, sourceId, list);
      await this.#index.afterWrite(async (index) => {
        const folder = await sources.sourceDirOf(this.dir, sourceId);
        const known = index.stampOf(sourceId);
        if (known === undefined || known === 'stale') {
          await indexSource(index, { folder, meta: await sources.readMeta(folder), withPages: true, excerpts: list }, this.#index.syncOptions());
          return;
        }
        index.transaction(() => index.putExcerpts(sourceId, list));
        index.setStamp(sourceId, await folderStamp(folder));
      }, sourceId);
    });
  }

  listRedactions(filter?: { sourceId?: string; caseSlug?: string; all?: boolean }): Promise<Redaction[]> {
    return redactions.listRedactions(this.dir, filter);
  }

  saveRedactions(sourceId: string, list: Redaction[]): Promise<void> {
    return this.#write((ws) => redactions.saveRedactions(ws, sourceId, list));
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
    return this.#write(async (ws) => {
      const own = (await sources.listSources(this.dir, { caseSlug: slug })).filter((s) => s.scope.kind === 'case');
      await cases.deleteCase(ws, slug);
      await this.#index.afterWrite((index) => {
        for (const s of own) index.removeSource(s.id);
      });
    });
  }
}
