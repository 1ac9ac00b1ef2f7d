// Kills the command line with SIGKILL at random moments during an import and during a batch of
// reply letters, then checks what a clerk would find on restarting: a sound database, the import
// wholly there or wholly absent, and no half-written .docx under a final name.
// KILL_RUNS=N runs N kills of each kind (default 10 and 8).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { inspectDatabaseFile, listBackups } from '../db/backups';
import { checkDatabaseOnStart } from '../db/recovery';
import { openStore } from '../db/store';
import { tempDir } from './helpers/fixtures';

const CLI = path.resolve('bin/jianyi.js');
const IMPORT_RUNS = Number(process.env.KILL_RUNS ?? 10);
const BATCH_RUNS = Number(process.env.KILL_RUNS ?? 8);
const ROWS = 3000;

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  ms: number;
  stderr: string;
  /** When stderr first showed the `armedBy` text, in ms after the start. */
  armedAt: number | null;
}

/**
 * Runs the CLI. With `killAfterMs`, sends SIGKILL that long after the start, or, with `armedBy`,
 * that long after the child first prints that text on stderr (the import's --verbose prints
 * 「正在写入」 just before its transaction begins).
 */
function runCli(args: string[], killAfterMs?: number, armedBy?: string): Promise<Run> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let armedAt: number | null = null;
    let timer: NodeJS.Timeout | null = null;
    const kill = () => (timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs));
    if (killAfterMs !== undefined && !armedBy) kill();
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (armedBy && armedAt === null && stderr.includes(armedBy)) {
        armedAt = performance.now() - started;
        if (killAfterMs !== undefined) kill();
      }
    });
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, ms: performance.now() - started, stderr, armedAt });
    });
  });
}

function ledgerCsv(rows: number): string {
  const lines = ['建议号,标题,领衔代表,主办单位,交办日期'];
  for (let i = 1; i <= rows; i++) lines.push(`${i},关于改进第${i}项民生工作的建议,代表${i % 97},区单位${i % 23},2024-03-01`);
  return lines.join('\n');
}

/** What the program would see on its next start. */
async function afterRestart(file: string) {
  expect(checkDatabaseOnStart(file)).toBeNull();
  const store = await openStore(file);
  try {
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    const sessions = store.db.prepare("SELECT id FROM sessions WHERE name = '测试会议'").all() as { id: number }[];
    const proposals = sessions.length ? store.proposals.countBySession(sessions[0]!.id) : 0;
    return { sessions: sessions.length, proposals };
  } finally {
    store.close();
  }
}

function isCompleteDocx(file: string): boolean {
  try {
    const parts = unzipSync(fs.readFileSync(file));
    const document = parts['word/document.xml'];
    return document !== undefined && strFromU8(document).trimEnd().endsWith('</w:document>');
  } catch {
    return false;
  }
}

describe('killed in the middle (SIGKILL)', () => {
  it(
    `an import is wholly there or wholly absent, and the database stays sound (${IMPORT_RUNS} kills)`,
    async () => {
      const dir = tempDir();
      const ledger = path.join(dir, '台账.csv');
      fs.writeFileSync(ledger, ledgerCsv(ROWS));
      const base = path.join(dir, 'base.db');
      expect(spawnSync(process.execPath, [CLI, 'init', '--db', base]).status).toBe(0);
      const args = (db: string) => ['import', ledger, '--db', db, '--session', '测试会议', '--year', '2024', '--verbose'];
      const WRITING = '正在写入';

      // One run to the end: how long an import takes, how long its writing takes, and that it works.
      const whole = path.join(dir, 'whole.db');
      fs.copyFileSync(base, whole);
      const full = await runCli(args(whole), undefined, WRITING);
      expect(full.code, full.stderr).toBe(0);
      expect(full.armedAt).not.toBeNull();
      const writing = full.ms - full.armedAt!;
      expect(await afterRestart(whole)).toEqual({ sessions: 1, proposals: ROWS });

      const outcomes = { absent: 0, present: 0, finished: 0, killedWhileWriting: 0 };
      for (let run = 0; run < IMPORT_RUNS; run++) {
        const db = path.join(dir, `run-${run}.db`);
        fs.copyFileSync(base, db);
        // Half the runs at any moment of the process's life (start-up, reading the file, the
        // backup); the other half while the rows are being written: after the child says it
        // begins writing, at a random moment within the time writing took in the full run.
        const duringWrite = run % 2 === 1;
        const delay = Math.round(Math.random() * (duringWrite ? writing : full.ms));
        const result = await runCli(args(db), delay, duringWrite ? WRITING : undefined);
        if (duringWrite && result.signal === 'SIGKILL') outcomes.killedWhileWriting++;
        const state = await afterRestart(db);
        expect([
          { sessions: 0, proposals: 0 },
          { sessions: 1, proposals: ROWS },
        ]).toContainEqual(state);
        if (result.signal !== 'SIGKILL') outcomes.finished++;
        else if (state.proposals === 0) outcomes.absent++;
        else outcomes.present++;
        // Every backup that is listed is a whole, sound one.
        for (const backup of listBackups(db)) expect(inspectDatabaseFile(backup.file).ok).toBe(true);
      }
      console.log(
        `import kills: ${JSON.stringify(outcomes)} (full run ${Math.round(full.ms)} ms, writing ${Math.round(writing)} ms)`,
      );
      // The runs aimed at the transaction did hit it: the test is not passing by missing it.
      expect(outcomes.killedWhileWriting).toBeGreaterThan(0);
      expect(outcomes.absent).toBeGreaterThan(0);
    },
    30_000 + IMPORT_RUNS * 4_000,
  );

  it(
    `a batch of letters leaves every final name a complete document (${BATCH_RUNS} kills)`,
    async () => {
      const dir = tempDir();
      expect(spawnSync(process.execPath, [CLI, 'demo', '--out', dir, '--today', '2024-07-15']).status).toBe(0);
      const db = path.join(dir, 'demo.db');
      const out = path.join(dir, '答复函');
      const args = ['letters', '--db', db, '--session', '区七届人大三次会议', '--out', out, '--overwrite'];
      const full = await runCli(args);
      expect(full.code, full.stderr).toBe(0);
      const names = fs
        .readdirSync(out)
        .filter((n) => n.endsWith('.docx'))
        .sort();
      expect(names.length).toBe(260);

      let leftovers = 0;
      for (let run = 0; run < BATCH_RUNS; run++) {
        const delay = Math.round(Math.random() * full.ms);
        await runCli(args, delay);
        const now = fs.readdirSync(out);
        // Only the final names and, possibly, hidden temporaries of the killed process.
        expect(now.filter((n) => n.endsWith('.docx')).sort()).toEqual(names);
        for (const name of names) expect(isCompleteDocx(path.join(out, name)), name).toBe(true);
        leftovers += now.filter((n) => n.endsWith('.tmp')).length;
        expect(checkDatabaseOnStart(db)).toBeNull();
      }
      console.log(
        `batch kills: ${BATCH_RUNS}, temporary files left by killed runs: ${leftovers} (full run ${Math.round(full.ms)} ms)`,
      );

      // The next batch clears what killed runs left behind.
      const again = await runCli(args);
      expect(again.code, again.stderr).toBe(0);
      expect(fs.readdirSync(out).filter((n) => n.endsWith('.tmp'))).toEqual([]);
      const sound = new Database(db, { readonly: true });
      expect(sound.pragma('integrity_check', { simple: true })).toBe('ok');
      sound.close();
    },
    30_000 + BATCH_RUNS * 8_000,
  );
});
