#!/usr/bin/env node
// The `jianyi` command: runs the bundled command line (built by `npm run build:cli`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/cli.mjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('错误：命令行尚未构建，请先在项目目录运行 npm run build:cli（npm install 时会自动构建）。\n');
  process.exit(1);
}
const { runCli } = await import(bundle);
process.exitCode = await runCli(process.argv.slice(2));
