// Bundles the command line into dist/cli.mjs for the `jianyi` bin. Dependencies stay external
// (better-sqlite3 is native), so the bundle is only the project's own code.
import { build } from 'esbuild';

// The letter worker is a second entry: batches load it beside the bundle (dist/letter-worker.mjs).
await build({
  entryPoints: { cli: 'electron/node/cli/main.ts', 'letter-worker': 'electron/node/documents/generate/letter-worker.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
