/**
 * Verification: reopen what was built and check it against the report — page
 * count, the stamp on every page (read from the content stream Sanad appended,
 * stamps.ts), and with an independent reader (pdfjs) every link target and
 * every excerpt's quote and highlight — and read every object to check that
 * nothing active is in it. Failures are errors: a bundle that fails is not
 * filed.
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { openPdf } from '../pdf/pdfjs.ts';
import { BuildReport } from '../bundle/report.ts';
import { existsSync } from 'node:fs';
import { CorruptFileError, InvalidInputError } from '../errors.ts';
import { defaultVerifyThreads, VerifyPool } from './pool.ts';
import { checkVolumePages } from './volume.ts';
import { verifyRedactions } from './redactions.ts';

export interface VerifyResult {
  ok: boolean;
  failures: string[];
}

export interface VerifyOptions {
  /**
   * Threads to check pages on, the main one included (default: one per core,
   * at most 4, and only for bundles large enough to repay starting them).
   * 1 checks everything on the calling thread.
   */
  threads?: number;
  /** Threads already started (e.g. by the build, ahead of time); the caller closes it. Overrides `threads`. */
  pool?: VerifyPool;
  /**
   * Further bundle pages (1-based positions) whose text pdfjs must read, beyond
   * those with excerpts or links (see select.ts), e.g. pages with redactions.
   */
  extraTextPages?: number[];
}

export { defaultVerifyThreads, VerifyPool } from './pool.ts';

export async function verifyBundle(files: string[] | Uint8Array[], report: BuildReport, options: VerifyOptions = {}): Promise<VerifyResult> {
  if (options.pool) return verifyVolumes(files, report, options.pool, options.extraTextPages ?? []);
  // Workers join in as they finish loading; the main thread does not wait for them.
  const pool = new VerifyPool(Math.max(1, options.threads ?? defaultVerifyThreads(report.pages)));
  try {
    return await verifyVolumes(files, report, pool, options.extraTextPages ?? []);
  } finally {
    await pool.close();
  }
}

async function verifyVolumes(files: string[] | Uint8Array[], report: BuildReport, pool: VerifyPool, extraTextPages: number[]): Promise<VerifyResult> {
  const failures: string[] = [];
  if (files.length !== report.volumes.length) {
    failures.push(`the report lists ${report.volumes.length} volume(s) but ${files.length} file(s) were given`);
  }
  let total = 0;
  for (const [i, file] of files.entries()) {
    const volume = report.volumes[i];
    const name = typeof file === 'string' ? basename(file) : volume?.file || `volume ${i + 1}`;
    const bytes = typeof file === 'string' ? new Uint8Array(await readFile(file)) : file;
    let doc;
    try {
      doc = await openPdf(bytes);
    } catch (cause) {
      failures.push(`${name} cannot be opened as a PDF (${String(cause)})`);
      continue;
    }
    try {
      total += doc.numPages;
      if (!volume) continue;
      const expected = volume.lastPage - volume.firstPage + 1;
      if (doc.numPages !== expected) failures.push(`${name} has ${doc.numPages} pages; the report expects ${expected}`);
      const count = Math.min(doc.numPages, expected);
      const extra = extraTextPages.map((p) => p - volume.firstPage + 1);
      const v = { bytes, doc, report, firstPage: volume.firstPage, lastPage: volume.lastPage, name, count, extraTextPages: extra };
      for (const f of await checkVolumePages(v, pool.workers)) failures.push(f);
    } finally {
      await doc.destroy();
    }
  }
  if (total !== report.pages) failures.push(`the bundle has ${total} pages in all; the report says ${report.pages}`);
  if ((report.redactions ?? []).length > 0) failures.push(...(await checkRedactedAreas(files, report)));
  return { ok: failures.length === 0, failures };
}

/** Every redacted area in the report renders opaque (the text checks need the redacted strings: build time only). */
async function checkRedactedAreas(files: string[] | Uint8Array[], report: BuildReport): Promise<string[]> {
  const volumes = await Promise.all(files.map(async (f, i) => ({
    bytes: typeof f === 'string' ? new Uint8Array(await readFile(f)) : f,
    firstPage: report.volumes[i]?.firstPage ?? 1,
    lastPage: report.volumes[i]?.lastPage ?? report.pages,
  })));
  const pages = new Map<number, BuildReport['redactions'] & object>();
  for (const r of report.redactions ?? []) pages.set(r.bundlePage, [...(pages.get(r.bundlePage) ?? []), r]);
  const checks = [...pages].map(([bundlePage, list]) => ({ bundlePage, boxes: list.flatMap((r) => r.boxes), strings: [] }));
  return verifyRedactions(volumes, '', { pages: checks, hidden: [] });
}

/** The report written next to a built PDF: bundle.pdf or bundle.vol2.pdf → bundle.report.json. */
export function reportPathFor(pdfPath: string): string {
  const base = basename(pdfPath).replace(/\.pdf$/i, '').replace(/\.vol\d+$/i, '');
  return join(dirname(pdfPath), `${base}.report.json`);
}

export async function verifyBuiltFile(pdfPath: string): Promise<VerifyResult> {
  const reportPath = reportPathFor(pdfPath);
  if (!existsSync(pdfPath)) throw new InvalidInputError(`${pdfPath} does not exist: check the path of the bundle to verify.`, pdfPath);
  let raw: string;
  try {
    raw = await readFile(reportPath, 'utf8');
  } catch {
    throw new InvalidInputError(
      `${pdfPath} has no build report beside it (${basename(reportPath)}): verify a bundle in the folder Sanad built it into, or rebuild it.`,
      pdfPath,
    );
  }
  let report: BuildReport;
  try {
    report = BuildReport.parse(JSON.parse(raw));
  } catch (cause) {
    throw new CorruptFileError(reportPath, 'not a Sanad build report', cause);
  }
  const files = report.volumes.map((v) => join(dirname(pdfPath), v.file || basename(pdfPath)));
  return verifyBundle(files, report);
}
