/**
 * The bundle engine's facade: buildBundle (plan → render → assemble → verify)
 * and writeBundle (atomic writes of the volumes and FILE.report.json).
 */
import { mkdir } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { writeFileAtomic } from '../store/atomic.ts';
import { BuildCancelledError, BundleError, VerificationError } from '../errors.ts';
import type { Printer } from '../print/printer.ts';
import { defaultVerifyThreads, verifyBundle, VerifyPool } from '../verify/index.ts';
import type { BundleInput } from './input.ts';
import { expandItems, initialCounts, layOut, type Layout, type PlanItem } from './plan.ts';
import { selectExcerpts, type PlannedExcerpt } from './excerpts.ts';
import { bundleDateOf, bundleTitleOf, partContext } from './context.ts';
import { PartPrinter, type PartRenderer, type RenderedPart } from './render.ts';
import { assembleVolume, type AssembledVolume } from './assemble.ts';
import { assignVolumes, capBytesOf, correctEstimates, estimateItemBytes } from './volumes.ts';
import { collectWarnings } from './warnings.ts';
import { buildReport } from './summary.ts';
import type { BuildReport } from './report.ts';
import { renderPartHtml } from './parts/index.ts';
import { redactInput } from '../redact/bundle.ts';
import { anonymityWarnings } from '../redact/anonymity.ts';
import { redactionChecks, redactionLog, redactionLogPdf, reportRedactions, type RedactionLogEntry } from '../redact/build.ts';
import { verifyRedactions } from '../verify/redactions.ts';
import { planSkeleton, type SkeletonPlan } from './skeleton.ts';
import { CopyAhead } from './copy-sources.ts';

export type { BundleInput } from './input.ts';
export { loadBundleInput } from './input.ts';
export { BuildReport } from './report.ts';

export interface BuildProgress {
  stage: string;
  done: number;
  total: number;
}

export interface BuildOptions {
  printer: Printer;
  onProgress?: (p: BuildProgress) => void;
  signal?: AbortSignal;
  volumeCapMB?: number;
  /** Generated-part renderer (defaults to the shipped templates). */
  renderPart?: PartRenderer;
  /** Skip the verification pass (tests of deliberately broken output only). */
  skipVerification?: boolean;
  /** Threads for verification, the calling one included (default: by bundle size and cores; 1 = no workers). */
  verifyThreads?: number;
  /**
   * Called once the build will print nothing more (before verification, or after the redaction log
   * when there is one): the command line closes Chromium then, beside the verification.
   */
  onPrintingDone?: () => void;
  /** Copy the sources' pages while the parts print (default true; false copies them when the assembly starts). */
  copyAhead?: boolean;
}

export interface BuildResult {
  volumes: Array<{ bytes: Uint8Array; firstPage: number; lastPage: number }>;
  report: BuildReport;
  /** The redaction log (only when the bundle has redactions): written beside the bundle, never inside it. */
  redactionLog?: { entries: RedactionLogEntry[]; pdf: Uint8Array };
}

const MAX_PLAN_ITERATIONS = 8;

interface Stable {
  layout: Layout;
  excerpts: PlannedExcerpt[];
  rendered: Map<number, RenderedPart>;
}

/** Page counts of the generated parts at the last build (its recorded lengths, else its report), by kind and title. */
function hintsFrom(input: Pick<BundleInput, 'previous' | 'partLengths'>): Map<string, number> {
  const hints = new Map<string, number>();
  if (input.partLengths) for (const p of input.partLengths) hints.set(`${p.kind}\n${p.title}`, p.pages);
  else for (const p of input.previous?.parts ?? []) hints.set(`${p.kind}\n${p.title}`, p.lastPage - p.firstPage + 1);
  return hints;
}

function hintKey(item: PlanItem): string {
  return `${item.kind === 'generated' ? item.part : item.kind}\n${item.title}`;
}

async function stabilise(input: BundleInput, items: PlanItem[], volumeOfItem: number[], parts: PartPrinter, step: (stage: string) => void, hints: Map<string, number>): Promise<Stable> {
  let counts = initialCounts(items).map((n, i) => {
    const item = items[i]!;
    if (item.kind === 'source') return n;
    return hints.get(hintKey(item)) ?? n;
  });
  // Without a single known length (a first build), the first round's numbers are guesses that
  // almost never hold: it is printed untagged, for its page counts only.
  const printed = items.filter((item) => item.kind !== 'source');
  let measure = printed.length > 0 && !printed.some((item) => hints.has(hintKey(item)));
  for (let round = 1; round <= MAX_PLAN_ITERATIONS; round++) {
    step(`plan (round ${round})`);
    const layout = layOut(input, items, counts, volumeOfItem);
    const excerpts = selectExcerpts(input, layout);
    const rendered = await parts.renderAll(layout, partContext(input, layout, excerpts), () => step('render'), measure);
    const next = items.map((_, i) => rendered.get(i)?.pageCount ?? counts[i] ?? 1);
    const held = next.every((n, i) => n === counts[i]);
    if (held && !measure) return { layout, excerpts, rendered };
    // A measuring round that held still prints again, tagged, with the same numbers.
    measure = false;
    counts = next;
  }
  throw new BundleError(`The generated parts kept changing length after ${MAX_PLAN_ITERATIONS} rounds of page numbering: shorten the index or schedule, then build again.`);
}

