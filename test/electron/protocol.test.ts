// The app scheme: what each URL maps to, that no path escapes its folder,
// and that every response carries the Content-Security-Policy. The handler is
// called with real fetch Requests on a temporary renderer folder.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_SCHEME_PRIVILEGES, classifyAppRequest, contentTypeFor, createAppRequestHandler, resolveInside, safeSegments } from '../../electron/protocol.ts';
import { CONTENT_SECURITY_POLICY } from '../../electron/security.ts';

describe('scheme privileges', () => {
  it('is standard, secure, fetchable and streamable, and does not bypass CSP', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true, supportFetchAPI: true, stream: true, bypassCSP: false });
  });
});

describe('path resolution', () => {
  const root = path.resolve('/srv/renderer');

  it('maps plain paths inside the root', () => {
    expect(resolveInside(root, 'index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveInside(root, 'assets/app-1234.js')).toBe(path.join(root, 'assets', 'app-1234.js'));
    expect(resolveInside(root, 'assets/name%20with%20space.png')).toBe(path.join(root, 'assets', 'name with space.png'));
  });

  it.each(['../secret', 'assets/../../secret', '%2e%2e/secret', 'assets/%2E%2E/%2e%2e/etc/passwd', '..%2fsecret', '..%5csecret', 'a/%00b', 'C:%5cwindows', '.', '', '%E0%A4%A'])('refuses %j', (relative) => {
    expect(resolveInside(root, relative)).toBeUndefined();
  });

  it('splits safe segments and rejects encoded separators', () => {
    expect(safeSegments('/a/b//c')).toEqual(['a', 'b', 'c']);
    expect(safeSegments('/a%2Fb')).toBeUndefined();
  });
});

describe('request classification', () => {
  it('serves the renderer at the root and workspace files under /files/', () => {
    expect(classifyAppRequest('app://sanad/')).toEqual({ kind: 'renderer', relativePath: 'index.html' });
    expect(classifyAppRequest('app://sanad/assets/index-abc.js?v=1#x')).toEqual({ kind: 'renderer', relativePath: 'assets/index-abc.js' });
    expect(classifyAppRequest('app://sanad/files/source/abc123.pdf')).toEqual({ kind: 'files', urlPath: 'source/abc123.pdf' });
    expect(classifyAppRequest('app://sanad/files/bundle/hazara-2025/Bundle%20A.pdf')).toEqual({ kind: 'files', urlPath: 'bundle/hazara-2025/Bundle A.pdf' });
  });

  it('refuses other hosts, other schemes and traversal', () => {
    expect(classifyAppRequest('app://other/index.html').kind).toBe('refused');
    expect(classifyAppRequest('https://sanad/index.html').kind).toBe('refused');
    expect(classifyAppRequest('app://sanad/files/..%2f..%2fcases').kind).toBe('refused');
    expect(classifyAppRequest('app://sanad/files/').kind).toBe('refused');
    // The URL parser folds literal dot segments before we see them: this stays inside the renderer.
    expect(classifyAppRequest('app://sanad/../../etc/passwd')).toEqual({ kind: 'renderer', relativePath: 'etc/passwd' });
    // Encoded dots are folded too: out of /files/ and back into the renderer folder, never the workspace.
    expect(classifyAppRequest('app://sanad/files/%2e%2e/%2e%2e/workspace.json')).toEqual({ kind: 'renderer', relativePath: 'workspace.json' });
  });

  it('knows the content types module scripts, workers and wasm need', () => {
    expect(contentTypeFor('a/index-1.js')).toMatch(/^text\/javascript/);
    expect(contentTypeFor('pdf.worker.min.mjs')).toMatch(/^text\/javascript/);
    expect(contentTypeFor('openjpeg.wasm')).toBe('application/wasm');
    expect(contentTypeFor('x.PDF')).toBe('application/pdf');
    expect(contentTypeFor('78-H.bcmap')).toBe('application/octet-stream');
  });
});

describe('the protocol handler', () => {
  let dir = '';
  let rendererRoot = '';
  let workspaceFile = '';
  const asked: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'sanad-protocol-'));
    rendererRoot = path.join(dir, 'dist-renderer');
    await mkdir(path.join(rendererRoot, 'assets'), { recursive: true });
    await writeFile(path.join(rendererRoot, 'index.html'), '<!doctype html><title>Sanad</title>');
    await writeFile(path.join(rendererRoot, 'assets', 'main.js'), 'console.log(1)');
    await writeFile(path.join(dir, 'secret.txt'), 'client data');
    workspaceFile = path.join(dir, 'document.pdf');
    await writeFile(workspaceFile, '%PDF-1.7\n');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  function handler() {
    return createAppRequestHandler({
      rendererRoot,
      resolveFile: async (urlPath) => {
        asked.push(urlPath);
        return urlPath === 'source/abc.pdf' ? workspaceFile : undefined;
      },
    });
  }

  it('serves index.html with the CSP and nosniff', async () => {
    const res = await handler()(new Request('app://sanad/'));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>Sanad</title>');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves scripts as JavaScript', async () => {
    const res = await handler()(new Request('app://sanad/assets/main.js'));
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await res.text()).toBe('console.log(1)');
  });

  it('serves workspace files through resolveFile, with the CSP', async () => {
    const res = await handler()(new Request('app://sanad/files/source/abc.pdf'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await res.text()).toBe('%PDF-1.7\n');
    expect(asked).toContain('source/abc.pdf');
  });

  it('answers 404 or 403, with the CSP, for missing files and escapes', async () => {
    for (const url of ['app://sanad/missing.js', 'app://sanad/files/source/nope.pdf', 'app://sanad/%2e%2e/secret.txt', 'app://sanad/assets/%2e%2e%2f%2e%2e%2fsecret.txt']) {
      const res = await handler()(new Request(url));
      expect([403, 404]).toContain(res.status);
      expect(await res.text()).not.toContain('client data');
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('answers only GET and HEAD', async () => {
    const res = await handler()(new Request('app://sanad/index.html', { method: 'POST', body: 'x' }));
    expect(res.status).toBe(405);
  });
});
