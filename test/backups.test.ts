import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backupBefore, scheduleBackups } from '../db/backup-occasions';
import {
  backupFolder,
  createAutoBackup,
  inspectDatabaseFile,
  listBackups,
  pruneBackups,
  writeVerifiedBackup,
} from '../db/backups';
import { checkDatabaseOnStart, openForUse, recoverFromBackup } from '../db/recovery';
import { openStore } from '../db/store';
import { UserError } from '../electron/common/domain/errors';
import { createHandlers } from '../electron/node/api/handlers';
import { dispatch } from '../electron/node/api/dispatch';
import { startWeb } from '../electron/node/web/main';
import { tempDir } from './helpers/fixtures';
import { EMPTY_PROPOSAL } from '../electron/common/entities/proposal';

async function storeWithSession(file: string, sessionName = '区七届人大三次会议') {
  const store = await openStore(file, { actor: '测试' });
  store.sessions.create({ name: sessionName, year: 2024 });
  return store;
}

const sessionNames = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT name FROM sessions ORDER BY id').all() as { name: string }[]).map((r) => r.name);
  } finally {
    db.close();
  }
};

/** Overwrites bytes in the middle of a closed database file, the way a failing disk would. */
function damage(file: string): void {
  const size = fs.statSync(file).size;
  const handle = fs.openSync(file, 'r+');
  try {
    const garbage = Buffer.alloc(Math.min(8192, size - 4096), 0x5a);
    fs.writeSync(handle, garbage, 0, garbage.length, 4096);
  } finally {
    fs.closeSync(handle);
  }
}

