import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { _electron } from 'playwright-core';
import { describe, expect, it, vi } from 'vitest';
import { contract, OPERATION_NAMES } from '../electron/api/contract';
import { NATIVE_FUNCTIONS } from '../electron/api/operation-names';

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
    await import('../electron/shell/preload');
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

describe('the Electron window', () => {
  it('is created with the security settings of Electron’s checklist', () => {
    const main = fs.readFileSync('electron/shell/main.ts', 'utf8');
    for (const setting of ['contextIsolation: true', 'sandbox: true', 'nodeIntegration: false', 'webSecurity: true'])
      expect(main).toContain(setting);
    expect(main).toContain("setWindowOpenHandler(() => ({ action: 'deny' }))");
    expect(main).toContain('setPermissionRequestHandler((_contents, _permission, callback) => callback(false))');
    expect(main).toContain('requestSingleInstanceLock');
    expect(main).toMatch(/onBeforeRequest\(\(details, callback\) =>\s*callback\(\{ cancel: !details\.url\.startsWith/);
    expect(main).toContain('if (!trusted(event))');
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
