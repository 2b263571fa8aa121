/**
 * Electron entry point: only what must happen before the app is ready (the
 * privileged scheme, the sandbox for every renderer, the single-instance
 * lock, where the core finds its templates), then the rest of the wiring in
 * app.ts. app.ts is imported dynamically so SANAD_PACKAGE_ROOT is set before
 * the core's src/paths.ts reads it; the top-level await keeps `ready` waiting.
 */
import { app, protocol } from 'electron';
import { registerAppScheme } from './protocol.ts';

registerAppScheme(protocol);
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // Another Sanad owns the workspace: it is told through 'second-instance' and focuses its window.
  app.quit();
} else {
  // Templates and fonts are read relative to the package root (the folder or app.asar with package.json).
  process.env.SANAD_PACKAGE_ROOT ??= app.getAppPath();
  const { startSanad } = await import('./app.ts');
  startSanad();
}
