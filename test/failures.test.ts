// The machine gets in the way: a read-only database, a full disk, an output folder that is
// missing or read-only. Each gives a clear Chinese message and loses nothing.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openStore } from '../db/store';
import { createHandlers } from '../electron/node/api/handlers';
import { dispatch } from '../electron/node/api/dispatch';
import { generateDemo } from '../electron/node/demo/generate';
import { generateLetters } from '../electron/node/documents/generate/letters';
import { UserError } from '../electron/common/domain/errors';
import { tempDir } from './helpers/fixtures';
import { asRoot, clerkCli, NOBODY } from './helpers/clerk-cli';

const TODAY = '2024-07-15';
const hash = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
/**
 * Root ignores file permissions: run the CLI as an ordinary user then, the way a clerk would.
 * Null (after saying why) when this machine cannot run it as one.
 */
function cliAsClerk(args: string[]) {
  const { cli, reason } = clerkCli();
  if (!cli) {
    console.log(`提示：${reason}。`);
    return null;
  }
  return spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}),
  });
}

/** A folder the clerk may read but not write (owned by root when testing as root). */
function readOnlyFolder(): string {
  const dir = tempDir('jianyi-ro-');
  fs.chmodSync(dir, 0o755);
  return dir;
}
function finishReadOnly(path_: string): void {
  if (!asRoot) fs.chmodSync(path_, fs.statSync(path_).isDirectory() ? 0o555 : 0o444);
}
/** A folder the clerk may write. */
function writableFolder(): string {
  const dir = tempDir('jianyi-rw-');
  fs.chmodSync(dir, 0o777);
  return dir;
}

async function demoDatabase(dir: string): Promise<string> {
  const file = path.join(dir, 'demo.db');
  const store = await openStore(file);
  generateDemo(store, { today: TODAY });
  store.close();
  fs.chmodSync(file, 0o666);
  return file;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a read-only database', () => {
  it('is refused at opening with words, and not changed', async () => {
    const dir = readOnlyFolder();
    const file = await demoDatabase(dir);
    fs.chmodSync(file, 0o644);
    finishReadOnly(file);
    const before = hash(file);
    const result = cliAsClerk(['stats', '--db', file, '--session', '区七届人大三次会议']);
    if (!result) return;
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('是只读的');
    expect(result.stderr).toContain(file);
    expect(hash(file)).toBe(before);
    expect(fs.readdirSync(dir)).toEqual(['demo.db']);
  });

  it('in a folder the program cannot write is refused too (WAL needs files beside it)', async () => {
    const dir = readOnlyFolder();
    const file = await demoDatabase(dir);
    finishReadOnly(dir);
    const result = cliAsClerk(['stats', '--db', file, '--session', '区七届人大三次会议']);
    if (!asRoot) fs.chmodSync(dir, 0o755);
    if (!result) return;
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('不允许写入');
  });
});

describe('a full disk', () => {
  it('while importing: nothing is written and the message says why', async () => {
    const file = path.join(tempDir(), 'full.db');
    const store = await openStore(file);
    store.sessions.create({ name: '测试会议', year: 2024 });
    const handlers = createHandlers({ store, databaseFile: file, today: () => TODAY, version: 't' });
    // SQLite's own limit on the file's size makes every write past it fail with SQLITE_FULL,
    // exactly as a full disk does.
    const pages = store.db.pragma('page_count', { simple: true }) as number;
    store.db.pragma(`max_page_count = ${pages + 2}`);
    const rows = ['建议号,标题,领衔代表,主办单位'];
    for (let i = 1; i <= 500; i++) rows.push(`${i},关于第${i}项工作的建议,代表${i},区单位${i % 9}`);
    const result = await dispatch(handlers, 'import.commit', {
      contentBase64: Buffer.from(rows.join('\n')).toString('base64'),
      fileName: '台账.csv',
      sessionName: '测试会议',
    });
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringContaining('磁盘空间已满') } });
    expect(store.proposals.countBySession(store.sessions.list()[0]!.id)).toBe(0);
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    store.close();
  });

  it('while writing letters: the old files stay, no temporary file is left, the message says why', async () => {
    const dir = tempDir();
    const store = await openStore(path.join(dir, 'd.db'));
    const { current } = generateDemo(store, { today: TODAY });
    const outDir = path.join(dir, '答复函');
    const first = await generateLetters(store, {
      session: current,
      outDir,
      createFolder: true,
      kind: 'reply-letter',
      today: TODAY,
      only: ['1', '2'],
    });
    const before = first.files.map(hash);
    const realOpen = fs.promises.open;
    vi.spyOn(fs.promises, 'open').mockImplementation(async (...args: Parameters<typeof realOpen>) => {
      const handle = await realOpen(...args);
      handle.writeFile = async () => {
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      };
      return handle;
    });
    const attempt = generateLetters(store, {
      session: current,
      outDir,
      kind: 'reply-letter',
      today: TODAY,
      only: ['1', '2'],
      overwrite: true,
    });
    await expect(attempt).rejects.toBeInstanceOf(UserError);
    await expect(
      generateLetters(store, { session: current, outDir, kind: 'reply-letter', today: TODAY, only: ['1', '2'], overwrite: true }),
    ).rejects.toThrow('磁盘空间不足');
    vi.restoreAllMocks();
    expect(first.files.map(hash)).toEqual(before);
    expect(fs.readdirSync(outDir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    store.close();
  });
});

describe('the output folder', () => {
  it('missing: it is created when the clerk confirms, and only then', async () => {
    const dir = tempDir();
    const store = await openStore(path.join(dir, 'd.db'));
    const { current } = generateDemo(store, { today: TODAY });
    const outDir = path.join(dir, '新建', '答复函');
    const asked = generateLetters(store, { session: current, outDir, kind: 'reply-letter', today: TODAY, only: ['1'] });
    await expect(asked).rejects.toMatchObject({
      code: 'no-folder',
      message: expect.stringContaining('不存在。要新建这个文件夹，请确认'),
    });
    expect(fs.existsSync(path.join(dir, '新建'))).toBe(false);
    const result = await generateLetters(store, {
      session: current,
      outDir,
      kind: 'reply-letter',
      today: TODAY,
      only: ['1'],
      createFolder: true,
    });
    expect(result.files).toHaveLength(1);
    store.close();
  });

  it('impossible to create (a file stands in the way): a message, nothing written', async () => {
    const dir = tempDir();
    const store = await openStore(path.join(dir, 'd.db'));
    const { current } = generateDemo(store, { today: TODAY });
    fs.writeFileSync(path.join(dir, '文件'), 'x');
    const handlers = createHandlers({ store, databaseFile: path.join(dir, 'd.db'), today: () => TODAY, version: 't' });
    const result = await dispatch(handlers, 'documents.letters', {
      sessionId: current.id,
      outDir: path.join(dir, '文件', '答复函'),
      only: ['1'],
      createFolder: true,
    });
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringContaining('无法创建输出文件夹') } });
    store.close();
  });

  it('read-only: refused before anything is generated', async () => {
    const dir = writableFolder();
    const file = await demoDatabase(dir);
    const out = path.join(readOnlyFolder(), '答复函');
    fs.mkdirSync(out);
    fs.chmodSync(out, 0o755);
    finishReadOnly(out);
    const result = cliAsClerk(['letters', '--db', file, '--session', '区七届人大三次会议', '--out', out]);
    if (!asRoot) fs.chmodSync(out, 0o755);
    if (!result) return;
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toContain('是只读的，没有生成任何文件');
    expect(fs.readdirSync(out)).toEqual([]);
  });
});
