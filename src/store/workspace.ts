/**
 * The workspace: a folder holding the country library and the cases. This
 * module creates and opens it, and the Workspace class is the one object the
 * CLI and the app use to read and change it. Opening for writing takes the
 * lock and recovers from an interrupted save; a read-only workspace can be
 * opened while another process writes, and refuses every change.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
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

export type { NewSource } from './sources.ts';

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
export async function openWorkspace(dir: string, options: { readOnly?: boolean } = {}): Promise<Workspace> {
  try {
    await readJson(workspaceFilePath(dir), 'workspace', WorkspaceFile);
  } catch (e) {
    if (isMissingFile(e)) throw new WorkspaceNotFoundError(dir);
    throw e;
  }
  if (options.readOnly) return new Workspace(dir, undefined);
  const lock = await acquireLock(dir);
  try {
    await recoverStaging(dir);
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

  async close(): Promise<void> {
    this.#closed = true;
    await this.#lock?.release();
  }

  async readWorkspaceFile(): Promise<WorkspaceFile> {
    return readJson(workspaceFilePath(this.dir), 'workspace', WorkspaceFile);
  }

  async listTags(): Promise<Tag[]> {
    return (await readJson(tagsPath(this.dir), 'tags', TagsFile)).tags;
  }

  async saveTags(tags: Tag[]): Promise<void> {
    const ws = this.#writable();
    const seen = new Set<string>();
    for (const t of tags) {
      if (seen.has(t.id)) throw new InvalidInputError(`The tag id ${t.id} is used twice: give each tag its own id.`);
      seen.add(t.id);
    }
    await writeJson(tagsPath(ws), 'tags', TagsFile, { schemaVersion: 1, tags });
  }

  listSources(filter?: { caseSlug?: string; all?: boolean }): Promise<SourceMeta[]> {
    return sources.listSources(this.dir, filter);
  }

  async getSource(id: string): Promise<SourceMeta> {
    return sources.readMeta(await sources.sourceDirOf(this.dir, id));
  }

  findSourceBySha256(sha256: string): Promise<SourceMeta | undefined> {
    return sources.findSourceBySha256(this.dir, sha256);
  }

  async addSource(input: sources.NewSource): Promise<SourceMeta> {
    return sources.addSource(this.#writable(), input);
  }

  async replaceSource(id: string, input: sources.NewSource, options: { sameEdition?: boolean } = {}): Promise<SourceMeta> {
    return sources.replaceSource(this.#writable(), id, input, options);
  }

  async updateSourceMeta(id: string, patch: SourceMetaPatch): Promise<SourceMeta> {
    return sources.updateSourceMeta(this.#writable(), id, patch);
  }

  async deleteSource(id: string): Promise<void> {
    return sources.deleteSource(this.#writable(), id);
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

  async saveExcerpts(sourceId: string, list: Excerpt[]): Promise<void> {
    return excerpts.saveExcerpts(this.#writable(), sourceId, list);
  }

  listCases(): Promise<CaseFile[]> {
    return cases.listCases(this.dir);
  }

  getCase(slug: string): Promise<CaseFile> {
    return cases.getCase(this.dir, slug);
  }

  async createCase(c: CaseFile, bundle: BundleDefinition): Promise<void> {
    return cases.createCase(this.#writable(), c, bundle);
  }

  async saveCase(c: CaseFile): Promise<void> {
    return cases.saveCase(this.#writable(), c);
  }

  getBundle(slug: string): Promise<BundleDefinition> {
    return cases.getBundle(this.dir, slug);
  }

  async saveBundle(slug: string, bundle: BundleDefinition): Promise<void> {
    return cases.saveBundle(this.#writable(), slug, bundle);
  }

  async deleteCase(slug: string): Promise<void> {
    return cases.deleteCase(this.#writable(), slug);
  }
}
