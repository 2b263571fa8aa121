// Entry of the printing thread when the core runs from TypeScript sources: tsx is registered first.
import { register } from 'tsx/esm/api';

register();
await import('./print-worker.ts');
