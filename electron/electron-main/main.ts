// The desktop shell: a window, the app:// protocol serving the built UI, IPC to the API, native
// dialogs. Everything else (records, statistics, documents) is plain Node code it hosts.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  session,
  shell,
  type IpcMainInvokeEvent,
  type MenuItemConstructorOptions,
} from 'electron';
import { scheduleBackups } from '../../db/backup-occasions';
import { openForUse } from '../../db/recovery';
import { todayIso } from '../common/domain/dates';
import { errorMessage } from '../common/domain/user-message';
import { createHandlers } from '../node/api/handlers';
import { dispatch } from '../node/api/dispatch';
import { CONTENT_SECURITY_POLICY } from '../node/api/http-bridge';
import { NATIVE_FUNCTIONS } from '../common/api/operation-names';

/** Menu items that do one of Electron's standard roles, each with its Chinese label. */
function roleItems(...items: [role: MenuItemConstructorOptions['role'], label: string][]): MenuItemConstructorOptions[] {
  return items.map(([role, label]) => ({ role, label }));
}

const SCHEME = 'app';
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};
/** What the renderer may ask the system to open: documents and ledgers this app writes. */
const OPENABLE = new Set(['.docx', '.xlsx', '.zip', '.pdf']);
const ORIGIN = `${SCHEME}://jianyi`;
const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '..', 'renderer');

protocol.registerSchemesAsPrivileged([{ scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

if (!app.requestSingleInstanceLock()) {
  // A second instance would open the same database twice: hand over to the first one.
  app.quit();
}

interface Config {
  databasePath?: string;
  window?: { width: number; height: number; x?: number; y?: number; maximized?: boolean };
}

const configFile = () => path.join(app.getPath('userData'), 'config.json');
function readConfig(): Config {
  try {
    return JSON.parse(fs.readFileSync(configFile(), 'utf8')) as Config;
  } catch {
    return {};
  }
}
function writeConfig(config: Config): void {
  fs.mkdirSync(path.dirname(configFile()), { recursive: true });
  fs.writeFileSync(configFile(), JSON.stringify(config, null, 2));
}

/** The database: --db on the command line, the path chosen in settings, or the user-data folder. */
function databasePath(config: Config): string {
  const flag = process.argv.indexOf('--db');
  if (flag > 0 && process.argv[flag + 1]) return path.resolve(process.argv[flag + 1]!);
  return config.databasePath ?? path.join(app.getPath('userData'), '建议办理助手.db');
}

function trusted(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url ?? '';
  return url.startsWith(`${ORIGIN}/`);
}

function lockDown(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  // The app is offline by design: every request outside the app's own protocol is cancelled.
  ses.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !details.url.startsWith(`${SCHEME}:`) && !details.url.startsWith('devtools:') }),
  );
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event, url) => {
      if (!url.startsWith(`${ORIGIN}/`)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  protocol.handle(SCHEME, async (request) => {
    const url = new URL(request.url);
    const relative = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.resolve(rendererDir, relative);
    const target = file.startsWith(rendererDir + path.sep) && fs.existsSync(file) ? file : path.join(rendererDir, 'index.html');
    // Read from disk directly: a net.fetch of a file: URL would pass the request filter above,
    // which cancels everything that is not app:.
    const body = await fs.promises.readFile(target);
    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type': MIME[path.extname(target)] ?? 'application/octet-stream',
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
}

async function createWindow(config: Config): Promise<BrowserWindow> {
  const state = config.window ?? { width: 1360, height: 860 };
  const window = new BrowserWindow({
    width: state.width,
    height: state.height,
    x: state.x,
    y: state.y,
    minWidth: 1024,
    minHeight: 640,
    title: '建议办理助手',
    show: false,
    webPreferences: {
      preload: path.join(here, 'preload.cjs'), // eng-disable PRELOAD_JS_CHECK: reviewed; exposes named API functions only (test/shell.test.ts)
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      // A middle click would open a link in a new window: no link is to be opened at all.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    },
  });
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  const remember = () => {
    const bounds = window.getNormalBounds();
    writeConfig({ ...readConfig(), window: { ...bounds, maximized: window.isMaximized() } });
  };
  window.on('close', remember);
  // The page refuses to unload while something typed is not saved (its beforeunload): ask the
  // clerk here, as Electron shows no dialog of its own, and close or reload only on "离开".
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      buttons: ['留下继续编辑', '放弃修改并离开'],
      defaultId: 0,
      cancelId: 0,
      title: '有未保存的修改',
      message: '有未保存的修改',
      detail: '建议的编辑窗口或报告中还有没有保存的文字。离开后这些修改不会保存。',
    });
    if (choice === 1) event.preventDefault();
  });
  await window.loadURL(`${ORIGIN}/index.html`);
  return window;
}

function menu(window: BrowserWindow, database: string): void {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      {
        label: '文件',
        submenu: [
          { label: '在文件夹中显示数据库', click: () => shell.showItemInFolder(database) },
          { type: 'separator' },
          { role: 'quit', label: '退出' },
        ],
      },
      {
        label: '编辑',
        submenu: [
          ...roleItems(['undo', '撤销'], ['redo', '重做']),
          { type: 'separator' },
          ...roleItems(['cut', '剪切'], ['copy', '复制'], ['paste', '粘贴'], ['selectAll', '全选']),
        ],
      },
      {
        label: '视图',
        submenu: roleItems(
          ['reload', '刷新'],
          ['resetZoom', '实际大小'],
          ['zoomIn', '放大'],
          ['zoomOut', '缩小'],
          ['togglefullscreen', '全屏'],
        ),
      },
      {
        label: '帮助',
        submenu: [
          {
            label: '关于建议办理助手',
            click: () =>
              void dialog.showMessageBox(window, {
                title: '关于',
                message: `建议办理助手 ${app.getVersion()}`,
                detail: `数据库：${database}`,
              }),
          },
        ],
      },
    ]),
  );
}

