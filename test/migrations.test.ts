import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connection';
import { MIGRATIONS } from '../db/migrations';
import { createStore } from '../db/store';
import { UserError } from '../electron/common/domain/errors';
import { tempDir } from './helpers/fixtures';

const LATEST = MIGRATIONS.at(-1)!.version;

describe('opening and migrating a database', () => {
  it('creates a new database at the latest version with WAL and foreign keys', async () => {
    const file = path.join(tempDir(), 'new.db');
    const { db, fromVersion, toVersion, backupPath } = await openDatabase(file);
    expect([fromVersion, toVersion, backupPath]).toEqual([0, LATEST, null]);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const recorded = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
    expect(recorded).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    expect(() =>
      db
        .prepare(
          'INSERT INTO proposals (session_id, number, number_key, title, created_at, updated_at) VALUES (999, 1, 1, 1, 1, 1)',
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('refuses a database made by a newer version and leaves it untouched', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'future.db');
    const first = await openDatabase(file);
    first.db.pragma(`user_version = ${LATEST + 5}`);
    first.db.pragma('journal_mode = DELETE');
    first.db.close();
    const before = fs.readFileSync(file);
    const filesBefore = fs.readdirSync(dir).sort();

    const attempt = openDatabase(file);
    await expect(attempt).rejects.toBeInstanceOf(UserError);
    await expect(openDatabase(file)).rejects.toThrow(`数据库版本 ${LATEST + 5}，本程序只支持到版本 ${LATEST}`);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(filesBefore);
  });

  it('backs up an existing database before migrating it, then migrates', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.db');
    const v1 = MIGRATIONS.slice(0, 1);
    const first = await openDatabase(file, { migrations: v1 });
    first.db.prepare("INSERT INTO units (name, created_at) VALUES ('区教育局', 'x')").run();
    first.db.close();

    const v2 = [
      ...v1,
      { version: 2, name: 'test-column', sql: "ALTER TABLE units ADD COLUMN nickname TEXT NOT NULL DEFAULT ''" },
    ];
    const second = await openDatabase(file, { migrations: v2, now: () => new Date(2024, 9, 30, 8, 5, 9) });
    expect(second.fromVersion).toBe(1);
    expect(second.toVersion).toBe(2);
    expect(second.backupPath).toBe(path.join(dir, 'old-自动备份', 'old-20241030-080509-升级前-v1.db'));
    expect(second.db.prepare('SELECT name, nickname FROM units').all()).toEqual([{ name: '区教育局', nickname: '' }]);
    second.db.close();

    const backup = new Database(second.backupPath!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    expect(backup.prepare('SELECT name FROM units').all()).toEqual([{ name: '区教育局' }]);
    expect(backup.pragma('integrity_check', { simple: true })).toBe('ok');
    backup.close();
  });

  it('gives every session the joint-letter setting the documents had before it was a session setting', async () => {
    const file = path.join(tempDir(), 'v4.db');
    const v4 = await openDatabase(file, { migrations: MIGRATIONS.slice(0, 4) });
    for (const [name, year] of [
      ['甲会议', 2023],
      ['乙会议', 2024],
    ] as const)
      v4.db.prepare("INSERT INTO sessions (name, year, created_at, updated_at) VALUES (?, ?, 'x', 'x')").run(name, year);
    v4.db
      .prepare("INSERT INTO app_settings (key, value, updated_at) VALUES ('documents', ?, 'x')")
      .run(JSON.stringify({ jointLetters: 'per-deputy' }));
    v4.db.close();
    const latest = await openDatabase(file);
    expect(latest.fromVersion).toBe(4);
    expect(
      createStore(latest.db)
        .sessions.list()
        .map((s) => [s.name, s.jointLetters])
        .sort(),
    ).toEqual(
      [
        ['乙会议', 'per-deputy'],
        ['甲会议', 'per-deputy'],
      ].sort(),
    );
    latest.db.close();
  });

  it('does not back up or migrate a database that is already current', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'current.db');
    (await openDatabase(file)).db.close();
    const again = await openDatabase(file);
    expect(again.backupPath).toBeNull();
    expect(again.fromVersion).toBe(LATEST);
    again.db.close();
    expect(fs.readdirSync(dir).filter((f) => f.includes('备份'))).toEqual([]);
  });

  it('refuses files that are not its database', async () => {
    const dir = tempDir();
    const text = path.join(dir, 'notes.db');
    fs.writeFileSync(text, '这不是数据库'.repeat(100));
    await expect(openDatabase(text)).rejects.toThrow('不是建议办理助手的数据库文件');

    const foreign = path.join(dir, 'foreign.db');
    const other = new Database(foreign);
    other.exec('CREATE TABLE things (id INTEGER)');
    other.close();
    await expect(openDatabase(foreign)).rejects.toThrow('是其他程序的 SQLite 数据库');

    await expect(openDatabase(path.join(dir, 'missing-folder', 'x.db'))).rejects.toThrow('数据库所在的文件夹不存在');
  });

  it('keeps the event log append-only', async () => {
    const { db } = await openDatabase(path.join(tempDir(), 'events.db'));
    const store = createStore(db, { actor: '测试' });
    store.events.append({ entity: 'session', entityId: 1, action: '测试' });
    expect(() => db.prepare("UPDATE events SET action = '改'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM events').run()).toThrow(/append-only/);
    expect(store.events.count()).toBe(1);
    db.close();
  });
});

describe('a database whose user_version is not its schema’s', () => {
  /** A database migrated to `version`, holding one unit, closed with its header set to `header`. */
  async function withHeader(version: number, header: number) {
    const dir = tempDir();
    const file = path.join(dir, 'wrong-header.db');
    const { db } = await openDatabase(file, { migrations: MIGRATIONS.slice(0, version) });
    db.prepare("INSERT INTO units (name, created_at) VALUES ('区教育局', 'x')").run();
    db.pragma(`user_version = ${header}`);
    db.pragma('journal_mode = DELETE');
    db.close();
    return { dir, file };
  }
  const backups = (dir: string) => {
    const folder = path.join(dir, 'wrong-header-自动备份');
    return fs.existsSync(folder) ? fs.readdirSync(folder) : [];
  };
  const header = (file: string) => {
    const db = new Database(file, { readonly: true });
    try {
      return db.pragma('user_version', { simple: true });
    } finally {
      db.close();
    }
  };

  for (const wrong of [1, -1, 0]) {
    it(`opens a file of the latest schema whose header says ${wrong}: the header is set right, nothing migrated, no backup`, async () => {
      const { dir, file } = await withHeader(LATEST, wrong);
      const opened = await openDatabase(file);
      expect([opened.fromVersion, opened.toVersion, opened.backupPath]).toEqual([LATEST, LATEST, null]);
      expect(opened.db.prepare('SELECT name FROM units').all()).toEqual([{ name: '区教育局' }]);
      opened.db.close();
      expect(header(file)).toBe(LATEST);
      expect(backups(dir)).toEqual([]);
    });
  }

  it('migrates a version-2 file whose header says 1 from version 2, after one backup', async () => {
    const { dir, file } = await withHeader(2, 1);
    for (let attempt = 0; attempt < 2; attempt++) {
      const opened = await openDatabase(file, { now: () => new Date(2024, 9, 30, 8, 5, 9) });
      expect(opened.db.pragma('user_version', { simple: true })).toBe(LATEST);
      opened.db.close();
    }
    expect(backups(dir)).toEqual(['wrong-header-20241030-080509-升级前-v2.db']);
  });

  it('refuses a schema that is no version’s, in words, and leaves no backup however often it is tried', async () => {
    const { dir, file } = await withHeader(LATEST, 1);
    const db = new Database(file);
    db.exec('DROP TABLE templates');
    db.close();
    const before = fs.readFileSync(file);
    for (let attempt = 0; attempt < 3; attempt++) {
      const refused = openDatabase(file);
      await expect(refused).rejects.toBeInstanceOf(UserError);
      await expect(openDatabase(file)).rejects.toThrow(/记录的数据库版本（1）和它实际的表结构不符.*没有打开或改动它/);
    }
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(backups(dir)).toEqual([]);
  });

  it('leaves no second pre-upgrade backup when an upgrade fails and is tried again', async () => {
    const { dir, file } = await withHeader(1, 1);
    const failing = [
      ...MIGRATIONS.slice(0, 1),
      { version: 2, name: 'fails', sql: 'CREATE TABLE extra (x); SELECT * FROM missing' },
    ];
    for (let attempt = 0; attempt < 3; attempt++) await expect(openDatabase(file, { migrations: failing })).rejects.toThrow();
    expect(header(file)).toBe(1);
    expect(backups(dir)).toEqual([]);
  });
});
