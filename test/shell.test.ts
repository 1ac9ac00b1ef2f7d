import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { _electron } from 'playwright-core';
import { describe, expect, it, vi } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { contract, OPERATION_NAMES } from '../electron/common/api/contract';
import { NATIVE_FUNCTIONS } from '../electron/common/api/operation-names';

const exposed: Record<string, Record<string, (arg?: unknown) => unknown>> = {};
const invoke = vi.fn();
vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, value: Record<string, (arg?: unknown) => unknown>) => (exposed[key] = value),
  },
  ipcRenderer: { invoke: (...args: unknown[]) => invoke(...args) },
}));

describe('the preload', () => {
  it('exposes one named function per operation and the native functions, nothing else', async () => {
    await import('../electron/electron-main/preload');
    expect(Object.keys(exposed).sort()).toEqual(['jianyi', 'jianyiNative']);
    expect(Object.keys(exposed.jianyi!).sort()).toEqual([...OPERATION_NAMES].sort());
    expect(Object.keys(exposed.jianyiNative!).sort()).toEqual([...NATIVE_FUNCTIONS].sort());
    expect(Object.isFrozen(exposed.jianyi)).toBe(true);
    for (const name of OPERATION_NAMES) {
      exposed.jianyi![name]!({ x: 1 });
      expect(invoke).toHaveBeenLastCalledWith('jianyi:api', name, { x: 1 });
    }
    expect(Object.keys(contract).sort()).toEqual([...OPERATION_NAMES].sort());
  });
});

