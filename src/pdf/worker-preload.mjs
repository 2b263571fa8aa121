// Shared first step of every worker entry that runs the core from TypeScript
// sources (CLI, tests, benchmarks; the compiled app starts its workers' .js
// directly). pdfjs is loaded before tsx is registered: through tsx's loader it
// takes ~1 s longer to load, and each worker loads its own. The built-ins its
// polyfills replace are put back here (as src/pdf/natives.ts does in the main
// thread); the entry then registers tsx and loads its TypeScript worker.
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
