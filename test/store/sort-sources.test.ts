/** The library's order: titles as a reader expects them, numbers by value, ties by id. */
import { expect, it } from 'vitest';
import type { SourceMeta } from '../../src/model/index.ts';
import { sortSources } from '../../src/store/sources.ts';

const meta = (id: string, title: string) => ({ id, title }) as SourceMeta;

it('sorts numbers inside titles by value, case aside, and equal titles by id', () => {
  const titles = ['Country report 10', 'Country report 2', 'country report 1', 'CPIN Pakistan v10.0', 'CPIN Pakistan v3.0', 'Country report 100'];
  const sorted = sortSources([...titles.map((t, i) => meta(`s-${i}`, t)), meta('s-a', 'Country report 2')]);
  expect(sorted.map((s) => `${s.title}|${s.id}`)).toEqual([
    'country report 1|s-2',
    'Country report 2|s-1',
    'Country report 2|s-a',
    'Country report 10|s-0',
    'Country report 100|s-5',
    'CPIN Pakistan v3.0|s-4',
    'CPIN Pakistan v10.0|s-3',
  ]);
});
