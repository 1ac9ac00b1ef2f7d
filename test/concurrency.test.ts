// Two processes on one database: a command-line import running while the program saves edits.
// Every save that was reported as saved must still be there when both have finished.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMPTY_PROPOSAL } from '../electron/common/entities/proposal';
import { openStore } from '../db/store';
import { tempDir } from './helpers/fixtures';

const CLI = path.resolve('bin/jianyi.js');
const ROWS = 20_000;

describe('an import running while edits are saved', () => {
  it('never reverts a save that returned ok, and refuses none while the import holds the lock for under 5 s', async () => {
    const dir = tempDir();
    const db = path.join(dir, '台账.db');
    const store = await openStore(db, { actor: '窗口' });
    const session = store.sessions.create({ name: '测试会议', year: 2024 });
    const ids: number[] = [];
    store.transaction(() => {
      for (let i = 1; i <= ROWS; i++) {
        ids.push(
          store.proposals.insert(session.id, {
            ...EMPTY_PROPOSAL,
            number: String(i),
            title: `建议${i}`,
          }),
        );
      }
    });
    // The file changes every title and says nothing of reply dates, which the other side edits.
    const lines = ['建议号,标题'];
    for (let i = 1; i <= ROWS; i++) lines.push(`${i},关于改进第${i}项工作的建议`);
    const file = path.join(dir, '台账.csv');
    fs.writeFileSync(file, lines.join('\n'));

    const child = spawn(process.execPath, [CLI, 'import', file, '--db', db, '--session', '测试会议', '--verbose'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let running = true;
    void exited.then(() => (running = false));

    const saved = new Map<number, string>();
    const refused: string[] = [];
    let n = 0;
    while (running || n < 5) {
      const id = ids[(n * 7919) % ids.length]!;
      const day = `2024-06-${String((n % 28) + 1).padStart(2, '0')}`;
      try {
        store.transaction(() => store.proposals.update(id, { replyDate: day }));
        saved.set(id, day);
      } catch (error) {
        refused.push((error as Error).message);
      }
      n += 1;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await exited, stderr).toBe(0);
    expect(stderr).toContain('正在写入');
    expect(refused).toEqual([]);
    expect(saved.size).toBeGreaterThan(5);
    for (const [id, day] of saved) expect(store.proposals.get(id).replyDate, `proposal ${id}`).toBe(day);
    expect(store.proposals.get(ids[0]!).title).toBe('关于改进第1项工作的建议');
    store.close();
  }, 120_000);
});