export async function buildBundle(original: BundleInput, options: BuildOptions): Promise<BuildResult> {
  if (options.signal?.aborted) throw new BuildCancelledError('planning');
  // Redacted sources replace the originals in memory; the workspace is never changed.
  const input = await redactInput(original, { checkAbort: (stage) => { if (options.signal?.aborted) throw new BuildCancelledError(stage); } });
  const items = expandItems(input);
  // Verification workers load while the parts print (Node mostly waits for Chromium then).
  const sourcePages = items.reduce((n, item) => n + (item.kind === 'source' ? item.pages.length : 0), 0);
  const pool = options.skipVerification ? undefined : new VerifyPool(options.verifyThreads ?? defaultVerifyThreads(sourcePages));
  try {
    return await buildWith(input, items, options, pool);
  } finally {
    await pool?.close();
  }
}

async function buildWith(input: BundleInput, items: PlanItem[], options: BuildOptions, pool: VerifyPool | undefined): Promise<BuildResult> {
  const step = (stage: string) => {
    if (options.signal?.aborted) throw new BuildCancelledError(stage);
  };
  step('planning');
  const parts = new PartPrinter(options.printer, options.renderPart ?? renderPartHtml, input.profile.paper);
  const volumeOfItem = items.map(() => 1);
  // The last build's part lengths are the plan's first guess: one print when they hold.
  const hints = hintsFrom(input);
  // The first volume holds every item until a size cap splits the bundle: its source pages need no page
  // numbers, so they are copied while Chromium prints (copy-sources.ts). The copy starts once the first
  // print is on its way, so it never delays that print.
  const ahead = options.copyAhead === false ? undefined : new CopyAhead(input, items, step);
  if (ahead) parts.onPrintStarted = () => ahead.start();
  try {
    return await buildStable(input, items, options, pool, parts, volumeOfItem, hints, ahead);
  } finally {
    ahead?.stop();
  }
}

