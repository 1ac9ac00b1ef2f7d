// Development and test entry of the letter worker: Node 20 does not pass tsx's loader on to
// worker threads, so this registers it and then runs the TypeScript worker. The bundle uses
// dist/letter-worker.mjs instead.
import { register } from 'tsx/esm/api';

register();
await import('./letter-worker.ts');