async function start(): Promise<void> {
  await app.whenReady();
  lockDown();
  const config = readConfig();
  const database = databasePath(config);
  let store;
  try {
    const started = await openForUse(database, {
      onDamaged: async (report) => {
        const buttons =
          report.kind === 'missing' ? ['从这份备份恢复', '新建空数据库'] : report.backup ? ['从这份备份恢复', '退出'] : ['退出'];
        const choice = await dialog.showMessageBox({
          type: 'warning',
          title: report.kind === 'missing' ? '找不到数据库' : '数据库已损坏',
          message: report.kind === 'missing' ? '找不到数据库文件' : '数据库文件已损坏',
          detail: report.message,
          buttons,
          defaultId: buttons.length - 1,
          cancelId: buttons.length - 1,
          noLink: true,
        });
        return report.backup !== null && choice.response === 0;
      },
    });
    store = started.store;
    if (started.recovered) {
      await dialog.showMessageBox({
        type: 'info',
        title: '已从备份恢复',
        message: '已从备份恢复数据库',
        detail:
          `使用的备份：${started.recovered.from}` +
          (started.recovered.damagedKeptAs ? `\n损坏的文件保留在：${started.recovered.damagedKeptAs}` : ''),
      });
    }
    if (started.backupProblem) {
      // Not blocking: the clerk can work, but must know that no backup is being made.
      void dialog.showMessageBox({
        type: 'warning',
        title: '自动备份没有成功',
        message: '启动时的自动备份没有成功',
        detail: `${started.backupProblem}\n程序可以继续使用，但在问题解决之前没有新的备份。详情见“设置 → 自动备份”。`,
      });
    }
  } catch (error) {
    const { message } = errorMessage(error, '打开数据库');
    if (config.databasePath && !process.argv.includes('--db')) {
      // A database moved to a drive that is gone must not lock the clerk out.
      const choice = await dialog.showMessageBox({
        type: 'error',
        title: '无法打开数据库',
        message: '无法打开数据库',
        detail: `${message}\n\n可以改用默认位置的数据库（${path.join(app.getPath('userData'), '建议办理助手.db')}），之后再在“设置 → 数据库位置”中调整。`,
        buttons: ['改用默认位置', '退出'],
        defaultId: 1,
        cancelId: 1,
        noLink: true,
      });
      if (choice.response === 0) {
        const { databasePath: _dropped, ...rest } = readConfig();
        writeConfig(rest);
        app.relaunch();
      }
    } else {
      dialog.showErrorBox('无法打开数据库', message);
    }
    app.quit();
    return;
  }
  const schedule = scheduleBackups(store.db, database, { onError: (error) => console.error('[backup]', error) });
  const handlers = createHandlers({
    store,
    databaseFile: database,
    today: () => todayIso(),
    version: app.getVersion(),
    onDatabaseMoved: (file) => {
      // The copy is complete and checked; the next start opens it. Restart now so that no edit
      // goes to the old file.
      writeConfig({ ...readConfig(), databasePath: file });
      setTimeout(() => {
        app.relaunch();
        app.quit();
      }, 100);
    },
  });
  ipcMain.handle('jianyi:api', async (event, name: unknown, input: unknown) => {
    if (!trusted(event)) return { ok: false, error: { message: '请求来源不可信，已拒绝。', details: [] } };
    if (typeof name !== 'string') return { ok: false, error: { message: '请求有误。', details: [] } };
    return dispatch(handlers, name, input);
  });
  ipcMain.handle('jianyi:native', async (event, name: unknown, arg: unknown) => {
    if (!trusted(event) || !(NATIVE_FUNCTIONS as readonly unknown[]).includes(name)) return null;
    const window = BrowserWindow.fromWebContents(event.sender) ?? undefined;
    const options = (arg ?? {}) as { defaultPath?: string; filters?: { name: string; extensions: string[] }[]; path?: string };
    switch (name) {
      case 'pickFolder': {
        const result = await dialog.showOpenDialog(window!, {
          properties: ['openDirectory', 'createDirectory'],
          defaultPath: options.defaultPath,
        });
        return result.canceled ? null : result.filePaths[0];
      }
      case 'pickSaveFile': {
        const result = await dialog.showSaveDialog(window!, { defaultPath: options.defaultPath, filters: options.filters });
        return result.canceled ? null : result.filePath;
      }
      case 'pickOpenFile': {
        const result = await dialog.showOpenDialog(window!, { properties: ['openFile'], filters: options.filters });
        return result.canceled ? null : result.filePaths[0];
      }
      case 'openPath':
        // Never an arbitrary path: shell.openPath would run an .exe or .bat.
        if (
          typeof options.path !== 'string' ||
          !OPENABLE.has(path.extname(options.path).toLowerCase()) ||
          !fs.existsSync(options.path)
        )
          return null;
        return shell.openPath(options.path);
      case 'showInFolder':
        if (typeof options.path === 'string') shell.showItemInFolder(options.path);
        return null;
      default:
        return null;
    }
  });
  const window = await createWindow(config);
  menu(window, database);
  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => {
    schedule.stop();
    void schedule.runOnce().finally(() => {
      store.close();
      app.quit();
    });
  });
}

void start();
