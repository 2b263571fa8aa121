/**
 * Builds the renderer into ../dist-renderer as a self-contained bundle: relative
 * asset paths (served from the app's custom scheme or the test harness), the
 * pdf.js worker and fonts bundled locally, nothing fetched from a CDN.
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  build: {
    // Relative to root (renderer/).
    outDir: '../dist-renderer',
    emptyOutDir: true,
    target: 'es2023',
    chunkSizeWarningLimit: 2500,
    sourcemap: false,
  },
  worker: { format: 'es' },
});
