// Pins every security setting of the shell: window options, the CSP, the
// request filter, navigation, new windows, permissions and trusted senders.
import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  CSP_DIRECTIVES,
  isAppUrl,
  isTrustedSender,
  navigationDecision,
  permissionDecision,
  shouldAllowRequest,
  webviewDecision,
  windowOpenDecision,
} from '../../electron/security.ts';
import { mainWindowOptions, printWindowOptions } from '../../electron/window-options.ts';

describe('main window options', () => {
  const options = mainWindowOptions({ preloadPath: '/app/dist-electron/preload.cjs' });
  const web = options.webPreferences ?? {};

  it('sandboxes the renderer and isolates the preload', () => {
    expect(web.sandbox).toBe(true);
    expect(web.contextIsolation).toBe(true);
  });

  it('gives the page no Node', () => {
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and turns off spellcheck, <webview> and drag-and-drop navigation', () => {
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.spellcheck).toBe(false);
    expect(web.webviewTag).toBe(false);
    expect(web.navigateOnDragDrop).toBe(false);
    expect(web.experimentalFeatures).toBe(false);
  });

  it('loads the bundled preload and stays hidden until ready-to-show', () => {
    expect(web.preload).toBe('/app/dist-electron/preload.cjs');
    expect(options.show).toBe(false);
    expect(options.title).toBe('Sanad');
    expect(options.minWidth).toBeGreaterThanOrEqual(800);
    expect(options.width).toBeGreaterThanOrEqual(options.minWidth ?? 0);
    expect(web.devTools).toBe(false);
  });

  it('adds the icon only when given', () => {
    expect('icon' in options).toBe(false);
    expect(mainWindowOptions({ preloadPath: '/p', iconPath: '/i.png' }).icon).toBe('/i.png');
  });
});

describe('print window options', () => {
  const options = printWindowOptions('sanad-print');
  const web = options.webPreferences ?? {};
  it('is hidden, sandboxed, script-free and in its own non-persistent session', () => {
    expect(options.show).toBe(false);
    expect(web.sandbox).toBe(true);
    expect(web.contextIsolation).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.javascript).toBe(false);
    expect(web.preload).toBeUndefined();
    expect(web.partition).toBe('sanad-print');
    expect(web.partition?.startsWith('persist:')).toBe(false);
  });
});

describe('Content-Security-Policy', () => {
  it('forbids eval, plugins, framing, base and form targets', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/'unsafe-eval'/);
    expect(CSP_DIRECTIVES['script-src']).not.toContain("'unsafe-inline'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("base-uri 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("form-action 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).toMatch(/^default-src 'self'/);
  });

  it('names no remote host or network scheme', () => {
    for (const sources of Object.values(CSP_DIRECTIVES)) {
      for (const source of sources) {
        expect(["'self'", "'none'", "'unsafe-inline'", "'wasm-unsafe-eval'", 'data:', 'blob:']).toContain(source);
      }
    }
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|wss?:|\*/);
  });

  it('lets pdf.js run its worker from the app or a blob', () => {
    expect(CSP_DIRECTIVES['worker-src']).toEqual(["'self'", 'blob:']);
  });
});

describe('app URLs and the request filter', () => {
  it('recognises only app://sanad', () => {
    expect(isAppUrl(`${APP_ORIGIN}/index.html`)).toBe(true);
    expect(isAppUrl('app://sanad/files/source/abc.pdf')).toBe(true);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('app://sanad.evil.com/')).toBe(false);
    expect(isAppUrl('app://user:pw@sanad/')).toBe(false);
    expect(isAppUrl('https://sanad/')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it.each([
    'http://example.com/',
    'https://example.com/report.pdf',
    'https://sanad/',
    'ws://localhost:8080/',
    'wss://example.com/socket',
    'file:///etc/passwd',
    'ftp://example.com/file',
    'chrome://settings',
    'javascript:alert(1)',
    'app://other/index.html',
    'blob:https://example.com/1234',
    '',
  ])('cancels %s', (url) => {
    expect(shouldAllowRequest(url)).toBe(false);
  });

  it.each(['app://sanad/index.html', 'app://sanad/assets/pdf.worker.mjs', 'data:font/woff2;base64,AAAA', 'blob:app://sanad/5d1c3a5e-0000-4000-8000-000000000000'])('allows %s', (url) => {
    expect(shouldAllowRequest(url)).toBe(true);
  });
});

describe('navigation, windows, permissions, senders', () => {
  it('denies navigation to any other origin', () => {
    expect(navigationDecision('app://sanad/index.html')).toBe('allow');
    for (const url of ['https://example.com/', 'http://localhost:5173/', 'file:///tmp/x.html', 'app://other/', 'about:blank', 'data:text/html,hi']) {
      expect(navigationDecision(url)).toBe('deny');
    }
  });

  it('denies window.open, even for app URLs', () => {
    expect(windowOpenDecision('https://example.com/')).toEqual({ action: 'deny' });
    expect(windowOpenDecision('app://sanad/index.html')).toEqual({ action: 'deny' });
  });

  it('denies every permission', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'openExternal', 'fullscreen', 'fileSystem', 'usb']) {
      expect(permissionDecision(p, 'app://sanad/index.html')).toBe(false);
    }
  });

  it('never attaches a <webview>', () => {
    expect(webviewDecision()).toBe('deny');
  });

  it('trusts only frames showing the app', () => {
    expect(isTrustedSender('app://sanad/index.html')).toBe(true);
    expect(isTrustedSender('https://example.com/')).toBe(false);
    expect(isTrustedSender('file:///index.html')).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender('')).toBe(false);
  });
});
