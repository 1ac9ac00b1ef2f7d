import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Store } from '../db/store';
import { dispatch } from '../electron/node/api/dispatch';
import { createHandlers } from '../electron/node/api/handlers';
import { generateDemo } from '../electron/node/demo/generate';
import { newStore } from './helpers/fixtures';

// Deleting (one proposal, several, a whole session) and importing can be undone: each takes a
// backup first, and undoing restores it, but only while nothing else has been saved since, so
// that undoing never throws away other work.

const TODAY = '2024-07-15';

async function setUp() {
  const store = await newStore();
  const demo = generateDemo(store, { today: TODAY });
  const handlers = createHandlers({ store, databaseFile: store.file, today: () => TODAY, version: 'test' });
  const call = async (name: string, input: unknown) => {
    const result = await dispatch(handlers, name, input);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as never;
  };
  return { store, demo, handlers, call };
}

/** Everything the clerk would see of a session: its ledger rows, with every field. */
const ledgerOf = (store: Store, sessionId: number) => JSON.stringify(store.proposals.ledger(sessionId));

describe('deleting and undoing', () => {
  it('deletes several proposals with all they hold, logs it, and undo brings every field back', async () => {
    const { store, demo, call } = await setUp();
    const before = ledgerOf(store, demo.current.id);
    const rows = store.proposals.ledger(demo.current.id);
    const going = rows.slice(3, 6);
    const withHandlings = going.map((p) => store.handling.handlings(p.id).length);
    expect(withHandlings.some((n) => n > 0)).toBe(true);

    const result: { deleted: number; numbers: string[]; undo: { action: string; backup: string; blocked: string | null } } =
      await call('proposals.delete', { sessionId: demo.current.id, ids: going.map((p) => p.id) });
    expect(result.deleted).toBe(3);
    expect(result.numbers).toEqual(going.map((p) => p.number));
    expect(result.undo).toMatchObject({ action: '删除 3 件建议', blocked: null });
    expect(fs.existsSync(result.undo.backup)).toBe(true);
    expect(store.proposals.countBySession(demo.current.id)).toBe(rows.length - 3);
    for (const p of going) {
      expect(() => store.proposals.get(p.id)).toThrow('可能已被删除');
      expect(store.handling.handlings(p.id)).toEqual([]);
      expect(store.events.forEntity('proposal', p.id).at(-1)).toMatchObject({ action: '删除', details: { number: p.number } });
    }
    const listed: { backups: { file: string; reason: string }[] } = await call('backup.list', {});
    expect(listed.backups.find((b) => b.file === result.undo.backup)?.reason).toBe('删除建议或会议前的自动备份');

    await expect(call('undo.last', { backup: 'x.db' })).rejects.toThrow('要撤销的已不是最近一次的操作');
    const undone: { undone: string } = await call('undo.last', { backup: result.undo.backup });
    expect(undone.undone).toBe('删除 3 件建议');
    expect(ledgerOf(store, demo.current.id)).toBe(before);
    for (const [i, p] of going.entries()) expect(store.handling.handlings(p.id).length).toBe(withHandlings[i]);
    // Undone once: there is nothing left to undo.
    expect(await call('undo.status', {})).toBeNull();
    await expect(call('undo.last', { backup: result.undo.backup })).rejects.toThrow('没有可以撤销的导入或删除。');
  });

  it('refuses to undo once something else was saved, and says where the backup is', async () => {
    const { store, demo, call } = await setUp();
    const [first, second] = store.proposals.ledger(demo.current.id);
    const { undo } = (await call('proposals.delete', { sessionId: demo.current.id, ids: [first!.id] })) as {
      undo: { action: string; backup: string };
    };
    expect(undo.action).toBe(`删除建议 ${first!.number}`);
    const detail: { proposal: { version: number } } = await call('proposals.get', { id: second!.id });
    await call('proposals.update', { id: second!.id, version: detail.proposal.version, fields: { title: '改过的标题' } });

    const status: { blocked: string } = await call('undo.status', {});
    expect(status.blocked).toContain('之后又有了其他修改');
    expect(status.blocked).toContain(undo.backup);
    await expect(call('undo.last', { backup: undo.backup })).rejects.toThrow('之后又有了其他修改');
    // Nothing was restored: the edit stands and the deleted proposal stays deleted.
    expect(store.proposals.get(second!.id).title).toBe('改过的标题');
    expect(() => store.proposals.get(first!.id)).toThrow();
  });

  it('refuses what is not in the session, and deletes nothing', async () => {
    const { store, demo, call } = await setUp();
    const other = store.proposals.ledger(demo.previous.id)[0]!;
    const mine = store.proposals.ledger(demo.current.id)[0]!;
    await expect(call('proposals.delete', { sessionId: demo.current.id, ids: [mine.id, other.id] })).rejects.toThrow(
      '有 1 件已不在会议',
    );
    expect(store.proposals.get(mine.id).id).toBe(mine.id);
    expect(store.proposals.get(other.id).id).toBe(other.id);
    expect(await call('undo.status', {})).toBeNull();
  });

  it('deletes a whole session only under its own name, and undo brings it back with its figures', async () => {
    const { store, demo, call } = await setUp();
    const count = store.proposals.countBySession(demo.current.id);
    const stats = JSON.stringify(await call('stats.overview', { sessionId: demo.current.id }));
    const drafts = JSON.stringify(store.drafts.get(demo.current.id));
    await expect(call('sessions.delete', { id: demo.current.id, name: demo.previous.name })).rejects.toThrow('会议名称不符');
    const result: { deleted: string; proposals: number; undo: { backup: string } } = await call('sessions.delete', {
      id: demo.current.id,
      name: demo.current.name,
    });
    expect(result).toMatchObject({ deleted: demo.current.name, proposals: count });
    expect(store.sessions.findByName(demo.current.name)).toBeNull();
    expect(store.sessions.list().map((s) => s.name)).toEqual([demo.previous.name]);

    await call('undo.last', { backup: result.undo.backup });
    const back = store.sessions.getByName(demo.current.name);
    expect(store.proposals.countBySession(back.id)).toBe(count);
    expect(JSON.stringify(await call('stats.overview', { sessionId: back.id }))).toBe(stats);
    expect(JSON.stringify(store.drafts.get(back.id))).toBe(drafts);
  });

  it('undoes an import over work typed in the app, back to what was typed', async () => {
    const { store, demo, call } = await setUp();
    const before = ledgerOf(store, demo.current.id);
    const first = store.proposals.ledger(demo.current.id)[0]!;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('台账');
    sheet.addRow(['建议号', '标题', '答复日期']);
    sheet.addRow([first.number, '台账里的另一个标题', '2024-06-30']);
    const contentBase64 = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const report: { committed: boolean } = await call('import.commit', {
      fileName: '重新导出的台账.xlsx',
      contentBase64,
      sessionName: demo.current.name,
    });
    expect(report.committed).toBe(true);
    expect(store.proposals.get(first.id).title).toBe('台账里的另一个标题');
    const status: { action: string; backup: string; blocked: null } = await call('undo.status', {});
    expect(status).toMatchObject({ action: '导入「重新导出的台账.xlsx」', blocked: null });

    await call('undo.last', { backup: status.backup });
    expect(ledgerOf(store, demo.current.id)).toBe(before);
  });
});
