import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { backupFolder } from '../db/backups';
import { cli } from './helpers/cli';
import { newStore, tempDir } from './helpers/fixtures';

// Files named by their path are measured before they are read: a 1.9 GB file is refused without
// reading it into memory, and one over 2 GiB (Node's limit for reading a file whole) gets words,
// not Node's English.

const GiB = 1024 ** 3;

/** A file of `bytes` that takes no room on the disk (sparse): only its size is real. */
function hugeFile(name: string, bytes: number): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, '');
  fs.truncateSync(file, bytes);
  return file;
}

afterEach(() => {
  vi.restoreAllMocks();
});

function watchReads() {
  return [vi.spyOn(fs.promises, 'readFile'), vi.spyOn(fs, 'readFileSync')].map(
    (spy) => () => spy.mock.calls.filter(([file]) => String(file).includes('巨大')),
  );
}

describe('a file too large to be what it should be', () => {
  for (const [bytes, size] of [
    [Math.round(1.9 * GiB), '1.9 GB'],
    [2.5 * GiB, '2.5 GB'],
  ] as const) {
    it(`is a ledger refused by import before it is read or backed up (${size})`, async () => {
      const store = await newStore();
      store.close();
      const file = hugeFile('巨大台账.xlsx', bytes);
      const reads = watchReads();
      const result = await cli('import', file, '--db', store.file, '--session', '区七届人大三次会议', '--year', '2024');
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain(`「${file}」`);
      expect(result.stderr).toContain(`有 ${size}`);
      expect(result.stderr).toContain('超过 100 MB');
      expect(result.stderr).not.toMatch(/GiB|greater|File size/);
      for (const read of reads) expect(read()).toEqual([]);
      expect(fs.existsSync(backupFolder(store.file))).toBe(false);
    });

    it(`is a report draft refused by check before it is read (${size})`, async () => {
      const file = hugeFile('巨大报告稿.docx', bytes);
      const reads = watchReads();
      const result = await cli('check', file);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain(`「${file}」`);
      expect(result.stderr).toContain(`有 ${size}`);
      expect(result.stderr).not.toMatch(/GiB|greater|File size|不存在或没有读取权限/);
      for (const read of reads) expect(read()).toEqual([]);
    });

    it(`is a template refused by templates check before it is read (${size})`, async () => {
      const file = hugeFile('巨大模板.md', bytes);
      const reads = watchReads();
      const result = await cli('templates', 'check', file);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain(`「${file}」`);
      expect(result.stderr).toContain(`有 ${size}`);
      expect(result.stderr).not.toMatch(/GiB|greater|File size/);
      for (const read of reads) expect(read()).toEqual([]);
    });
  }
});
