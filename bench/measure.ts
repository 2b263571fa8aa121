/**
 * Measuring helpers shared by the benchmarks: a peak-RSS sampler, a stopwatch,
 * timing an external tool (pdftotext, qpdf) for the "within a small factor of
 * the native tool" comparison, and a per-stage breakdown from a build's
 * onProgress reports.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const MB = 1024 * 1024;

/** Rounds to `digits` decimals (JSON output stays readable). */
export function round(n: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** Seconds since `start` (a `performance.now()` reading). */
export function secondsSince(start: number): number {
  return (performance.now() - start) / 1000;
}

export interface RssPeak {
  /** Highest `process.memoryUsage.rss()` sampled while the sampler ran, in MB. */
  peakRssMB: number;
  /** RSS when the sampler started, in MB. */
  baselineRssMB: number;
  /** The kernel's high-water mark for the whole process so far (`resourceUsage().maxRSS`), in KB. */
  maxRssKB: number;
  samples: number;
}

/**
 * Samples this process's resident set size every `intervalMs` until stopped.
 * Samples are taken on the event loop, so a long synchronous stretch can hide
 * a short peak: `maxRssKB` (process lifetime) is the cross-check.
 */
export function startRssSampler(intervalMs = 20): { stop(): RssPeak } {
  const baseline = process.memoryUsage.rss();
  let peak = baseline;
  let samples = 1;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
    samples++;
  }, intervalMs);
  timer.unref();
  return {
    stop(): RssPeak {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage.rss());
      return { peakRssMB: round(peak / MB, 1), baselineRssMB: round(baseline / MB, 1), maxRssKB: process.resourceUsage().maxRSS, samples: samples + 1 };
    },
  };
}

/**
 * Runs `command args…` to completion and returns its wall-clock seconds, or
 * null when the tool is not installed. A tool that runs but fails throws,
 * since a comparison against a failed run would be meaningless.
 */
export function timeTool(command: string, args: string[]): number | null {
  const start = performance.now();
  const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 16 * MB });
  const seconds = secondsSince(start);
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') return null;
  if (result.error) throw result.error;
  // qpdf exits 3 for "succeeded with warnings"; anything else is a failure.
  if (result.status !== 0 && !(command === 'qpdf' && result.status === 3)) {
    throw new Error(`${command} failed (exit ${result.status}): ${result.stderr.toString().slice(0, 300)}`);
  }
  return seconds;
}

/** A native tool's time and how many times slower Sanad was (ours / theirs). */
export function comparison(ourSeconds: number, toolSeconds: number | null): { seconds: number; ratio: number } | null {
  if (toolSeconds === null) return null;
  return { seconds: round(toolSeconds), ratio: round(ourSeconds / Math.max(toolSeconds, 1e-6), 1) };
}

export interface StageTime {
  stage: string;
  seconds: number;
}

/**
 * Turns onProgress reports into time per stage: a stage runs from the end of
 * the one before it (or the start) to its own last report. When a stage opens
 * with a "0 done" report, the time before that report is work between the two
 * stages (for a build: saving the assembled PDF before verifying it) and is
 * listed as "<previous> → <stage>". The time after the last report is `tail`.
 */
export function stageTimer(tail: string): { onProgress(p: { stage: string; done: number }): void; finish(): StageTime[] } {
  const start = performance.now();
  const stages: Array<{ stage: string; opensAt: number | undefined; lastAt: number }> = [];
  return {
    onProgress(p) {
      const now = performance.now();
      const current = stages[stages.length - 1];
      if (current?.stage === p.stage) current.lastAt = now;
      else stages.push({ stage: p.stage, opensAt: p.done === 0 ? now : undefined, lastAt: now });
    },
    finish() {
      const end = performance.now();
      const out: StageTime[] = [];
      let from = start;
      let previous = 'start';
      for (const s of stages) {
        if (s.opensAt !== undefined) {
          out.push({ stage: `${previous} → ${s.stage}`, seconds: round((s.opensAt - from) / 1000) });
          from = s.opensAt;
        }
        out.push({ stage: s.stage, seconds: round((s.lastAt - from) / 1000) });
        from = s.lastAt;
        previous = s.stage;
      }
      out.push({ stage: tail, seconds: round((end - from) / 1000) });
      return out;
    },
  };
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export interface ProcessRun {
  seconds: number;
  /** The process's peak resident set in KB, from GNU time when installed (else null). */
  maxRssKB: number | null;
}

const GNU_TIME = '/usr/bin/time';

/**
 * Runs `command args…` as a whole process (start-up, module loading and exit
 * included) and returns its wall-clock seconds and, when GNU time is
 * installed, its peak memory. Throws when it fails.
 */
export function timeProcess(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): ProcessRun {
  const withTime = existsSync(GNU_TIME);
  const argv = withTime ? [GNU_TIME, '-f', '%M', command, ...args] : [command, ...args];
  const start = performance.now();
  const result = spawnSync(argv[0]!, argv.slice(1), { stdio: ['ignore', 'ignore', 'pipe'], env, maxBuffer: 16 * MB });
  const seconds = secondsSince(start);
  if (result.error) throw result.error;
  const stderr = result.stderr.toString();
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status}): ${stderr.slice(-300)}`);
  const kb = withTime ? Number(/(\d+)\s*$/.exec(stderr)?.[1]) : NaN;
  return { seconds, maxRssKB: Number.isFinite(kb) ? kb : null };
}

/** Medians of `runs` whole-process runs of Sanad, each followed by the reference tool's. */
export interface PairedRuns {
  runs: number;
  sanadSeconds: number;
  /** Median peak memory of Sanad's process in MB (GNU time), or null without it. */
  sanadMaxRssMB: number | null;
  /** The tool's median seconds, or null when it is not installed. */
  toolSeconds: number | null;
  /** Median of the run-by-run ratios Sanad / tool (back to back, so a drift in load falls on both). */
  ratio: number | null;
}

/** Runs `sanad(i)` then `tool()` `runs` times in turn; `tool` returns null when it is not installed. */
export async function pairedRuns(runs: number, sanad: (i: number) => Promise<ProcessRun>, tool: () => number | null): Promise<PairedRuns> {
  const ours: number[] = [];
  const rss: number[] = [];
  const theirs: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < runs; i++) {
    const run = await sanad(i);
    ours.push(run.seconds);
    if (run.maxRssKB !== null) rss.push(run.maxRssKB / 1024);
    const t = tool();
    if (t !== null) {
      theirs.push(t);
      ratios.push(run.seconds / Math.max(t, 1e-6));
    }
  }
  return {
    runs,
    sanadSeconds: round(median(ours)),
    sanadMaxRssMB: rss.length ? round(median(rss), 1) : null,
    toolSeconds: theirs.length ? round(median(theirs)) : null,
    ratio: ratios.length ? round(median(ratios), 2) : null,
  };
}
