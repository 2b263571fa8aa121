/**
 * The names the preload lets through, as plain string lists. The sandboxed
 * preload cannot load the contract itself (it pulls in zod and the model), so
 * the names live here with type-level checks that they match the contract
 * exactly: adding a method or event to src/api/contract.ts without adding it
 * here fails the typecheck, and test/electron/preload.test.ts compares them
 * with Object.keys(ApiArgs) and API_EVENTS at run time.
 */
import type { ApiEvent, ApiMethod, IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, SanadApi } from '../src/api/contract.ts';

export const INVOKE_CHANNEL: typeof IPC_INVOKE_CHANNEL = 'sanad:invoke';
export const EVENT_CHANNEL: typeof IPC_EVENT_CHANNEL = 'sanad:event';
/** Preload → main only: paths of files dropped on the window (see electron/path-grants.ts). */
export const GRANT_CHANNEL = 'sanad:grant-paths';

export const API_METHOD_NAMES = [
  'workspace.info',
  'tags.list',
  'tags.create',
  'tags.update',
  'tags.merge',
  'tags.delete',
  'sources.list',
  'sources.page',
  'sources.get',
  'sources.update',
  'sources.import',
  'sources.delete',
  'sources.documentUrl',
  'sources.pageText',
  'excerpts.list',
  'excerpts.create',
  'excerpts.update',
  'excerpts.delete',
  'excerpts.restore',
  'excerpts.citation',
  'excerpts.cite',
  'excerpts.cooccurrence',
  'redactions.list',
  'redactions.createText',
  'redactions.createRange',
  'redactions.createArea',
  'redactions.delete',
  'redactions.restore',
  'redactions.redactInCase',
  'search.query',
  'cases.list',
  'cases.get',
  'cases.create',
  'cases.update',
  'cases.saveBundle',
  'cases.delete',
  'cases.warnings',
  'bundle.build',
  'bundle.cancel',
  'bundle.schedulePages',
  'dialog.openFiles',
  'clipboard.writeText',
] as const satisfies readonly ApiMethod[];

export const API_EVENT_NAMES = ['import.progress', 'build.progress', 'menu'] as const satisfies readonly ApiEvent[];

/** The members of window.sanad: two over IPC, and pathForFile answered in the preload (webUtils). */
export const EXPOSED_API_KEYS = ['invoke', 'on', 'pathForFile'] as const satisfies readonly (keyof SanadApi)[];

/** Fails to compile while a contract name is missing from the lists above. */
type MissingKeys = Exclude<keyof SanadApi, (typeof EXPOSED_API_KEYS)[number]>;
const everyKeyListed: [MissingKeys] extends [never] ? true : MissingKeys = true;
void everyKeyListed;
type MissingMethods = Exclude<ApiMethod, (typeof API_METHOD_NAMES)[number]>;
type MissingEvents = Exclude<ApiEvent, (typeof API_EVENT_NAMES)[number]>;
const everyMethodListed: [MissingMethods] extends [never] ? true : MissingMethods = true;
const everyEventListed: [MissingEvents] extends [never] ? true : MissingEvents = true;
void everyMethodListed;
void everyEventListed;

const methodSet: ReadonlySet<string> = new Set(API_METHOD_NAMES);
const eventSet: ReadonlySet<string> = new Set(API_EVENT_NAMES);

export function isApiMethodName(name: unknown): name is ApiMethod {
  return typeof name === 'string' && methodSet.has(name);
}

export function isApiEventName(name: unknown): name is ApiEvent {
  return typeof name === 'string' && eventSet.has(name);
}
