// The database file deleted or replaced while the program runs: nothing is "saved" into the
// void, and the next start never puts an empty database (or its backup) in place of the data.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAutoBackup, listBackups } from '../db/backups';
import { newestGoodBackup, openForUse } from '../db/recovery';
import { EMPTY_PROPOSAL } from '../electron/common/entities/proposal';
import { openStore } from '../db/store';
import { dispatch } from '../electron/node/api/dispatch';
import { createHandlers } from '../electron/node/api/handlers';
import { startWeb } from '../electron/node/web/main';
import { tempDir } from './helpers/fixtures';

async function filled(file: string) {
  const store = await openStore(file);
  const session = store.sessions.create({ name: '区七届人大三次会议', year: 2024 });
  const id = store.proposals.insert(session.id, {
    ...EMPTY_PROPOSAL,
    number: '1',
    title: '关于甲的建议',
  });
  return { store, id };
}

describe('a database file deleted while the program runs', () => {
  it('refuses every later save in words instead of reporting it saved', async () => {
    const file = path.join(tempDir(), '台账.db');
    const { store, id } = await filled(file);
    const handlers = createHandlers({ store, databaseFile: file, today: () => '2024-07-15', version: 'test' });
    expect((await dispatch(handlers, 'proposals.update', { id, version: 1, fields: { notes: '删除前' } })).ok).toBe(true);
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    for (let i = 0; i < 8; i++) {
      const saved = await dispatch(handlers, 'proposals.update', { id, version: 2 + i, fields: { notes: `第${i}次` } });
      expect(saved).toMatchObject({ ok: false, error: { message: expect.stringContaining('已被删除、移动或替换') } });
    }
    expect(() => store.transaction(() => store.proposals.update(id, { notes: 'x' }))).toThrow('本程序已停止保存');
    store.close();
  });

  it('refuses too when another file was put in its place', async () => {
    const dir = tempDir();
    const file = path.join(dir, '台账.db');
    const { store, id } = await filled(file);
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    fs.copyFileSync(file, path.join(dir, '副本.db'));
    fs.rmSync(file);
    fs.renameSync(path.join(dir, '副本.db'), file);
    const handlers = createHandlers({ store, databaseFile: file, today: () => '2024-07-15', version: 'test' });
    expect(await dispatch(handlers, 'proposals.update', { id, version: 1, fields: { notes: '替换后' } })).toMatchObject({
      ok: false,
    });
    store.close();
  });

  it('at the next start, offers the newest backup that holds data, never a new empty one unasked', async () => {
    const dir = tempDir();
    const file = path.join(dir, '台账.db');
    const { store } = await filled(file);
    await createAutoBackup(store.db, file, '启动', { now: () => new Date(2024, 6, 1, 9) });
    store.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });

    // The browser mode explains and stops; it does not make an empty database in its place.
    await expect(startWeb({ db: file, port: 0 })).rejects.toThrow('要从这份备份恢复，请加上 --recover');
    expect(fs.existsSync(file)).toBe(false);

    // Even if an empty database was made once (and backed up), the offer is the one with data.
    const empty = await openStore(file);
    await createAutoBackup(empty.db, file, '定时', { now: () => new Date(2024, 6, 2, 9) });
    empty.close();
    expect(listBackups(file)).toHaveLength(2);
    expect(newestGoodBackup(file)!.createdAt).toEqual(new Date(2024, 6, 1, 9));

    // An empty database gets no start-up backup of its own.
    const opened = await openForUse(file, { onDamaged: async () => false });
    expect(listBackups(file)).toHaveLength(2);
    opened.store.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    const restored = await startWeb({ db: file, port: 0, recover: true });
    await restored.close();
    const back = await openStore(file);
    expect(back.sessions.list().map((s) => s.name)).toEqual(['区七届人大三次会议']);
    back.close();
  });
});
