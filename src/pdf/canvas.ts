/**
 * @napi-rs/canvas, loaded on first use. It is a native module (130–160 ms to
 * load, in every thread that loads pdfjs) that only rendering needs: OCR, the
 * redacted pages, the redaction check. pdfjs's legacy build requires it as it
 * loads, for the DOMMatrix, ImageData and Path2D it polyfills in Node and for
 * the canvases it renders on. deferCanvasForPdfjs() (pdfjs.ts calls it before
 * pdfjs loads) gives pdfjs stand-ins that load the real module when first
 * used, so text extraction, most of what Sanad asks of pdfjs, never loads it.
 * Sanad's own code gets it through canvasModule().
 */
import Module, { createRequire } from 'node:module';
import { join } from 'node:path';
import { packageDir } from '../paths.ts';

type CanvasModule = typeof import('@napi-rs/canvas');
type Deferred = 'DOMMatrix' | 'ImageData' | 'Path2D';

const load = createRequire(import.meta.url);
let real: CanvasModule | undefined;
/** Where pdfjs finds the module, while the stand-in is in require's cache there. */
let stubbedAt: string | undefined;

/** The real @napi-rs/canvas, loaded now if it was not yet. */
export function canvasModule(): CanvasModule {
  if (!real) {
    if (stubbedAt !== undefined) delete load.cache[stubbedAt];
    stubbedAt = undefined;
    real = load('@napi-rs/canvas') as CanvasModule;
  }
  return real;
}

/** A stand-in for the module's exports that loads the module on first use. */
function lazyExports(): object {
  return new Proxy({}, {
    get: (_t, key) => Reflect.get(canvasModule(), key),
    has: (_t, key) => key in canvasModule(),
    ownKeys: () => Reflect.ownKeys(canvasModule()),
    getOwnPropertyDescriptor: (_t, key) => {
      const d = Reflect.getOwnPropertyDescriptor(canvasModule(), key);
      return d && { ...d, configurable: true };
    },
  });
}

/** A stand-in for one of the module's classes: `new`, statics and `instanceof` reach the real class. */
function lazyClass(name: Deferred): unknown {
  const cls = () => canvasModule()[name] as unknown as new (...args: unknown[]) => object;
  const proxy: object = new Proxy(function deferred() {}, {
    // `new Stand-in()` makes an instance of the real class; a subclass's `new` keeps its own prototype.
    construct: (_t, args, newTarget) => Reflect.construct(cls(), args, newTarget === proxy ? cls() : newTarget),
    apply: (_t, self, args) => Reflect.apply(cls() as unknown as (...a: unknown[]) => unknown, self, args),
    get: (_t, key) => Reflect.get(cls(), key),
    has: (_t, key) => key in cls(),
  });
  return proxy;
}

/**
 * Puts the stand-ins where pdfjs looks (globalThis, and require's cache for
 * the path pdfjs requires). Does nothing where the globals exist already or
 * the module cannot be found (pdfjs then loads it, or warns, as before).
 */
export function deferCanvasForPdfjs(): void {
  if (real || stubbedAt !== undefined) return;
  const g = globalThis as Record<string, unknown>;
  const names: Deferred[] = ['DOMMatrix', 'ImageData', 'Path2D'];
  if (names.some((n) => g[n] !== undefined)) return;
  let path: string;
  try {
    path = createRequire(join(packageDir('pdfjs-dist'), 'legacy', 'build', 'pdf.mjs')).resolve('@napi-rs/canvas');
  } catch {
    return;
  }
  if (load.cache[path]) return;
  const stub = new Module(path);
  stub.filename = path;
  stub.loaded = true;
  stub.exports = lazyExports();
  load.cache[path] = stub;
  stubbedAt = path;
  // DOMMatrix is plain JavaScript in the package (geometry.js, the very class its index exports):
  // pdfjs builds one as it loads, so it gets the real class, without the native part.
  try {
    g.DOMMatrix = (createRequire(path)('./geometry.js') as { DOMMatrix: unknown }).DOMMatrix;
  } catch {
    g.DOMMatrix = lazyClass('DOMMatrix');
  }
  g.ImageData = lazyClass('ImageData');
  g.Path2D = lazyClass('Path2D');
}
