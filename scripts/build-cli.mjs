// Bundles the command line into dist/cli.mjs for the `jianyi` bin. Dependencies stay external
// (better-sqlite3 is native), so the bundle is only the project's own code.
import { build } from 'esbuild';

await build({
  entryPoints: ['electron/cli/main.ts'],
  outfile: 'dist/cli.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
