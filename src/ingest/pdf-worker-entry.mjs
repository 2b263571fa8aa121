// Entry of the PDF parsing worker when the core runs from TypeScript sources.
// pdfjs is preloaded (worker-preload.mjs), then tsx is registered and the worker loaded.
import '../pdf/worker-preload.mjs';
import { register } from 'tsx/esm/api';

register();
await import('./pdf-worker-thread.ts');
