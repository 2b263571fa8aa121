/**
 * The write queue of one open workspace. Every change to the workspace's
 * files is a read–modify–write (read excerpts.json, add one, write it back),
 * and the API runs calls concurrently: two such cycles interleaving lose one
 * of the writes. The queue runs changes one after another, in call order.
 *
 * Re-entrant: a change that calls another change (tagQuote creating a tag)
 * runs it inline instead of waiting behind itself. The inside of a change is
 * tracked with AsyncLocalStorage, so it follows awaits but not unrelated
 * callers that happen to run at the same time.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export class WriteQueue {
  readonly #inside = new AsyncLocalStorage<WriteQueue>();
  #tail: Promise<void> = Promise.resolve();
  #pending = 0;

  /** Runs `change` when every change queued before it has finished; resolves with its result. */
  run<T>(change: () => Promise<T>): Promise<T> {
    if (this.#inside.getStore() === this) return change();
    this.#pending += 1;
    const result = this.#tail.then(() => this.#inside.run(this, change));
    const done = (): void => {
      this.#pending -= 1;
    };
    this.#tail = result.then(done, done);
    return result;
  }

  /** True while called from inside a queued change. */
  get isInside(): boolean {
    return this.#inside.getStore() === this;
  }

  /** Changes queued or running. */
  get pending(): number {
    return this.#pending;
  }
}
