/**
 * Splitting into volumes under a size cap. Items (whole documents) are kept
 * together; volumes share one pagination (volume 2 continues the numbering)
 * and volume 1 carries the one index. Sizes are estimated per item from the
 * donor PDFs, scaled by what a single-volume build actually weighed.
 */
import type { BundleInput } from './input.ts';
import type { PlanItem } from './plan.ts';
import type { RenderedPart } from './render.ts';

/** Bytes per volume we do not attribute to items (fonts, outline, cross-reference table). */
const VOLUME_OVERHEAD = 16 * 1024;

export function estimateItemBytes(input: BundleInput, items: PlanItem[], rendered: Map<number, RenderedPart>): number[] {
  return items.map((item, i) => {
    if (item.kind === 'source') {
      const source = input.sources.get(item.meta.id);
      return source ? (source.pdf.length * item.pages.length) / Math.max(1, item.meta.pages) : 0;
    }
    const r = rendered.get(i);
    return r ? (r.pdf.length * r.pageCount) / Math.max(1, r.pdfPages) : 0;
  });
}

/** Greedy assignment: start a new volume when the next item would pass the cap. */
export function assignVolumes(estimates: number[], capBytes: number): number[] {
  const out: number[] = [];
  let volume = 1;
  let used = VOLUME_OVERHEAD;
  for (const size of estimates) {
    if (used + size > capBytes && used > VOLUME_OVERHEAD) {
      volume++;
      used = VOLUME_OVERHEAD;
    }
    used += size;
    out.push(volume);
  }
  return out;
}

/**
 * Corrects item estimates by what their volumes actually weighed: each volume's bytes beyond
 * VOLUME_OVERHEAD are shared among its items in proportion to their estimates (a volume over the
 * cap gets a 5% margin more, so the next split moves something out of it).
 */
export function correctEstimates(estimates: number[], volumeOfItem: number[], volumeBytes: number[], capBytes: number): number[] {
  const estimated = volumeBytes.map(() => 0);
  volumeOfItem.forEach((v, i) => (estimated[v - 1]! += estimates[i]!));
  return estimates.map((e, i) => {
    const v = volumeOfItem[i]! - 1;
    const actual = Math.max(volumeBytes[v]! - VOLUME_OVERHEAD, 0.05 * volumeBytes[v]!);
    return (e * actual * (volumeBytes[v]! > capBytes ? 1.05 : 1)) / Math.max(1, estimated[v]!);
  });
}

export function capBytesOf(input: BundleInput, override: number | undefined): number | undefined {
  const mb = override ?? input.definition.volumeCapMB ?? input.profile.maxFileMB;
  return mb === undefined ? undefined : Math.floor(mb * 1024 * 1024);
}
