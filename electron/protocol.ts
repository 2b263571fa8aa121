/**
 * The app's own scheme, `app://sanad/`: the built renderer (dist-renderer/)
 * and, under `/files/`, the workspace files the viewer opens (through
 * resolveAppFile). Registered privileged (standard, secure, fetch, streaming)
 * so the renderer gets a real origin instead of file://, and every response
 * carries the Content-Security-Policy. Paths are resolved by pure functions
 * that refuse anything escaping their root.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Protocol, Session } from 'electron';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './security.ts';

export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  stream: true,
  corsEnabled: true,
  bypassCSP: false,
  allowServiceWorkers: false,
  codeCache: false,
} as const;

export type AppRequest =
  | { kind: 'renderer'; relativePath: string }
  | { kind: 'files'; urlPath: string }
  | { kind: 'refused'; reason: string };

/** Splits a URL path into decoded segments, or undefined when one would escape its folder. */
export function safeSegments(urlPathname: string): string[] | undefined {
  const segments: string[] = [];
  for (const raw of urlPathname.split('/')) {
    if (raw === '') continue;
    let seg: string;
    try {
      seg = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (seg === '.' || seg === '..' || seg.includes('/') || seg.includes('\\') || seg.includes('\0') || /^[a-z]:/i.test(seg)) return undefined;
    segments.push(seg);
  }
  return segments;
}

/** Decides what an `app:` URL asks for; other hosts and traversal attempts are refused. */
export function classifyAppRequest(url: string): AppRequest {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { kind: 'refused', reason: 'not a URL' };
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return { kind: 'refused', reason: 'not the app origin' };
  // WHATWG URL parsing already folds "/a/../b"; encoded dots (%2e%2e) and slashes are caught here.
  const segments = safeSegments(u.pathname);
  if (!segments) return { kind: 'refused', reason: 'path escapes its folder' };
  if (segments[0] === 'files') {
    if (segments.length < 2) return { kind: 'refused', reason: 'no file named' };
    return { kind: 'files', urlPath: segments.slice(1).join('/') };
  }
  return { kind: 'renderer', relativePath: segments.length === 0 ? 'index.html' : segments.join('/') };
}

/** Absolute path of a file inside `root`, or undefined when the relative path would leave it. */
export function resolveInside(root: string, relativePath: string): string | undefined {
  const segments = safeSegments(relativePath);
  if (!segments || segments.length === 0) return undefined;
  const base = path.resolve(root);
  const full = path.resolve(base, ...segments);
  return full.startsWith(base + path.sep) ? full : undefined;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
  '.ftl': 'text/plain; charset=utf-8',
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers on every app-scheme response. */
export function appResponseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}

export interface AppSchemeDeps {
  /** dist-renderer/: the built renderer. */
  rendererRoot: string;
  /** Maps "source/<id>.pdf" etc. to a workspace file (resolveAppFile), or undefined. */
  resolveFile: (urlPath: string) => Promise<string | undefined>;
}

function textResponse(status: number, message: string): Response {
  return new Response(message, { status, headers: appResponseHeaders('text/plain; charset=utf-8') });
}

/** The protocol handler as a plain function of a fetch Request (tests call it directly). */
export function createAppRequestHandler(deps: AppSchemeDeps): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
    const target = classifyAppRequest(request.url);
    let file: string | undefined;
    if (target.kind === 'renderer') file = resolveInside(deps.rendererRoot, target.relativePath);
    else if (target.kind === 'files') file = await deps.resolveFile(target.urlPath);
    if (!file) return textResponse(target.kind === 'refused' ? 403 : 404, 'Not found');
    try {
      const body = await readFile(file);
      return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: appResponseHeaders(contentTypeFor(file)) });
    } catch {
      return textResponse(404, 'Not found');
    }
  };
}

/** Must run before the app is ready (main.ts calls it at start-up). */
export function registerAppScheme(protocol: Protocol): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
}

export function serveAppScheme(session: Session, deps: AppSchemeDeps): void {
  session.protocol.handle(APP_SCHEME, createAppRequestHandler(deps));
}
