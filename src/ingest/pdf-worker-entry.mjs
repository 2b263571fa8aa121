// Entry of the PDF worker when the core runs from TypeScript sources (CLI,
// tests); the compiled app starts pdf-worker-thread.js directly. As in
// src/verify/worker-entry.mjs, pdfjs is loaded before tsx is registered and
// the built-ins its polyfills replace are put back, then the worker loads.
import { register } from 'tsx/esm/api';

const natives = [
  [Array.prototype, 'push', Array.prototype.push],
  [JSON, 'parse', JSON.parse],
  [JSON, 'stringify', JSON.stringify],
];
await import('pdfjs-dist/legacy/build/pdf.mjs');
await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
for (const [target, key, value] of natives) {
  const d = Object.getOwnPropertyDescriptor(target, key);
  if (d && d.value !== value) Object.defineProperty(target, key, { ...d, value });
}
register();
await import('./pdf-worker-thread.ts');
