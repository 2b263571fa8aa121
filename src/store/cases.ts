/**
 * Cases on disk: cases/<slug>/ holds case.json, bundle.json and the client's
 * own documents under sources/. A case folder is created complete in staging
 * and deleted as a whole (client data must go entirely when a case is closed).
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { InvalidInputError, NotFoundError } from '../errors.ts';
import { BundleDefinition, CaseFile } from '../model/index.ts';
import { writeNewFileDurable } from './atomic.ts';
import { formatJson, isMissingFile, readJson, writeJson } from './json-file.ts';
import { BUNDLE_FILE, CASE_FILE, bundlePath, caseDir, caseFilePath, casesDir } from './layout.ts';
import { describeSchemaIssues } from './problems.ts';
import { caseExists } from './sources.ts';
import { commitNew, createStage, discardStage, removeFolder } from './staging.ts';

const HINT = 'run "sanad case new" to create it, or check the name with the case list';

async function mustExist(ws: string, slug: string): Promise<void> {
  if (!(await caseExists(ws, slug))) throw new NotFoundError('case', slug, HINT);
}

function validated<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new InvalidInputError(`The ${what} is invalid (${describeSchemaIssues(result.error)}): correct it and save again.`);
  return result.data;
}

export async function listCases(ws: string): Promise<CaseFile[]> {
  let names: string[];
  try {
    names = (await fsp.readdir(casesDir(ws), { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  } catch (e) {
    if (isMissingFile(e)) return [];
    throw e;
  }
  const present = [];
  for (const slug of names) if (await caseExists(ws, slug)) present.push(slug);
  return Promise.all(present.map((slug) => readJson(caseFilePath(ws, slug), 'case', CaseFile)));
}

export async function getCase(ws: string, slug: string): Promise<CaseFile> {
  await mustExist(ws, slug);
  return readJson(caseFilePath(ws, slug), 'case', CaseFile);
}

export async function createCase(ws: string, c: CaseFile, bundle: BundleDefinition): Promise<void> {
  const details = validated(CaseFile, c, 'case');
  const definition = validated(BundleDefinition, bundle, 'bundle definition');
  const target = caseDir(ws, details.slug);
  if (await fsp.access(target).then(() => true, () => false)) {
    throw new InvalidInputError(`A case named "${details.slug}" already exists: choose another name or open that case.`);
  }
  const stage = await createStage(ws);
  try {
    await writeNewFileDurable(path.join(stage.newDir, CASE_FILE), formatJson(details));
    await writeNewFileDurable(path.join(stage.newDir, BUNDLE_FILE), formatJson(definition));
    await fsp.mkdir(path.join(stage.newDir, 'sources'));
    await commitNew(stage, target);
  } catch (e) {
    await discardStage(stage);
    throw e;
  }
}

export async function saveCase(ws: string, c: CaseFile): Promise<void> {
  const details = validated(CaseFile, c, 'case');
  await mustExist(ws, details.slug);
  await writeJson(caseFilePath(ws, details.slug), 'case', CaseFile, details);
}

export async function getBundle(ws: string, slug: string): Promise<BundleDefinition> {
  await mustExist(ws, slug);
  return readJson(bundlePath(ws, slug), 'bundle', BundleDefinition);
}

export async function saveBundle(ws: string, slug: string, bundle: BundleDefinition): Promise<void> {
  await mustExist(ws, slug);
  await writeJson(bundlePath(ws, slug), 'bundle', BundleDefinition, bundle);
}

export async function deleteCase(ws: string, slug: string): Promise<void> {
  await mustExist(ws, slug);
  await removeFolder(ws, caseDir(ws, slug));
}
