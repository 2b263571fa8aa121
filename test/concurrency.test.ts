import { expect, it } from 'vitest';
import { mapLimit } from '../src/concurrency.ts';

it('runs at most `limit` tasks at once and keeps the results in input order', async () => {
  let running = 0;
  let most = 0;
  const out = await mapLimit([5, 1, 4, 2, 3, 0, 6], 3, async (n, i) => {
    running++;
    most = Math.max(most, running);
    await new Promise((r) => setTimeout(r, n * 3));
    running--;
    return `${i}:${n}`;
  });
  expect(out).toEqual(['0:5', '1:1', '2:4', '3:2', '4:3', '5:0', '6:6']);
  expect(most).toBe(3);
  expect(await mapLimit([], 4, async () => 1)).toEqual([]);
});

it('rejects with the first failure', async () => {
  await expect(mapLimit([1, 2, 3], 2, async (n) => {
    if (n === 2) throw new Error('source 2 unreadable');
    return n;
  })).rejects.toThrow('source 2 unreadable');
});
