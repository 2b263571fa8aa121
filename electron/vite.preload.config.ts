/**
 * Bundles the preload into one CommonJS file, dist-electron/preload.cjs. A
 * sandboxed preload is evaluated as a classic script whose `require` knows
 * only 'electron' and a few built-ins, so relative imports must be inlined
 * and ESM syntax is not allowed. Only electron/bridge.ts and
 * electron/api-names.ts go in (type imports of the contract vanish).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../dist-electron', import.meta.url)),
    emptyOutDir: false,
    target: 'es2023',
    minify: false,
    sourcemap: false,
    copyPublicDir: false,
    lib: {
      entry: fileURLToPath(new URL('./preload.ts', import.meta.url)),
      formats: ['cjs'],
      fileName: () => 'preload.cjs',
    },
    rollupOptions: {
      external: ['electron'],
    },
  },
});
