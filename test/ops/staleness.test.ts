import { describe, expect, it } from 'vitest';
import { isStale, referenceDate } from '../../src/ops/index.ts';

describe('staleness', () => {
  const hearing = referenceDate('2026-12-14', new Date('2030-01-01'));

  it('flags sources published more than the threshold before the hearing', () => {
    expect(isStale({ published: '2014-06-29' }, 24, hearing)).toBe(true);
    expect(isStale({ published: '2025-06-01' }, 24, hearing)).toBe(false);
  });

  it('gives year- and month-precision dates the benefit of the doubt', () => {
    // "2024" could mean December 2024: 24 months before December 2026 is not yet stale.
    expect(isStale({ published: '2024' }, 24, hearing)).toBe(false);
    expect(isStale({ published: '2024-10' }, 24, hearing)).toBe(true);
  });

  it('never flags an undated source, and uses today without a hearing date', () => {
    expect(isStale({}, 1, hearing)).toBe(false);
    const now = new Date('2026-11-21');
    expect(referenceDate(undefined, now)).toBe(now);
  });
});
