// Entry of a text-extraction worker when the core runs from TypeScript sources.
// pdfjs is preloaded (worker-preload.mjs), then tsx is registered and the worker loaded.
import './worker-preload.mjs';
import { register } from 'tsx/esm/api';

register();
await import('./text-worker.ts');
