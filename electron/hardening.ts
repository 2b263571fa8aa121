/**
 * Applies the decisions of security.ts to every webContents and session:
 * navigation off the app and redirects refused, no new windows, no
 * <webview>, no downloads, every permission denied, and every request that
 * is not for the app's own scheme (or data:/blob:) cancelled, so nothing can
 * reach the network.
 */
import type { Session, WebContents } from 'electron';
import { navigationDecision, permissionDecision, shouldAllowRequest, webviewDecision, windowOpenDecision } from './security.ts';

export function hardenWebContents(contents: WebContents): void {
  const refuseOffApp = (event: { url: string; preventDefault(): void }): void => {
    if (navigationDecision(event.url) === 'deny') {
      event.preventDefault();
      console.warn(`Refused navigation to ${event.url.slice(0, 120)}.`);
    }
  };
  contents.on('will-navigate', refuseOffApp);
  contents.on('will-frame-navigate', refuseOffApp);
  contents.on('will-redirect', refuseOffApp);
  contents.on('will-attach-webview', (event) => {
    if (webviewDecision() === 'deny') event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => windowOpenDecision(url));
}

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => callback(permissionDecision(permission, details.requestingUrl)));
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => permissionDecision(permission, requestingOrigin));
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const cancel = !shouldAllowRequest(details.url);
    if (cancel) console.warn(`Cancelled a request to ${details.url.slice(0, 120)}: Sanad works offline.`);
    callback({ cancel });
  });
  session.on('will-download', (event) => event.preventDefault());
}
