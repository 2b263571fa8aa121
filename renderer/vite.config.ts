/**
 * Builds the renderer into ../dist-renderer as a self-contained bundle: relative
 * asset paths (served from the app's custom scheme or the test harness), the
 * pdf.js worker and fonts bundled locally, nothing fetched from a CDN. pdf.js'
 * standard fonts and CMaps are copied to dist-renderer/pdfjs/ so documents that
 * do not embed their fonts (Helvetica, Times, CJK CMaps) still render right.
 */
// This file runs in Node at build time, not in the sandboxed renderer the lint rule guards.
import { cpSync, createReadStream, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, normalize, resolve } from 'node:path';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import react from '@vitejs/plugin-react';

const PDFJS_ROOT = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const PDFJS_ASSETS = ['standard_fonts', 'cmaps'] as const;
const OUT_DIR = resolve(import.meta.dirname, '../dist-renderer');

/** Serves pdf.js' font data under /pdfjs/ in dev and copies it into the build. */
function pdfjsAssets(): Plugin {
  return {
    name: 'sanad-pdfjs-assets',
    configureServer(server) {
      server.middlewares.use('/pdfjs', (req, res, next) => {
        const rel = normalize(decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/')).replace(/^[/\\]+/, '');
        const file = join(PDFJS_ROOT, rel);
        if (!PDFJS_ASSETS.some((d) => file.startsWith(join(PDFJS_ROOT, d))) || !existsSync(file) || !statSync(file).isFile()) return next();
        createReadStream(file).pipe(res);
      });
    },
    writeBundle() {
      for (const dir of PDFJS_ASSETS) cpSync(join(PDFJS_ROOT, dir), join(OUT_DIR, 'pdfjs', dir), { recursive: true });
    },
  };
}

/**
 * Preloads the Latin Noto Sans faces the first screen uses: the stylesheet names them only once it
 * has been parsed, and the first layout would otherwise be done in a fallback font and redone.
 */
function preloadFirstFonts(): Plugin {
  return {
    name: 'sanad-preload-fonts',
    apply: 'build',
    transformIndexHtml(html, ctx) {
      const files = Object.keys(ctx.bundle ?? {}).filter((f) => /(^|\/)noto-sans-latin-[4-7]00-normal-[\w-]+\.woff2$/.test(f));
      return {
        html,
        tags: files.sort().map((f) => ({
          tag: 'link',
          attrs: { rel: 'preload', as: 'font', type: 'font/woff2', href: `./${f}`, crossorigin: '' },
          injectTo: 'head' as const,
        })),
      };
    },
  };
}

const config: UserConfig = {
  root: import.meta.dirname,
  base: './',
  plugins: [react(), pdfjsAssets(), preloadFirstFonts()],
  build: {
    // Relative to root (renderer/).
    outDir: '../dist-renderer',
    emptyOutDir: true,
    target: 'es2023',
    chunkSizeWarningLimit: 2500,
    sourcemap: false,
  },
  worker: { format: 'es' },
};

export default defineConfig(({ command }) => {
  // A build is always the production build, whatever NODE_ENV the shell or a test runner set
  // (vitest sets "test"): otherwise React's development build goes in, twice the size, with
  // every effect run twice under StrictMode.
  if (command === 'build') process.env.NODE_ENV = 'production';
  return config;
});