async function buildStable(
  input: BundleInput, items: PlanItem[], options: BuildOptions, pool: VerifyPool | undefined,
  parts: PartPrinter, volumeOfItem: number[], hints: Map<string, number>, ahead: CopyAhead | undefined,
): Promise<BuildResult> {
  const report = (stage: string, done: number, total: number) => options.onProgress?.({ stage, done, total });
  const step = (stage: string) => {
    if (options.signal?.aborted) throw new BuildCancelledError(stage);
  };
  let stable = await stabilise(input, items, volumeOfItem, parts, step, hints);
  report('plan', 1, 1);
  let skeleton: SkeletonPlan = planSkeleton(input, stable.layout, stable.excerpts, input.previous);
  const assembleAll = async (s: Stable): Promise<AssembledVolume[]> => {
    const out: AssembledVolume[] = [];
    skeleton = planSkeleton(input, s.layout, s.excerpts, input.previous);
    const meta = {
      title: `${input.case.title} — ${bundleTitleOf(input)}`,
      subject: input.profile.name,
      date: bundleDateOf(input),
      language: input.profile.id === 'us-eoir' ? 'en-US' : 'en-GB',
    };
    for (let v = 1; v <= s.layout.volumes; v++) {
      const title = s.layout.volumes > 1 ? `${meta.title}, volume ${v} of ${s.layout.volumes}` : meta.title;
      out.push(
        await assembleVolume({
          input, layout: s.layout, rendered: s.rendered, excerpts: s.excerpts, volume: v, meta: { ...meta, title },
          checkAbort: step, onPage: (p) => report('assemble', p, s.layout.pages), skeletonLinks: skeleton.links,
          copied: s.layout.volumes === 1 ? ahead?.take() : undefined,
          parsedPart: (pdf) => parts.takeParsed(pdf),
        }),
      );
    }
    return out;
  };
  let volumes = await assembleAll(stable);
  const cap = capBytesOf(input, options.volumeCapMB);
  const overCap: string[] = [];
  if (cap !== undefined && volumes.some((v) => v.bytes.length > cap)) {
    const total = volumes.reduce((n, v) => n + v.bytes.length, 0);
    const first = estimateItemBytes(input, items, stable.rendered);
    const scale = total / Math.max(1, first.reduce((a, b) => a + b, 0));
    let estimates = first.map((e) => e * scale);
    let best: { stable: Stable; volumes: AssembledVolume[] } | undefined;
    const tried = new Set<string>();
    for (let attempt = 0; attempt < 4; attempt++) {
      const assignment = assignVolumes(estimates, cap);
      const key = assignment.join(',');
      if (tried.has(key)) break;
      tried.add(key);
      step('splitting into volumes');
      const s = await stabilise(input, items, assignment, parts, step, hints);
      const v = await assembleAll(s);
      const fits = v.every((vol) => vol.bytes.length <= cap);
      if (fits && (!best || v.length < best.volumes.length)) best = { stable: s, volumes: v };
      if (!best) ({ stable, volumes } = { stable: s, volumes: v });
      // Estimates are shares of shared resources (the generated parts' fonts, a donor's images):
      // correct each item by what its volume actually weighed beyond a volume's own overhead, and
      // split again while that would save a volume or a volume is still over the cap.
      estimates = correctEstimates(estimates, assignment, v.map((vol) => vol.bytes.length), cap);
      if (fits && Math.max(...assignVolumes(estimates, cap)) >= v.length) break;
    }
    if (best) ({ stable, volumes } = best);
    for (const [i, v] of volumes.entries()) {
      if (v.bytes.length > cap) overCap.push(`Volume ${i + 1} is ${(v.bytes.length / 1048576).toFixed(1)} MB, over the ${(cap / 1048576).toFixed(1)} MB limit, because one document is larger than the limit: compress that document or file it separately.`);
    }
  }
  let printing = true;
  const donePrinting = () => {
    if (printing) options.onPrintingDone?.();
    printing = false;
  };
  // The redaction log is printed after verification; without one, nothing is printed from here on.
  if ((input.redactions ?? []).length === 0) donePrinting();
  const warnings = [...collectWarnings(input, stable.layout), ...anonymityWarnings(input, stable.layout), ...overCap, ...skeleton.warnings];
  const result: BuildResult = {
    volumes: volumes.map((v) => ({ bytes: v.bytes, firstPage: v.firstPage, lastPage: v.lastPage })),
    report: { ...buildReport(input, stable.layout, stable.excerpts, volumes, warnings), pageContents: skeleton.pageContents, skeleton: skeleton.references },
  };
  const redactions = reportRedactions(input, stable.layout);
  if (redactions.length > 0) result.report.redactions = redactions;
  if (pool) {
    step('verification');
    report('verify', 0, 1);
    const checked = await verifyBundle(result.volumes.map((v) => v.bytes), result.report, { pool });
    if (!checked.ok) throw new VerificationError(`the bundle for ${input.case.slug}`, checked.failures);
    if ((input.redactions ?? []).length > 0) {
      const failures = await verifyRedactions(result.volumes, JSON.stringify(result.report), redactionChecks(input, stable.layout));
      if (failures.length > 0) throw new VerificationError(`the bundle for ${input.case.slug}`, failures);
    }
    report('verify', 1, 1);
  }
  if ((input.redactions ?? []).length > 0) {
    const entries = redactionLog(input, stable.layout);
    result.redactionLog = { entries, pdf: await redactionLogPdf(input, entries, options.printer, bundleDateOf(input), bundleTitleOf(input)) };
  }
  donePrinting();
  return result;
}

/** File names of the volumes: bundle.pdf, or bundle.vol1.pdf, bundle.vol2.pdf… */
export function volumeFileNames(outFile: string, count: number): string[] {
  if (count === 1) return [outFile];
  const base = outFile.replace(/\.pdf$/i, '');
  return Array.from({ length: count }, (_, i) => `${base}.vol${i + 1}.pdf`);
}

/** Writes the volumes and FILE.report.json; returns the PDF paths in volume order. */
export async function writeBundle(result: BuildResult, outFile: string): Promise<string[]> {
  const files = volumeFileNames(outFile, result.volumes.length);
  const report: BuildReport = {
    ...result.report,
    volumes: result.report.volumes.map((v, i) => ({ ...v, file: basename(files[i]!) })),
  };
  await mkdir(dirname(outFile), { recursive: true });
  for (const [i, v] of result.volumes.entries()) await writeFileAtomic(files[i]!, v.bytes);
  await writeFileAtomic(outFile.replace(/\.pdf$/i, '') + '.report.json', JSON.stringify(report, null, 2) + '\n');
  if (result.redactionLog) {
    const base = outFile.replace(/\.pdf$/i, '');
    await writeFileAtomic(`${base}.redactions.json`, JSON.stringify({ bundle: basename(files[0]!), redactions: result.redactionLog.entries }, null, 2) + '\n');
    await writeFileAtomic(`${base}.redactions.pdf`, result.redactionLog.pdf);
  }
  return files;
}