describe('automatic backups', () => {
  it('are made with the online backup API into a folder beside the database, checked, and listed newest first', async () => {
    const dir = tempDir();
    const file = path.join(dir, '台账.db');
    const store = await storeWithSession(file);
    const first = await createAutoBackup(store.db, file, '启动', { now: () => new Date(2026, 10, 22, 8, 0, 0) });
    store.sessions.create({ name: '区七届人大四次会议', year: 2025 });
    const second = await createAutoBackup(store.db, file, '定时', { now: () => new Date(2026, 10, 22, 8, 20, 0) });
    // The same second twice gets a numbered name, never an overwrite.
    const third = await createAutoBackup(store.db, file, '定时', { now: () => new Date(2026, 10, 22, 8, 20, 0) });
    store.close();

    expect(path.dirname(first.file)).toBe(path.join(dir, '台账-自动备份'));
    expect(path.basename(first.file)).toBe('台账-20261122-080000-启动.db');
    expect(path.basename(third.file)).toBe('台账-20261122-082000-定时-2.db');
    expect(listBackups(file).map((b) => [path.basename(b.file), b.reason])).toEqual([
      ['台账-20261122-082000-定时.db', '定时'],
      ['台账-20261122-082000-定时-2.db', '定时'],
      ['台账-20261122-080000-启动.db', '启动'],
    ]);
    expect(sessionNames(first.file)).toEqual(['区七届人大三次会议']);
    expect(sessionNames(second.file)).toEqual(['区七届人大三次会议', '区七届人大四次会议']);
    expect(inspectDatabaseFile(second.file)).toEqual({ ok: true, version: expect.any(Number), empty: false });
    // Nothing but the backups themselves: no partial file, no -wal or -shm beside them, even
    // after they have been read.
    for (const backup of listBackups(file)) expect(inspectDatabaseFile(backup.file).ok).toBe(true);
    expect(fs.readdirSync(backupFolder(file)).filter((n) => !n.endsWith('.db'))).toEqual([]);
  });

  it('never lets a half-written backup count, and reports a failed one in Chinese', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.db');
    const store = await storeWithSession(file);
    // A leftover of a backup killed half-way is not a backup.
    fs.mkdirSync(backupFolder(file));
    fs.writeFileSync(path.join(backupFolder(file), '.a-20261122-080000-启动.db.partial'), 'half');
    fs.writeFileSync(path.join(backupFolder(file), 'a-20261122-070000-启动.db'), 'SQLite format 3\0 but cut short');
    expect(listBackups(file)).toHaveLength(1);
    expect(inspectDatabaseFile(listBackups(file)[0]!.file).ok).toBe(false);
    // The target folder is missing.
    const missing = path.join(dir, 'no-such-folder', 'x.db');
    await expect(writeVerifiedBackup(store.db, missing)).rejects.toThrow(UserError);
    await expect(writeVerifiedBackup(store.db, missing)).rejects.toThrow(/无法写入备份|没有权限/);
    expect(fs.existsSync(missing)).toBe(false);
    store.close();
  });

  it('keep the last few of today, the newest of each earlier day, a fixed total, and every pre-upgrade copy', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'r.db');
    const store = await storeWithSession(file);
    const retention = { today: 3, days: 5, imports: 2, total: 6 };
    const at = (day: number, hour: number) => new Date(2026, 10, day, hour, 0, 0);
    await createAutoBackup(store.db, file, '升级前-v1', { now: () => at(1, 9), retention });
    for (const day of [10, 14, 17, 18, 19, 20, 21]) {
      for (const hour of [9, 12, 15]) await createAutoBackup(store.db, file, '启动', { now: () => at(day, hour), retention });
    }
    for (const hour of [8, 9, 10, 11, 12]) await createAutoBackup(store.db, file, '定时', { now: () => at(22, hour), retention });
    store.close();
    const kept = listBackups(file).map((b) => path.basename(b.file));
    expect(kept).toEqual([
      'r-20261122-120000-定时.db',
      'r-20261122-110000-定时.db',
      'r-20261122-100000-定时.db',
      'r-20261121-150000-启动.db',
      'r-20261120-150000-启动.db',
      'r-20261119-150000-启动.db',
      // Upgrade copies are never rotated away.
      'r-20261101-090000-升级前-v1.db',
    ]);
    // Pruning again changes nothing.
    expect(pruneBackups(file, at(22, 13), retention)).toEqual([]);
  });

  it('keep the last few made before imports whatever their day', async () => {
    const file = path.join(tempDir(), 'i.db');
    const store = await storeWithSession(file);
    const retention = { today: 2, days: 1, imports: 3, total: 10 };
    for (const day of [3, 5, 7, 9]) {
      await createAutoBackup(store.db, file, '导入前', { now: () => new Date(2026, 10, day, 10), retention });
    }
    for (const hour of [8, 9, 10])
      await createAutoBackup(store.db, file, '定时', { now: () => new Date(2026, 10, 22, hour), retention });
    store.close();
    expect(listBackups(file).map((b) => path.basename(b.file))).toEqual([
      'i-20261122-100000-定时.db',
      'i-20261122-090000-定时.db',
      'i-20261109-100000-导入前.db',
      'i-20261107-100000-导入前.db',
      'i-20261105-100000-导入前.db',
    ]);
  });

  it('survive a wrong clock: nothing dated in the future is deleted, and the new backup stays', async () => {
    const file = path.join(tempDir(), 'clock.db');
    const store = await storeWithSession(file);
    const retention = { today: 2, days: 30, imports: 2, total: 40 };
    for (let day = 1; day <= 20; day++) {
      await createAutoBackup(store.db, file, '启动', { now: () => new Date(2026, 10, day, 9), retention });
    }
    // The CMOS battery died: the clock says 2020.
    const made = await createAutoBackup(store.db, file, '启动', { now: () => new Date(2020, 0, 1, 8), retention });
    store.close();
    expect(fs.existsSync(made.file)).toBe(true);
    expect(listBackups(file)).toHaveLength(21);
  });

  it('made by two imports in the same second both succeed under different names', async () => {
    const file = path.join(tempDir(), 'twice.db');
    const store = await storeWithSession(file);
    const now = () => new Date(2026, 10, 22, 9, 0, 0);
    const both = await Promise.all([
      createAutoBackup(store.db, file, '导入前', { now }),
      createAutoBackup(store.db, file, '导入前', { now }),
    ]);
    store.close();
    expect(new Set(both.map((b) => b.file)).size).toBe(2);
    for (const backup of both) expect(inspectDatabaseFile(backup.file).ok).toBe(true);
  });

  it('that fail are reported in words and remembered for the settings screen', async () => {
    const file = path.join(tempDir(), 'full.db');
    const store = await storeWithSession(file);
    const fullDisk = {
      name: file,
      backup: async () => {
        throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
      },
    } as unknown as typeof store.db;
    await expect(createAutoBackup(fullDisk, file, '定时')).rejects.toThrow('磁盘空间不足，无法写入备份');
    const handlers = createHandlers({ store, databaseFile: file, today: () => '2024-07-15', version: 't' });
    expect(await dispatch(handlers, 'backup.list', {})).toMatchObject({
      ok: true,
      value: { problem: expect.stringContaining('磁盘空间不足') },
    });
    await createAutoBackup(store.db, file, '定时');
    expect(await dispatch(handlers, 'backup.list', {})).toMatchObject({ ok: true, value: { problem: null } });
    store.close();
  });

  it('are made periodically only when something changed', async () => {
    const file = path.join(tempDir(), 'p.db');
    const store = await storeWithSession(file);
    const schedule = scheduleBackups(store.db, file, { intervalMs: 3_600_000 });
    try {
      expect(await schedule.runOnce()).toBeNull();
      store.sessions.create({ name: '新会议', year: 2025 });
      const made = await schedule.runOnce();
      expect(made?.reason).toBe('定时');
      expect(sessionNames(made!.file)).toContain('新会议');
      expect(await schedule.runOnce()).toBeNull();
    } finally {
      schedule.stop();
      store.close();
    }
  });

  it('are copied in one step, so that another connection writing all the time cannot make them start over', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'busy.db');
    const store = await storeWithSession(file);
    // About 8 MB of reply texts: some 2,000 pages, twenty steps of the API's default 100 pages.
    const session = store.sessions.getByName('区七届人大三次会议');
    store.transaction(() => {
      for (let i = 1; i <= 2000; i++) {
        store.proposals.insert(session.id, {
          ...EMPTY_PROPOSAL,
          number: String(i),
          title: `建议${i}`,
          replyText: '答'.repeat(1300),
        });
      }
    });
    const other = new Database(file);
    let writes = 0;
    let copying = true;
    const write = () => {
      if (!copying) return;
      other
        .prepare(
          "INSERT INTO app_settings (key, value, updated_at) VALUES ('tick', ?, 'x') ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        )
        .run(String(++writes));
      setImmediate(write);
    };
    setImmediate(write);
    const target = path.join(dir, 'copy.db');
    try {
      await writeVerifiedBackup(store.db, target);
    } finally {
      copying = false;
      other.close();
    }
    expect(writes).toBeGreaterThan(0);
    expect(inspectDatabaseFile(target)).toMatchObject({ ok: true });
    const copy = new Database(target, { readonly: true });
    expect((copy.prepare('SELECT count(*) AS n FROM proposals').get() as { n: number }).n).toBe(2000);
    copy.close();
    store.close();
  }, 60_000);

  it('leave nothing of a restore killed half-way: its staging copy is swept at the next start', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'k.db');
    const store = await storeWithSession(file);
    store.close();
    // A process that has ended: its id is free, as a killed restore's is.
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    fs.mkdirSync(backupFolder(file), { recursive: true });
    const staging = path.join(backupFolder(file), `.恢复中.db.${dead}.1.partial`);
    for (const suffix of ['', '-wal', '-shm']) fs.writeFileSync(staging + suffix, 'x'.repeat(1000));
    // A staging copy of a restore still running (this process) stays.
    const running = path.join(backupFolder(file), `.恢复中.db.${process.pid}.7.partial`);
    fs.writeFileSync(running, 'y');
    const started = await openForUse(file, { onDamaged: async () => false, startupBackup: false });
    started.store.close();
    const left = fs.readdirSync(backupFolder(file)).filter((n) => n.startsWith('.'));
    expect(left).toEqual([path.basename(running)]);
  });

  it('are made at start (not for a new file), before an import commits, and before a restore', async () => {
    const dir = tempDir();
    const file = path.join(dir, 's.db');
    const refuse = async () => false;
    const fresh = await openForUse(file, { onDamaged: refuse });
    expect(listBackups(file)).toEqual([]);
    fresh.store.sessions.create({ name: '会议甲', year: 2024 });
    fresh.store.close();
    const again = await openForUse(file, { onDamaged: refuse });
    expect(listBackups(file).map((b) => b.reason)).toEqual(['启动']);

    const handlers = createHandlers({ store: again.store, databaseFile: file, today: () => '2024-07-15', version: 't' });
    const csv = '建议号,标题,领衔代表,主办单位\n1,关于增设公交站点的建议,张三,区交通运输局\n';
    const input = { contentBase64: Buffer.from(csv).toString('base64'), fileName: '台账.csv', sessionName: '会议甲' };
    expect((await dispatch(handlers, 'import.preview', input)).ok).toBe(true);
    expect(listBackups(file)).toHaveLength(1);
    expect((await dispatch(handlers, 'import.commit', input)).ok).toBe(true);
    const beforeImport = listBackups(file).find((b) => b.reason === '导入前')!;
    const count = (f: string) => {
      const db = new Database(f, { readonly: true });
      const n = (db.prepare('SELECT count(*) AS n FROM proposals').get() as { n: number }).n;
      db.close();
      return n;
    };
    expect(count(beforeImport.file)).toBe(0);

    const listed = await dispatch(handlers, 'backup.list', {});
    expect(listed).toMatchObject({ ok: true, value: { folder: backupFolder(file) } });
    const entries = (listed as { value: { backups: { reason: string; createdAt: string }[] } }).value.backups;
    expect(entries.map((e) => e.reason).sort()).toEqual(['导入台账前的自动备份', '程序启动时的自动备份'].sort());
    expect(entries[0]!.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);

    // Restoring the pre-import backup first saves the current data, so the restore can be undone.
    const restored = await dispatch(handlers, 'backup.restore', { file: beforeImport.file });
    expect(restored.ok).toBe(true);
    const saved = (restored as { value: { savedCurrentAs: string } }).value.savedCurrentAs;
    expect(path.dirname(saved)).toBe(backupFolder(file));
    expect(count(saved)).toBe(1);
    expect(again.store.proposals.countBySession(again.store.sessions.list()[0]!.id)).toBe(0);
    again.store.close();
  });

  it('refuse an import when the backup before it cannot be written', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'f.db');
    const store = await storeWithSession(file);
    // A file where the backup folder should be: the backup cannot be made.
    fs.writeFileSync(backupFolder(file), 'not a folder');
    const handlers = createHandlers({ store, databaseFile: file, today: () => '2024-07-15', version: 't' });
    const csv = '建议号,标题,领衔代表,主办单位\n1,关于增设公交站点的建议,张三,区交通运输局\n';
    const result = await dispatch(handlers, 'import.commit', {
      contentBase64: Buffer.from(csv).toString('base64'),
      fileName: '台账.csv',
      sessionName: '区七届人大三次会议',
    });
    expect(result).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('导入前的自动备份没有成功，为安全起见没有导入') },
    });
    expect(store.proposals.countBySession(store.sessions.list()[0]!.id)).toBe(0);
    store.close();
  });
});

