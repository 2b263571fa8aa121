import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MIGRATIONS } from '../../../src/store/migrations.ts';

describe('the migration registry', () => {
  it('has exactly one step from each version of each kind, each one version up', () => {
    const seen = new Set<string>();
    for (const m of MIGRATIONS) {
      expect(m.to).toBe(m.from + 1);
      expect(seen.has(`${m.kind}@${m.from}`)).toBe(false);
      seen.add(`${m.kind}@${m.from}`);
    }
  });

  it('every registered migration has its own test file (see README.md in this folder)', () => {
    const missing = MIGRATIONS.map((m) => `${m.kind}-${m.from}-to-${m.to}.test.ts`).filter(
      (name) => !existsSync(fileURLToPath(new URL(`./${name}`, import.meta.url))),
    );
    expect(missing).toEqual([]);
  });
});
