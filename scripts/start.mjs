// npm start: the desktop app; where the Electron runtime is missing (it cannot be downloaded on
// an intranet machine without a local copy), say so in one line and serve the same UI in the
// browser instead.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
let electron = null;
try {
  electron = require('electron');
} catch {
  electron = null;
}
const run = (command, commandArgs) =>
  spawn(command, commandArgs, { stdio: 'inherit', shell: process.platform === 'win32' }).on('exit', (code) =>
    process.exit(code ?? 0),
  );

if (typeof electron === 'string' && existsSync(electron)) {
  const build = spawn('npm', ['run', 'build:app'], { stdio: 'inherit', shell: process.platform === 'win32' });
  build.on('exit', (code) => (code ? process.exit(code) : run(electron, ['.', ...args])));
} else {
  console.log('本机没有 Electron 运行环境，改为在浏览器中打开同样的界面（npm run web）。');
  run('npx', ['tsx', 'electron/node/web/main.ts', ...args]);
}
