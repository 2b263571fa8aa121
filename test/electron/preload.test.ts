// The preload exposes exactly SanadApi (invoke + on), lets through only the
// contract's method and event names, and builds to one CommonJS file that a
// sandboxed renderer can load (its `require` knows only 'electron').
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { API_EVENTS, ApiArgs, IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../src/api/contract.ts';
import { API_EVENT_NAMES, API_METHOD_NAMES, EVENT_CHANNEL, EXPOSED_API_KEYS, INVOKE_CHANNEL } from '../../electron/api-names.ts';
import { createSanadBridge, type IpcRendererLike } from '../../electron/bridge.ts';

function fakeIpcRenderer(reply: unknown = { ok: true, value: 'done' }) {
  const invoked: unknown[][] = [];
  const listeners = new Map<string, ((event: unknown, ...args: unknown[]) => void)[]>();
  const ipc: IpcRendererLike = {
    invoke: async (...args) => {
      invoked.push(args);
      return reply;
    },
    on: (channel, listener) => {
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
    },
  };
  const emit = (...args: unknown[]) => {
    for (const l of listeners.get(IPC_EVENT_CHANNEL) ?? []) l({ sender: 'the IpcRendererEvent' }, ...args);
  };
  return { ipc, invoked, listeners, emit };
}

describe('name lists', () => {
  it('match the contract exactly', () => {
    expect([...API_METHOD_NAMES].sort()).toEqual(Object.keys(ApiArgs).sort());
    expect([...API_EVENT_NAMES].sort()).toEqual([...API_EVENTS].sort());
    expect(INVOKE_CHANNEL).toBe(IPC_INVOKE_CHANNEL);
    expect(EVENT_CHANNEL).toBe(IPC_EVENT_CHANNEL);
  });
});

describe('the bridge', () => {
  it('has exactly invoke, on and pathForFile, and is frozen', () => {
    const api = createSanadBridge(fakeIpcRenderer().ipc);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on', 'pathForFile']);
    expect(Object.keys(api).sort()).toEqual([...EXPOSED_API_KEYS].sort());
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('asks getPathForFile for a dropped file\'s path, synchronously, and gives "" when there is none', () => {
    const asked: unknown[] = [];
    const api = createSanadBridge(fakeIpcRenderer().ipc, (file) => {
      asked.push(file);
      if ((file as { name?: string }).name === 'thrower.pdf') throw new Error('not a file');
      return (file as { name?: string }).name === 'hazara.pdf' ? '/home/caseworker/hazara.pdf' : '';
    });
    const dropped = { name: 'hazara.pdf' };
    expect(api.pathForFile(dropped)).toBe('/home/caseworker/hazara.pdf');
    expect(api.pathForFile({ name: 'built-in-page.pdf' })).toBe('');
    expect(api.pathForFile({ name: 'thrower.pdf' })).toBe('');
    expect(api.pathForFile('/etc/passwd')).toBe('');
    expect(api.pathForFile(null)).toBe('');
    expect(asked[0]).toBe(dropped);
    expect(asked).toHaveLength(3);
    // Without Electron's webUtils (the default), nothing has a path.
    expect(createSanadBridge(fakeIpcRenderer().ipc).pathForFile(dropped)).toBe('');
  });

  it('forwards a contract method on the invoke channel and unwraps the value', async () => {
    const fake = fakeIpcRenderer({ ok: true, value: [{ id: 'threat-patterns' }] });
    const api = createSanadBridge(fake.ipc);
    await expect(api.invoke('tags.list', {})).resolves.toEqual([{ id: 'threat-patterns' }]);
    expect(fake.invoked).toEqual([[IPC_INVOKE_CHANNEL, 'tags.list', {}]]);
  });

  it('refuses unknown method names without touching IPC', async () => {
    const fake = fakeIpcRenderer();
    const api = createSanadBridge(fake.ipc);
    const invokeAny = api.invoke as (method: string, args: unknown) => Promise<unknown>;
    for (const name of ['shell.openExternal', 'constructor', '__proto__', 'tags', '']) {
      await expect(invokeAny(name, {})).rejects.toThrow(/is not a Sanad API method/);
    }
    expect(fake.invoked).toEqual([]);
  });

  it('turns an error reply into an Error carrying the one sentence and the code', async () => {
    const api = createSanadBridge(fakeIpcRenderer({ ok: false, error: { code: 'NOT_FOUND', message: 'No source "x" in this workspace: import it first.' } }).ipc);
    const error = await api.invoke('sources.get', { id: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe('No source "x" in this workspace: import it first.');
    expect((error as { code: string }).code).toBe('NOT_FOUND');
  });

  it('rejects a malformed reply', async () => {
    const api = createSanadBridge(fakeIpcRenderer('surprise').ipc);
    await expect(api.invoke('tags.list', {})).rejects.toThrow(/unreadable reply/);
  });

  it('delivers contract events with the payload only, and unsubscribes', () => {
    const fake = fakeIpcRenderer();
    const api = createSanadBridge(fake.ipc);
    const got: unknown[][] = [];
    const off = api.on('build.progress', (...args) => got.push(args));
    api.on('import.progress', () => got.push(['wrong listener']));
    const payload = { slug: 'hazara-2025', stage: 'pages', done: 2, total: 9 };
    fake.emit('build.progress', payload);
    fake.emit('not.an.event', payload);
    off();
    fake.emit('build.progress', payload);
    expect(got).toEqual([[payload]]);
    expect(fake.listeners.get(IPC_EVENT_CHANNEL)).toHaveLength(1);
  });

  it('refuses unknown event names', () => {
    const api = createSanadBridge(fakeIpcRenderer().ipc);
    const onAny = api.on as (event: string, listener: () => void) => () => void;
    expect(() => onAny('menu:devtools', () => {})).toThrow(/is not a Sanad API event/);
  });
});

describe('the built preload', () => {
  let outDir = '';
  afterAll(async () => {
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it('is one CommonJS script that needs only electron and exposes window.sanad = { invoke, on, pathForFile }', async () => {
    outDir = await mkdtemp(path.join(tmpdir(), 'sanad-preload-'));
    await build({ configFile: path.resolve('electron/vite.preload.config.ts'), logLevel: 'silent', build: { outDir } });
    const code = await readFile(path.join(outDir, 'preload.cjs'), 'utf8');
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect([...code.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1])).toEqual(['electron']);
    expect(code.length).toBeLessThan(20_000); // the contract's names, not zod and the model

    // What Electron's sandboxed preload wrapper provides: require() of a few modules only.
    const required: string[] = [];
    const exposed = new Map<string, unknown>();
    const fake = fakeIpcRenderer({ ok: true, value: 7 });
    const sandboxRequire = (name: string) => {
      required.push(name);
      if (name !== 'electron') throw new Error(`module not found: ${name}`);
      return {
        contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
        ipcRenderer: fake.ipc,
        webUtils: { getPathForFile: (file: { name: string }) => `/dropped/${file.name}` },
      };
    };
    const wrapper = vm.runInNewContext(`(function (require, module, exports) {${code}\n})`, { console, Set, Map, Object, Error, Promise }) as (r: unknown, m: unknown, e: unknown) => void;
    const module = { exports: {} };
    wrapper(sandboxRequire, module, module.exports);

    expect(required).toEqual(['electron']);
    expect([...exposed.keys()]).toEqual(['sanad']);
    const api = exposed.get('sanad') as { invoke: (m: string, a: unknown) => Promise<unknown>; pathForFile: (f: unknown) => string };
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on', 'pathForFile']);
    expect(api.pathForFile({ name: 'letter.pdf' })).toBe('/dropped/letter.pdf');
    await expect(api.invoke('cases.list', {})).resolves.toBe(7);
    await expect(api.invoke('require', {})).rejects.toThrow(/is not a Sanad API method/);
    // The dropped file's path is registered with the main process before the call (electron/path-grants.ts).
    expect(fake.invoked).toEqual([['sanad:grant-paths', ['/dropped/letter.pdf']], [IPC_INVOKE_CHANNEL, 'cases.list', {}]]);
  });
});
