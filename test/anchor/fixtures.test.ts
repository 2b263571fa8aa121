import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { findQuote } from '../../src/anchor/index.ts';
import { pagesOf } from './pdfs.ts';

const Line = z.union([z.string(), z.object({ text: z.string(), x: z.number(), y: z.number(), size: z.number().optional() })]);
const Fixture = z.object({
  description: z.string(),
  pages: z.array(z.object({ lines: z.array(Line), rotate: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]).optional() })),
  quote: z.string(),
  options: z.object({ page: z.number().optional(), prefix: z.string().optional(), suffix: z.string().optional(), maxErrorRate: z.number().optional() }).optional(),
  expected: z.object({ page: z.number(), status: z.enum(['exact', 'fuzzy']), text: z.string() }).nullable(),
});

const dir = join(import.meta.dirname, 'fixtures');
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

describe('anchoring fixtures', () => {
  it('has fixtures to run', () => expect(files.length).toBeGreaterThanOrEqual(5));

  for (const file of files) {
    const fixture = Fixture.parse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    it(`${file}: ${fixture.description}`, async () => {
      const pages = await pagesOf(fixture.pages);
      const m = findQuote(pages, fixture.quote, fixture.options ?? {});
      if (fixture.expected === null) {
        expect(m).toBeUndefined();
        return;
      }
      expect(m).toBeDefined();
      const text = pages[m!.page - 1]!.text.slice(m!.start, m!.end);
      expect({ page: m!.page, status: m!.status, text }).toEqual(fixture.expected);
    });
  }
});
