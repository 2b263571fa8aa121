/**
 * Every security decision of the shell as a pure function, so tests pin them:
 * the Content-Security-Policy, which URLs count as the app, which requests may
 * leave the renderer (none that reach a network), and the answers to
 * navigation, new windows and permission requests. main.ts and hardening.ts
 * only wire these to Electron.
 */

/** The app is served from `app://sanad/`: a privileged scheme registered in protocol.ts. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'sanad';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;
/** Workspace files (source PDFs, built bundles) under the app origin; see protocol.ts. */
export const APP_FILES_BASE_URL = `${APP_ORIGIN}/files/`;

/**
 * The policy sent with every response of the app scheme. pdf.js runs its
 * worker from the app's own files (or a blob: URL) and decodes JPEG 2000 and
 * ICC data with WebAssembly, hence 'wasm-unsafe-eval' (WebAssembly compilation
 * only; JavaScript eval stays forbidden). Inline styles are allowed for React
 * style props and pdf.js' text layer positioning. No remote host appears.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'", 'data:', 'blob:'],
  'worker-src': ["'self'", 'blob:'],
  'media-src': ["'none'"],
  'object-src': ["'none'"],
  'frame-src': ["'none'"],
  'child-src': ["'self'", 'blob:'],
  'manifest-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
  .join('; ');

function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** True for `app://sanad/...` and nothing else (not another host, not a look-alike). */
export function isAppUrl(url: string): boolean {
  const u = parseUrl(url);
  return u !== undefined && u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
}

/**
 * Whether the session lets a request through. Only the app's own scheme and
 * in-memory data (data:, blob: of the app origin) pass; http(s), ws(s), file,
 * ftp, devtools and every other scheme are cancelled, so nothing the renderer
 * does can reach a network or read arbitrary files.
 */
export function shouldAllowRequest(url: string): boolean {
  const u = parseUrl(url);
  if (!u) return false;
  if (u.protocol === 'data:') return true;
  // blob:app://sanad/<uuid>: the pathname is the creating origin's URL.
  if (u.protocol === 'blob:') return isAppUrl(u.pathname);
  return isAppUrl(url);
}

/** IPC is answered only for frames showing the app itself. */
export function isTrustedSender(frameUrl: string | undefined | null): boolean {
  return typeof frameUrl === 'string' && isAppUrl(frameUrl);
}

export type NavigationDecision = 'allow' | 'deny';

/** In-window navigation stays inside the app (a reload or an in-app route); anything else is refused. */
export function navigationDecision(url: string): NavigationDecision {
  return isAppUrl(url) ? 'allow' : 'deny';
}

/** `window.open`, target=_blank and middle-clicks never create a window. */
export function windowOpenDecision(_url: string): { action: 'deny' } {
  return { action: 'deny' };
}

/** Every permission (camera, notifications, clipboard read, geolocation, …) is refused, asked or checked. */
export function permissionDecision(_permission: string, _requestingUrl: string): boolean {
  return false;
}

/** <webview> is never attached. */
export function webviewDecision(): 'deny' {
  return 'deny';
}
