import { describe, expect, it } from 'vitest';
import { assignVolumes, correctEstimates } from '../../src/bundle/volumes.ts';

describe('volume estimates corrected by real sizes', () => {
  it('moves weight from overestimated generated parts to underestimated sources, saving a volume', () => {
    // Four generated parts estimated at 13 KB each (shares of one combined PDF), three sources at 42 KB.
    const estimates = [13_000, 13_000, 13_000, 13_000, 42_000, 42_000, 42_000, 13_000];
    const cap = 86_000;
    const first = assignVolumes(estimates, cap);
    expect(Math.max(...first)).toBe(4);
    // What the four volumes really weighed: the parts far less, the sources more.
    const corrected = correctEstimates(estimates, first, [32_600, 53_000, 53_000, 71_300], cap);
    expect(corrected[0]!).toBeLessThan(13_000);
    expect(corrected[4]!).toBeLessThan(53_000);
    expect(Math.max(...assignVolumes(corrected, cap))).toBe(3);
  });

  it('adds a margin to a volume that came out over the cap', () => {
    const corrected = correctEstimates([50_000, 50_000], [1, 1], [120_000], 100_000);
    expect(corrected[0]! + corrected[1]!).toBeGreaterThan(120_000 - 16 * 1024);
  });
});
