// Bundles the Electron main process (ES module) and the preload (CommonJS, as a sandboxed preload
// must be) into dist/electron. Dependencies stay external; electron-builder ships node_modules.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['electron'],
  sourcemap: true,
  logLevel: 'warning',
};
await build({
  ...common,
  format: 'esm',
  entryPoints: ['electron/electron-main/main.ts'],
  outfile: 'dist/electron/main.mjs',
  packages: 'external',
});
await build({ ...common, entryPoints: ['electron/electron-main/preload.ts'], outfile: 'dist/electron/preload.cjs' });
// The letter worker beside the main bundle, where batches look for it.
await build({
  ...common,
  format: 'esm',
  entryPoints: ['electron/node/documents/generate/letter-worker.ts'],
  outfile: 'dist/electron/letter-worker.mjs',
  packages: 'external',
});
