/**
 * Calls the API contract's handlers the way the app does (through `dispatch`,
 * so payloads are validated) and turns an error answer into a thrown Error,
 * for tests that expect success.
 */
import type { ApiMethod, ApiResults } from '../../src/api/contract.ts';
import { dispatch, type Handlers } from '../../src/api/handlers.ts';

/** A typed `call(method, args)` on the handlers `get()` returns when called (they are made in beforeAll). */
export function apiCaller(get: () => Handlers): <M extends ApiMethod>(method: M, args: unknown) => Promise<ApiResults[M]> {
  return async <M extends ApiMethod>(method: M, args: unknown): Promise<ApiResults[M]> => {
    const r = await dispatch(get(), method, args);
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    return r.value as ApiResults[M];
  };
}