describe('start-up check and recovery', () => {
  async function damagedWithBackup() {
    const dir = tempDir();
    const file = path.join(dir, '建议办理助手.db');
    const store = await storeWithSession(file);
    for (let i = 0; i < 400; i++) store.units.ensure([`测试单位${i}`.repeat(20)]);
    await createAutoBackup(store.db, file, '启动', { now: () => new Date(2026, 10, 21, 9, 30, 0) });
    store.sessions.create({ name: '备份之后的会议', year: 2025 });
    store.close();
    damage(file);
    return { dir, file };
  }

  it('finds a damaged database and explains what restoring the newest good backup would lose', async () => {
    const { file } = await damagedWithBackup();
    const report = checkDatabaseOnStart(file)!;
    expect(report).not.toBeNull();
    expect(report.backup?.reason).toBe('启动');
    expect(report.message).toContain('已损坏');
    expect(report.message).toContain('2026年11月21日 09:30');
    expect(report.message).toContain('此后录入、导入或修改的内容将会丢失');
    expect(report.message).toContain(backupFolder(file));
  });

  it('skips a damaged backup and offers the newest good one', async () => {
    const { file } = await damagedWithBackup();
    fs.writeFileSync(path.join(backupFolder(file), '建议办理助手-20261122-080000-定时.db'), Buffer.alloc(8192, 7));
    expect(checkDatabaseOnStart(file)?.backup?.createdAt).toEqual(new Date(2026, 10, 21, 9, 30, 0));
  });

  it('leaves everything as it was when the clerk declines', async () => {
    const { file } = await damagedWithBackup();
    const before = fs.readFileSync(file);
    await expect(openForUse(file, { onDamaged: async () => false })).rejects.toThrow('已损坏');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('keeps the damaged file aside and opens the restored backup when the clerk accepts', async () => {
    const { file } = await damagedWithBackup();
    const damagedBytes = fs.readFileSync(file);
    const asked: string[] = [];
    const started = await openForUse(file, {
      onDamaged: async (report) => {
        asked.push(report.message);
        return true;
      },
      now: () => new Date(2026, 10, 22, 10, 0, 0),
    });
    expect(asked).toHaveLength(1);
    expect(started.recovered?.damagedKeptAs).toBe(path.join(backupFolder(file), '建议办理助手-20261122-100000-损坏.db'));
    expect(fs.readFileSync(started.recovered!.damagedKeptAs!).equals(damagedBytes)).toBe(true);
    expect(started.store.sessions.list().map((s) => s.name)).toEqual(['区七届人大三次会议']);
    started.store.close();
    expect(inspectDatabaseFile(file).ok).toBe(true);
    // The damaged copy is not offered as a backup.
    expect(listBackups(file).some((b) => b.file.includes('损坏'))).toBe(false);
  });

  it('refuses to guess when there is no backup, and says where backups would be', async () => {
    const file = path.join(tempDir(), 'nobackup.db');
    const store = await storeWithSession(file);
    for (let i = 0; i < 400; i++) store.units.ensure([`单位${i}`.repeat(20)]);
    store.close();
    damage(file);
    let offered = false;
    await expect(
      openForUse(file, {
        onDamaged: async (report) => {
          offered = report.backup !== null;
          return true;
        },
      }),
    ).rejects.toThrow('没有找到可用的备份');
    expect(offered).toBe(false);
  });

  it('treats a cut-short file as damage too', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'cut.db');
    const store = await storeWithSession(file);
    for (let i = 0; i < 400; i++) store.units.ensure([`单位${i}`.repeat(20)]);
    await createAutoBackup(store.db, file, '手动');
    store.close();
    fs.truncateSync(file, 5000);
    const report = checkDatabaseOnStart(file);
    expect(report?.backup?.reason).toBe('手动');
    const aside = await recoverFromBackup(file, report!.backup!.file);
    expect(fs.statSync(aside).size).toBe(5000);
    expect(inspectDatabaseFile(file).ok).toBe(true);
  });

  it('does not call a locked database damaged, and offers nothing that would replace it', async () => {
    const file = path.join(tempDir(), 'locked.db');
    const store = await storeWithSession(file);
    await createAutoBackup(store.db, file, '启动');
    store.close();
    const holder = new Database(file);
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.exec('BEGIN EXCLUSIVE');
    try {
      let offered = false;
      const started = Date.now();
      await expect(
        openForUse(file, {
          onDamaged: async () => {
            offered = true;
            return true;
          },
        }),
      ).rejects.toThrow('正被其他程序使用');
      expect(offered).toBe(false);
      expect(Date.now() - started).toBeLessThan(15_000);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    expect(fs.readdirSync(backupFolder(file)).some((n) => n.includes('损坏'))).toBe(false);
  }, 30_000);

  it('offers the newest backup when the database file is gone, or a new empty one', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'gone.db');
    const store = await storeWithSession(file);
    await createAutoBackup(store.db, file, '启动');
    store.close();
    fs.rmSync(file);
    const report = checkDatabaseOnStart(file);
    expect(report?.kind).toBe('missing');
    expect(report?.message).toContain('找不到数据库文件');
    const declined = await openForUse(file, { onDamaged: async () => false });
    expect(declined.store.sessions.list()).toEqual([]);
    declined.store.close();
    fs.rmSync(file);
    for (const suffix of ['-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    const accepted = await openForUse(file, { onDamaged: async () => true });
    expect(accepted.recovered?.damagedKeptAs).toBeNull();
    expect(accepted.store.sessions.list().map((s) => s.name)).toEqual(['区七届人大三次会议']);
    accepted.store.close();
  });

  it('does not call a foreign SQLite file damaged: the normal refusal explains it', async () => {
    const file = path.join(tempDir(), 'other.db');
    const other = new Database(file);
    other.exec('CREATE TABLE t (x)');
    other.close();
    expect(checkDatabaseOnStart(file)).toBeNull();
    await expect(openForUse(file, { onDamaged: async () => true })).rejects.toThrow('不是建议办理助手的数据库');
  });
});

describe('a backup folder whose place is taken by a file', () => {
  const blocked = async (withData: boolean) => {
    const file = path.join(tempDir(), 'blocked.db');
    if (withData) (await storeWithSession(file)).close();
    fs.writeFileSync(backupFolder(file), '不是文件夹');
    return file;
  };
  const rawCode = /ENOTDIR|EEXIST|ENOENT|程序内部错误/;

  it('does not stop a new database from starting, and lists no backups', async () => {
    const file = await blocked(false);
    const { store, backupProblem } = await openForUse(file, { onDamaged: async () => false });
    expect(backupProblem).toBeNull();
    expect(listBackups(file)).toEqual([]);
    store.close();
  });

  it('lets an existing database start, saying in words why the start-up backup was not made', async () => {
    const file = await blocked(true);
    const { store, backupProblem } = await openForUse(file, { onDamaged: async () => false });
    expect(backupProblem).toContain(`「${backupFolder(file)}」`);
    expect(backupProblem).toContain('同名的文件');
    expect(backupProblem).not.toMatch(rawCode);
    store.close();
  });

  it('lets the browser mode start on it, and refuses in words (no stack) where the database cannot go', async () => {
    const server = await startWeb({ db: await blocked(false), port: 0 });
    await server.close();
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, '数据'), '一个文件');
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'electron/node/web/main.ts', '--db', path.join(dir, '数据', '台账.db'), '--port', '0'],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`「${path.join(dir, '数据')}」`);
    expect(run.stderr).not.toMatch(/\bat |ENOTDIR|EEXIST|程序内部错误/);
  }, 60_000);

  it('is said in words by backup.list, by a backup before an import and by a restore', async () => {
    const file = await blocked(true);
    const store = await openStore(file, { actor: '测试' });
    const handlers = createHandlers({ store, databaseFile: file, today: () => '2024-07-15', version: 't' });
    const listed = await dispatch(handlers, 'backup.list', {});
    expect(listed).toMatchObject({ ok: true, value: { backups: [], problem: expect.stringContaining('同名的文件') } });
    expect(JSON.stringify(listed)).not.toMatch(rawCode);
    await expect(backupBefore(store, '导入前')).rejects.toThrow(/没有导入：.*同名的文件/);
    await expect(backupBefore(store, '导入前')).rejects.not.toThrow(rawCode);
    const other = path.join(tempDir(), 'other.db');
    (await storeWithSession(other)).close();
    const restored = await dispatch(handlers, 'backup.restore', { file: other });
    expect(restored).toMatchObject({ ok: false, error: { message: expect.stringContaining('同名的文件') } });
    expect(JSON.stringify(restored)).not.toMatch(rawCode);
    store.close();
  });
});

describe('moving the database', () => {
  it('copies it, checked, to the new place and tells the shell', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.db');
    const store = await storeWithSession(file);
    const moved: string[] = [];
    const handlers = createHandlers({
      store,
      databaseFile: file,
      today: () => '2024-07-15',
      version: 't',
      onDatabaseMoved: (f) => moved.push(f),
    });
    const target = path.join(dir, '新位置.db');
    const result = await dispatch(handlers, 'database.move', { file: target });
    expect(result).toMatchObject({ ok: true, value: { file: target, restartNeeded: true } });
    expect(moved).toEqual([target]);
    expect(sessionNames(target)).toEqual(['区七届人大三次会议']);
    expect(await dispatch(handlers, 'database.move', { file: target })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('已经存在') },
    });
    expect(await dispatch(handlers, 'database.move', { file: path.join(dir, 'x.txt') })).toMatchObject({ ok: false });
    store.close();
  });
});