describe('the renderer bundle', () => {
  it('has no Node built-ins', () => {
    const assets = path.join('dist', 'renderer', 'assets');
    const files = fs.readdirSync(assets).filter((f) => f.endsWith('.js'));
    expect(files.length).toBeGreaterThan(0);
    const builtins = createRequire(import.meta.url)('node:module').builtinModules as string[];
    for (const file of files) {
      const code = fs.readFileSync(path.join(assets, file), 'utf8');
      expect(code).not.toMatch(/from\s*["']node:/);
      expect(code).not.toMatch(/\brequire\(\s*["']node:/);
      for (const name of [...builtins.filter((b) => !b.startsWith('_')), 'better-sqlite3', 'electron']) {
        const escaped = name.replace(/[/]/g, '\\/');
        expect(code, `the renderer imports ${name}`).not.toMatch(
          new RegExp(`(\\brequire\\(|\\bfrom\\s*|\\bimport\\s*\\()["']${escaped}["']`),
        );
      }
    }
  });
});

/** The source of every file under a folder with one of the extensions, by path. */
function sources(dir: string, extensions = ['.ts', '.tsx', '.html']): Map<string, string> {
  const found = new Map<string, string>();
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const file = path.join(entry.parentPath, entry.name);
    if (entry.isFile() && extensions.includes(path.extname(entry.name))) found.set(file, fs.readFileSync(file, 'utf8'));
  }
  return found;
}

describe('the Electron window', () => {
  const main = fs.readFileSync('electron/electron-main/main.ts', 'utf8');

  it('is created with the security settings of Electron’s checklist', () => {
    // Every window the shell creates, with the settings in its own webPreferences block.
    const windows = main.split('new BrowserWindow(').slice(1);
    expect(windows.length).toBeGreaterThan(0);
    for (const window of windows) {
      const preferences = /webPreferences:\s*\{([^}]*)\}/.exec(window)?.[1];
      expect(preferences, 'a BrowserWindow without webPreferences').toBeDefined();
      for (const setting of ['contextIsolation: true', 'sandbox: true', 'nodeIntegration: false', 'webSecurity: true'])
        expect(preferences).toContain(setting);
      expect(preferences).toContain("disableBlinkFeatures: 'Auxclick'");
    }
    // Nowhere in the main process or the page: the switches that undo the above.
    for (const [file, code] of [...sources('electron'), ...sources('renderer/src'), ...sources('renderer', ['.html'])]) {
      for (const unsafe of [
        'allowRunningInsecureContent',
        'experimentalFeatures',
        'enableBlinkFeatures',
        'nodeIntegrationInWorker',
        'nodeIntegrationInSubFrames',
        'webviewTag',
        'enableRemoteModule',
        'contextIsolation: false',
        'sandbox: false',
        'webSecurity: false',
        'nodeIntegration: true',
      ])
        expect(code, `${file} sets ${unsafe}`).not.toContain(unsafe);
    }
    expect(main).toContain("setWindowOpenHandler(() => ({ action: 'deny' }))");
    expect(main).toContain('setPermissionRequestHandler((_contents, _permission, callback) => callback(false))');
    expect(main).toContain('requestSingleInstanceLock');
    expect(main).toMatch(/onBeforeRequest\(\(details, callback\) =>\s*callback\(\{ cancel: !details\.url\.startsWith/);
  });

  it('asks before a window with unsaved edits closes or reloads (the page’s beforeunload)', () => {
    const main = fs.readFileSync(path.join('electron', 'electron-main', 'main.ts'), 'utf8');
    expect(main).toContain("webContents.on('will-prevent-unload'");
    expect(main).toContain('放弃修改并离开');
  });

  it('checks the sender of every IPC message before anything else', () => {
    // trusted(): the frame that sent the message must be the app's own page.
    expect(main).toMatch(
      /function trusted\(event: IpcMainInvokeEvent\): boolean \{\s*const url = event\.senderFrame\?\.url \?\? '';\s*return url\.startsWith\(`\$\{ORIGIN\}\/`\);\s*\}/,
    );
    expect(main).toMatch(/const ORIGIN = `\$\{SCHEME\}:\/\/jianyi`;/);
    // Each listener's first statement refuses an untrusted sender.
    const listeners = [...main.matchAll(/ipcMain\.(\w+)\(/g)];
    expect(listeners.length).toBeGreaterThanOrEqual(2); // jianyi:api and jianyi:native
    const checked = [...main.matchAll(/ipcMain\.handle\('[\w:]+', async \(event, [^)]*\) => \{\s*if \(!trusted\(event\)/g)];
    expect(checked.length).toBe(listeners.length);
    // No other file of the main process listens to IPC.
    for (const [file, code] of sources('electron'))
      if (file !== path.join('electron', 'electron-main', 'main.ts')) expect(code, file).not.toMatch(/ipcMain\./);
  });

  it('has one Content-Security-Policy: the header of app:// and the bridge, and the page’s own meta tag', async () => {
    const { CONTENT_SECURITY_POLICY } = await import('../electron/node/api/http-bridge');
    expect(main).toContain("'Content-Security-Policy': CONTENT_SECURITY_POLICY");
    const html = fs.readFileSync('renderer/index.html', 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"\s*\/>/.exec(html)?.[1];
    // frame-ancestors is ignored in a meta tag: it is sent only as a header.
    const withoutFrameAncestors = CONTENT_SECURITY_POLICY.split('; ')
      .filter((d) => !d.startsWith('frame-ancestors'))
      .join('; ');
    expect(meta).toBe(withoutFrameAncestors);
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  });

  it('disables an Electronegativity check only with a reason next to it', () => {
    let disabled = 0;
    for (const [file, code] of [...sources('electron'), ...sources('renderer/src'), ...sources('renderer', ['.html'])]) {
      for (const line of code.split('\n').filter((l) => l.includes('eng-disable'))) {
        disabled++;
        expect(line, file).toMatch(/eng-disable [A-Z_]+: \S.{10,}/);
      }
    }
    expect(disabled).toBeGreaterThan(0);
  });
});

describe('the installer', () => {
  const config = parseYaml(fs.readFileSync('electron-builder.yml', 'utf8')) as Record<string, unknown>;

  it('flips Electron’s fuses: no Node mode, no inspector, no NODE_OPTIONS, only the checked app.asar', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    // onlyLoadAppFromAsar needs the app packed into app.asar.
    expect(config.asar).toBe(true);
  });

  it('is a configuration electron-builder accepts (a misspelt fuse would be refused)', async () => {
    const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
    const { validateConfiguration } = fromBuilder('app-builder-lib/out/util/config/config') as {
      validateConfiguration: (config: unknown, logger: unknown) => Promise<void>;
    };
    const { DebugLogger } = fromBuilder('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(structuredClone(config), new DebugLogger(false))).resolves.toBeUndefined();
    const misspelt = { ...config, electronFuses: { ...(config.electronFuses as object), runAsNod: false } };
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(/electronFuses/);
  });
});

const electronBinary = (() => {
  try {
    const binary = createRequire(import.meta.url)('electron') as unknown;
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
})();

describe('Electron smoke test', () => {
  if (!electronBinary) {
    console.warn('Electron 冒烟测试已跳过：本机没有 Electron 运行环境（无法下载），只在有 Electron 的机器上启动真实程序。');
  }
  it.skipIf(!electronBinary)('launches the real app (skipped where the Electron binary is missing)', async () => {
    const app = await _electron.launch({
      executablePath: electronBinary!,
      args: ['.', '--db', path.join(fs.mkdtempSync('/tmp/jianyi-electron-'), 'a.db')],
    });
    const window = await app.firstWindow();
    await window.getByText('建议办理助手').first().waitFor();
    expect(await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    await app.close();
  });
});
