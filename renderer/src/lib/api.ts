/**
 * The renderer's only door to the core: a typed wrapper over window.sanad.
 * Errors from the core carry one sentence that says what to do; callers show
 * it through the notices context rather than swallowing it.
 */
import type { ApiArgsOf, ApiEvent, ApiEvents, ApiMethod, ApiResults } from '../../../src/api/contract.ts';

export type { ApiMethod, ApiResults };

export function invoke<M extends ApiMethod>(method: M, args: ApiArgsOf<M>): Promise<ApiResults[M]> {
  return window.sanad.invoke(method, args);
}

export function onEvent<E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void): () => void {
  return window.sanad.on(event, listener);
}

/** The one sentence to show for a failed call. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message.replace(/^Error invoking remote method '[^']+': (\w+Error: )?/, '');
  if (typeof error === 'object' && error !== null && 'message' in error) return String((error as { message: unknown }).message);
  return String(error);
}
