/**
 * Bounded concurrency for work over many items (prints, source folders):
 * enough in flight to overlap I/O, never so much that every item's data is
 * in memory at once.
 */

/** Runs `task` on every element, at most `limit` at a time; results in input order. */
export async function mapLimit<T, R>(list: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(list.length);
  let next = 0;
  const lane = async () => {
    while (next < list.length) {
      const i = next++;
      results[i] = await task(list[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, list.length)) }, lane));
  return results;
}
