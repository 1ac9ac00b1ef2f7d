// Every writer of documents, exports and backups refuses a path that would overwrite the
// database or anything that is not its kind of file, and asks before replacing or creating.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../electron/node/api/dispatch';
import { exportLedgerFile } from '../electron/node/ledger/export-ledger';
import { newDemoApi } from './helpers/api';
import { docxText } from './helpers/docx';

const hash = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

async function setup() {
  const { store, demo, documents, handlers } = await newDemoApi('jianyi-docs-home-');
  const report = (out: string, flags: { overwrite?: boolean; createFolder?: boolean } = {}) =>
    dispatch(handlers, 'documents.report', { sessionId: demo.current.id, out, ...flags });
  return { store, demo, handlers, documents, report };
}

describe('documents are never written over the database', () => {
  it('refuses the live database, its -wal and -shm files and its backup folder, and keeps answering', async () => {
    const { store, report } = await setup();
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    const before = hash(store.file);
    for (const target of [store.file, `${store.file}-wal`, `${store.file}-shm`]) {
      const result = await report(target, { overwrite: true, createFolder: true });
      expect(result).toMatchObject({ ok: false });
    }
    // Even named as a document, inside the database's backup folder.
    const folder = path.join(path.dirname(store.file), 'test-自动备份');
    const inFolder = await report(path.join(folder, '报告.docx'), { overwrite: true, createFolder: true });
    expect(inFolder).toMatchObject({ ok: false, error: { message: expect.stringContaining('自动备份文件夹') } });
    expect(fs.existsSync(folder)).toBe(false);
    expect(hash(store.file)).toBe(before);
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    // The database still answers: a write goes through.
    expect(store.sessions.list().length).toBe(2);
  });

  it('refuses a name of another kind, and never replaces a file that is not a Word document', async () => {
    const { documents, report } = await setup();
    expect(await report(path.join(documents, '报告.txt'))).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('应以 .docx 结尾') },
    });
    const disguised = path.join(documents, '合同.docx');
    fs.writeFileSync(disguised, '这不是 Word 文档，是别人的文件');
    const before = hash(disguised);
    expect(await report(disguised, { overwrite: true })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('不是 Word 文档，不能覆盖它') },
    });
    expect(hash(disguised)).toBe(before);
  });

  it('asks before replacing a report, and before creating a folder; adds .docx; resolves a relative path in the documents folder', async () => {
    const { documents, report } = await setup();
    const first = await report('报告');
    expect(first).toEqual({ ok: true, value: { file: path.join(documents, '报告.docx') } });
    const edited = path.join(documents, '报告.docx');
    const before = hash(edited);
    expect(await report('报告.docx')).toMatchObject({ ok: false, error: { code: 'exists' } });
    expect(hash(edited)).toBe(before);
    expect(await report('报告.docx', { overwrite: true })).toMatchObject({ ok: true });
    expect(docxText(edited)).toContain('办理情况的报告');

    const nested = path.join(documents, '2024年', '报告.docx');
    expect(await report(nested)).toMatchObject({ ok: false, error: { code: 'no-folder' } });
    expect(fs.existsSync(path.dirname(nested))).toBe(false);
    expect(await report(nested, { createFolder: true })).toMatchObject({ ok: true, value: { file: nested } });
  });

  it('keeps letters, the ledger export and backups to the same rule', async () => {
    const { store, demo, handlers, documents } = await setup();
    const backups = path.join(path.dirname(store.file), 'test-自动备份');
    fs.mkdirSync(backups, { recursive: true });
    expect(
      await dispatch(handlers, 'documents.letters', { sessionId: demo.current.id, outDir: backups, createFolder: true }),
    ).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('自动备份文件夹') },
    });
    expect(
      await dispatch(handlers, 'documents.letters', { sessionId: demo.current.id, outDir: '答复函', only: ['1'] }),
    ).toMatchObject({
      ok: false,
      error: { code: 'no-folder' },
    });
    expect(
      await dispatch(handlers, 'documents.letters', {
        sessionId: demo.current.id,
        outDir: '答复函',
        only: ['1'],
        createFolder: true,
      }),
    ).toMatchObject({ ok: true });
    expect(fs.readdirSync(path.join(documents, '答复函'))).toHaveLength(1);

    await expect(exportLedgerFile(store, demo.current, store.file, { overwrite: true })).rejects.toThrow('应以 .xlsx 结尾');
    const sheet = path.join(documents, '台账.xlsx');
    await exportLedgerFile(store, demo.current, sheet);
    await expect(exportLedgerFile(store, demo.current, sheet)).rejects.toThrow('已经存在');
    await exportLedgerFile(store, demo.current, sheet, { overwrite: true });

    expect(await dispatch(handlers, 'backup.create', { file: store.file })).toMatchObject({ ok: false });
    expect(await dispatch(handlers, 'backup.create', { file: '备份' })).toMatchObject({
      ok: true,
      value: { file: path.join(documents, '备份.db') },
    });
  });
});
