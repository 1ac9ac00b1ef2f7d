import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMPTY_PROPOSAL } from '../electron/common/entities/proposal';
import { writeStreamAtomic } from '../electron/node/files/atomic-write';
import { exportLedgerFile } from '../electron/node/ledger/export-ledger';
import { dispatch } from '../electron/node/api/dispatch';
import { readSpreadsheetBuffer } from '../electron/node/ledger/read-table';
import { newDemoApi } from './helpers/api';
import { newStore, tempDir } from './helpers/fixtures';

const ROWS = 10_000;
/** What the export may add to the process's resident memory, whatever the number of rows. */
const GROWTH_MB = 180;

describe('the ledger export streams', () => {
  it(`exports ${ROWS.toLocaleString('en-US')} rows with long replies in bounded memory (measured in a process of its own)`, async () => {
    const store = await newStore();
    const session = store.sessions.create({ name: '内存会议', year: 2024 });
    const reply = '已会同有关部门现场踏勘，列入年度改造计划，分步实施。'.repeat(40);
    store.transaction(() => {
      const unit = store.units.ensure(['区教育局']).get('区教育局')!;
      for (let i = 1; i <= ROWS; i++) {
        const id = store.proposals.insert(session.id, {
          ...EMPTY_PROPOSAL,
          number: String(i),
          title: `关于第${i}项工作的建议`,
          replyDate: '2024-05-01',
          resultCode: 'A',
          // Every reply different, as in a real ledger.
          replyText: `第${i}号建议：${reply}`,
        });
        store.proposals.setPeopleAndUnits(id, { leadDeputies: [], coDeputies: [], leadUnit: unit, coUnits: [] });
      }
    });
    store.close();
    const out = path.join(tempDir(), '导出.xlsx');
    // Holding the whole workbook in memory, this grew by some 340 MB (and by 3.5 GB for 100,000 rows).
    const stdout = execFileSync(
      process.execPath,
      ['--import', 'tsx', path.join(import.meta.dirname, 'helpers', 'export-child.ts'), store.file, String(session.id), out],
      { encoding: 'utf8', cwd: path.dirname(import.meta.dirname) },
    );
    const figures = JSON.parse(stdout.trim().split('\n').at(-1)!) as { rows: number; beforeMb: number; peakMb: number };
    expect(figures.rows).toBe(ROWS);
    expect(figures.peakMb - figures.beforeMb).toBeLessThan(GROWTH_MB);
    expect(fs.statSync(out).size).toBeGreaterThan(100_000);
    // Written beside the target under a temporary name, then renamed: nothing else is left.
    expect(fs.readdirSync(path.dirname(out))).toEqual(['导出.xlsx']);
  });

  it('leaves the old file and no temporary file when the writing fails half-way', async () => {
    const dir = tempDir();
    const target = path.join(dir, '台账.xlsx');
    fs.writeFileSync(target, 'old');
    await expect(
      writeStreamAtomic(target, async (out) => {
        out.write(Buffer.alloc(1024 * 1024, 1));
        throw new Error('读库失败');
      }),
    ).rejects.toThrow('读库失败');
    // A failure of the disk while the producer waits on the stream ends the write at once.
    await expect(
      writeStreamAtomic(target, async (out) => {
        out.write('part');
        setImmediate(() => out.destroy(Object.assign(new Error('no space'), { code: 'ENOSPC' })));
        await new Promise(() => undefined);
      }),
    ).rejects.toThrow('磁盘空间不足');
    expect(fs.readFileSync(target, 'utf8')).toBe('old');
    expect(fs.readdirSync(dir)).toEqual(['台账.xlsx']);
    // And a complete write replaces it.
    await writeStreamAtomic(target, async (out) => {
      out.end('new');
    });
    expect(fs.readFileSync(target, 'utf8')).toBe('new');
    expect(fs.readdirSync(dir)).toEqual(['台账.xlsx']);
  });

  it('writes through the API the same workbook as the CLI, to the documents folder, never over a file unasked', async () => {
    const { store, demo, documents, handlers } = await newDemoApi();
    const sessionId = demo.current.id;
    const written = await dispatch(handlers, 'ledger.export', { sessionId, out: '台账导出' });
    const target = path.join(documents, '台账导出.xlsx');
    expect(written).toEqual({ ok: true, value: { file: target, rows: store.proposals.countBySession(sessionId) } });
    const file = path.join(tempDir(), '导出.xlsx');
    const { rows } = await exportLedgerFile(store, demo.current, file);
    const viaApi = await readSpreadsheetBuffer(fs.readFileSync(target), '台账导出.xlsx');
    const viaFile = await readSpreadsheetBuffer(fs.readFileSync(file), '导出.xlsx');
    expect(viaApi.sheets[0]!.rows).toHaveLength(rows + 1);
    expect(viaApi.sheets).toEqual(viaFile.sheets);

    // Again: the clerk is asked first; the live database is never a target.
    expect(await dispatch(handlers, 'ledger.export', { sessionId, out: '台账导出.xlsx' })).toMatchObject({
      ok: false,
      error: { code: 'exists' },
    });
    expect((await dispatch(handlers, 'ledger.export', { sessionId, out: '台账导出.xlsx', overwrite: true })).ok).toBe(true);
    expect(await dispatch(handlers, 'ledger.export', { sessionId, out: store.file, overwrite: true })).toMatchObject({
      ok: false,
    });
    expect(await dispatch(handlers, 'ledger.export', { sessionId, out: '新文件夹/台账.xlsx' })).toMatchObject({
      ok: false,
      error: { code: 'no-folder' },
    });
    store.close();
  });
});
