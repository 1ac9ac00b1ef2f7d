// npm run web -- [--db FILE] [--port N]: the product in a browser, for development, tests and
// machines where the desktop runtime is missing. Serves the built UI and the API on 127.0.0.1.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { scheduleBackups } from '../../../db/backup-occasions';
import { openForUse } from '../../../db/recovery';
import { todayIso } from '../../common/domain/dates';
import { UserError } from '../../common/domain/errors';
import { fileProblem } from '../../common/domain/system-errors';
import { errorMessage } from '../../common/domain/user-message';
import { createHandlers } from '../api/handlers';
import { startBridge, type Bridge } from '../api/http-bridge';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const RENDERER_DIR = path.join(root, 'dist', 'renderer');

/** Builds the UI with Vite unless a build is already there. */
export async function ensureRendererBuilt(force = false): Promise<void> {
  if (!force && fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) return;
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'renderer', 'vite.config.ts'), logLevel: 'warn' });
}

export interface WebServer extends Bridge {
  close(): Promise<void>;
}

export async function startWeb(options: {
  db: string;
  port?: number;
  today?: () => string;
  /** Restore the newest good backup if the database is damaged or gone (otherwise only explain). */
  recover?: boolean;
  /** The database is gone but backups of it remain: start a new, empty one anyway. */
  newDatabase?: boolean;
  /** Where relative paths typed in the browser are saved (default: the user's documents folder). */
  documentsDir?: string;
}): Promise<WebServer> {
  await ensureRendererBuilt();
  const folder = path.dirname(path.resolve(options.db));
  try {
    fs.mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new UserError(`无法建立数据库所在的文件夹「${folder}」：${fileProblem(error)}。请另选数据库的位置（--db）。`);
  }
  const { store, recovered, backupProblem } = await openForUse(options.db, {
    onDamaged: async (report) => {
      process.stderr.write(`${report.message}\n`);
      if (report.kind === 'missing' && !options.recover && !options.newDatabase) {
        // Never an empty database in its place without being asked: the backups would soon
        // hold only that empty one.
        throw new UserError(`${report.message}\n要从这份备份恢复，请加上 --recover 重新运行；确实要新建空数据库，请加上 --new。`);
      }
      if (report.backup && !options.recover) process.stderr.write('要从这份备份恢复，请加上 --recover 重新运行。\n');
      return options.recover === true;
    },
  });
  if (recovered) {
    process.stdout.write(
      `已从备份「${recovered.from}」恢复${recovered.damagedKeptAs ? `；损坏的文件保留在「${recovered.damagedKeptAs}」` : ''}。\n`,
    );
  }
  if (backupProblem) process.stderr.write(`警告：启动时的自动备份没有成功：${backupProblem}\n`);
  const schedule = scheduleBackups(store.db, path.resolve(options.db), {
    onError: (error) => process.stderr.write(`警告：定时自动备份没有成功：${errorMessage(error, '定时备份').message}\n`),
  });
  const version = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const handlers = createHandlers({
    store,
    databaseFile: path.resolve(options.db),
    today: options.today ?? (() => todayIso()),
    version,
    documentsDir: options.documentsDir,
  });
  const bridge = await startBridge({ handlers, port: options.port, staticDir: RENDERER_DIR });
  return {
    url: bridge.url,
    origin: bridge.origin,
    newLink: bridge.newLink,
    close: async () => {
      await bridge.close();
      schedule.stop();
      store.close();
    },
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      port: { type: 'string' },
      rebuild: { type: 'boolean' },
      recover: { type: 'boolean' },
      new: { type: 'boolean' },
    },
    allowPositionals: false,
  });
  if (values.rebuild) await ensureRendererBuilt(true);
  const db = values.db ?? path.join(root, 'data', '建议办理助手.db');
  const server = await startWeb({
    db,
    port: values.port ? Number(values.port) : 5173,
    recover: values.recover,
    newDatabase: values.new,
  });
  process.stdout.write(
    `建议办理助手已在浏览器中运行：${server.url}\n` +
      '请在浏览器中打开上面的链接。链接只能用一次，不要发给别人；要在另一个浏览器中打开，在这里按回车键得到新的链接。\n' +
      `数据库：${path.resolve(db)}\n按 Ctrl+C 退出。\n`,
  );
  if (process.stdin.isTTY) {
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', () => process.stdout.write(`新的链接（只能用一次）：${server.newLink()}\n`));
  }
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && /web[\\/]main\.ts$/.test(process.argv[1])) {
  main().catch((error) => {
    process.stderr.write(`错误：${errorMessage(error, '启动').message}\n`);
    process.exitCode = 1;
  });
}
