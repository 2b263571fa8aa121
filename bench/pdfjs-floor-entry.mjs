// Entry of a pdfjs-floor thread when the benchmarks run from TypeScript sources (the tests):
// pdfjs is preloaded (src/pdf/worker-preload.mjs), then tsx is registered and the script loaded.
import '../src/pdf/worker-preload.mjs';
import { register } from 'tsx/esm/api';

register();
await import('./pdfjs-floor.ts');
