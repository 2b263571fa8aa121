import { describe, expect, it } from 'vitest';
import { describeSelection, parsePageRanges } from '../../src/bundle/ranges.ts';
import { expandItems, layOut } from '../../src/bundle/plan.ts';
import { collectWarnings } from '../../src/bundle/warnings.ts';
import { openGraphicsStates } from '../../src/bundle/content.ts';
import { BundleError } from '../../src/errors.ts';
import { inputOf, makeSource } from './fixtures.ts';
import type { BundleWorkspace } from '../../src/bundle/input.ts';
import type { Workspace } from '../../src/store/index.ts';

describe('page selections', () => {
  it('parses "1-3,7,10-" against the page count', () => {
    expect(parsePageRanges('1-3,7,10-', 12, 'x')).toEqual([0, 1, 2, 6, 9, 10, 11]);
    expect(parsePageRanges(undefined, 3, 'x')).toEqual([0, 1, 2]);
    expect(() => parsePageRanges('2-9', 4, 'Report')).toThrow(BundleError);
    expect(describeSelection([2, 3, 4, 8], 10)).toBe('pp 3–5, 9 of the original');
    expect(describeSelection([0, 1], 2)).toBeUndefined();
  });
});

describe('graphics state balance', () => {
  it('counts q left open, ignoring strings, comments and inline images', () => {
    expect(openGraphicsStates('q 1 0 0 1 0 0 cm q Q')).toBe(1);
    expect(openGraphicsStates('q (a q string \\) q) Tj % q q\nQ')).toBe(0);
    expect(openGraphicsStates('BI /W 1 ID q q q EI q')).toBe(1);
    expect(openGraphicsStates('Q Q q')).toBe(1);
  });
});

describe('plan and warnings', () => {
  it('warns when the schedule runs past the profile limit, in the words a caseworker reads', async () => {
    const s = await makeSource({ title: 'Report', pages: [{ lines: ['x'] }] });
    const input = inputOf([s], {
      schemaVersion: 1,
      pagination: 'continuous',
      sections: [{ id: 'a', letter: 'A', title: 'Front', divider: false, items: [{ kind: 'generated', part: 'schedule' }, { kind: 'source', sourceId: s.meta.id }] }],
    });
    const items = expandItems(input);
    const layout = layOut(input, items, [14, 1], [1, 1]);
    expect(layout.labels).toHaveLength(15);
    expect(collectWarnings(input, layout)).toContain(
      'The schedule runs to 14 pages; the UK FtT allows 12 without permission: trim excerpts or apply for permission.',
    );
    expect(collectWarnings(input, layOut(input, items, [12, 1], [1, 1])).some((w) => w.includes('schedule'))).toBe(false);
  });

  it('refuses a bundle naming a source that is not loaded', () => {
    const input = inputOf([], {
      schemaVersion: 1,
      pagination: 'continuous',
      sections: [{ id: 'a', letter: 'A', title: 'Front', divider: false, items: [{ kind: 'source', sourceId: 's-0000000000000000' }] }],
    });
    expect(() => expandItems(input)).toThrow(/not in the workspace/);
  });
});

describe('loadBundleInput', () => {
  it('accepts the store’s Workspace (checked by the type checker)', () => {
    const accepts = (ws: Workspace): BundleWorkspace => ws;
    expect(typeof accepts).toBe('function');
  });
});
