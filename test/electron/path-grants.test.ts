// The renderer cannot make the core read arbitrary files: sources.import
// accepts only paths the main process handed out (the Import dialog's result,
// or a drop the preload registered through webUtils before the call).
import { describe, expect, it } from 'vitest';
import { GRANT_CHANNEL, INVOKE_CHANNEL } from '../../electron/api-names.ts';
import { createSanadBridge, type IpcRendererLike } from '../../electron/bridge.ts';
import { createGrantListener } from '../../electron/ipc.ts';
import { PathGrants } from '../../electron/path-grants.ts';

describe('the grant registry', () => {
  it('grants absolute paths only, and nothing else', () => {
    const grants = new PathGrants();
    expect(grants.grant(['/home/caseworker/hrw.pdf', 'relative.pdf', 42, '', '/tmp/a\0b', '/home/caseworker/../caseworker/x.pdf'])).toEqual([
      '/home/caseworker/hrw.pdf',
      '/home/caseworker/x.pdf',
    ]);
    expect(grants.isGranted('/home/caseworker/hrw.pdf')).toBe(true);
    expect(grants.isGranted('/home/caseworker/./x.pdf')).toBe(true);
    expect(grants.isGranted('/etc/passwd')).toBe(false);
    expect(grants.isGranted('relative.pdf')).toBe(false);
  });

  it('the drop channel listens to the app frame only', async () => {
    const grants = new PathGrants();
    const listener = createGrantListener(grants);
    expect(await listener({ senderFrame: { url: 'https://evil.example/' } }, ['/etc/passwd'])).toEqual({ granted: 0 });
    expect(await listener({ senderFrame: null }, ['/etc/passwd'])).toEqual({ granted: 0 });
    expect(grants.isGranted('/etc/passwd')).toBe(false);
    expect(await listener({ senderFrame: { url: 'app://sanad/index.html' } }, ['/home/c/dropped.pdf'])).toEqual({ granted: 1 });
    expect(grants.isGranted('/home/c/dropped.pdf')).toBe(true);
  });
});

describe('the preload registers dropped files before the next call', () => {
  it('pathForFile queues the path; the next invoke sends the grant first, once', async () => {
    const sent: unknown[][] = [];
    const ipc: IpcRendererLike = {
      invoke: async (...args) => {
        sent.push(args);
        return { ok: true, value: [] };
      },
      on: () => undefined,
    };
    const api = createSanadBridge(ipc, (file) => ((file as { name: string }).name === 'drop.pdf' ? '/home/c/drop.pdf' : ''));
    expect(api.pathForFile({ name: 'drop.pdf' })).toBe('/home/c/drop.pdf');
    expect(api.pathForFile({ name: 'page-made.pdf' })).toBe('');
    await api.invoke('sources.import', { paths: ['/home/c/drop.pdf'] });
    await api.invoke('tags.list', {});
    expect(sent).toEqual([
      [GRANT_CHANNEL, ['/home/c/drop.pdf']],
      [INVOKE_CHANNEL, 'sources.import', { paths: ['/home/c/drop.pdf'] }],
      [INVOKE_CHANNEL, 'tags.list', {}],
    ]);
  });
});
