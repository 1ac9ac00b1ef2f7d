import fs from 'node:fs';
import os from 'node:os';
import { UserError } from '../electron/common/domain/errors';
import { openDatabase, type OpenOptions, type OpenResult } from './connection';
import type { Db } from './types';
import { createAppSettingsRepo } from './repos/app-settings';
import { createDeputiesRepo } from './repos/deputies';
import { createDraftsRepo } from './repos/drafts';
import { createEventsRepo } from './repos/events';
import { createHandlingRepo } from './repos/handling';
import { createProposalsRepo } from './repos/proposals';
import { createReviewsRepo } from './repos/reviews';
import { createSessionsRepo } from './repos/sessions';
import { createStatsQueries } from './repos/stats';
import { createTemplatesRepo } from './repos/templates';
import { createUnitsRepo } from './repos/units';

export interface StoreOptions extends OpenOptions {
  /** Who is making changes, for the event log; default: the operating-system user. */
  actor?: string;
}

function currentUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return '';
  }
}

/** Device and inode of a file, to tell whether the path still leads to the file that was opened. */
function identityOf(file: string): string | null {
  try {
    const stat = fs.statSync(file);
    return `${stat.dev}:${stat.ino}`;
  } catch {
    return null;
  }
}

/**
 * The database file was deleted, moved or replaced while the program ran. SQLite would go on
 * writing into the unlinked file and every later save would be lost at the next start: refuse.
 */
function databaseGone(file: string): UserError {
  return new UserError(
    `数据库文件「${file}」已被删除、移动或替换（可能是在文件夹里误删，或被其他程序覆盖）。为避免此后的修改丢失，本程序已停止保存，刚才的操作没有执行。请关闭程序后重新打开：程序会提示从最近的备份恢复。`,
  );
}

/** The typed data-access layer: every read and write of the database goes through here. */
export function createStore(db: Db, options: { actor?: string; now?: () => Date } = {}) {
  const now = () => (options.now ?? (() => new Date()))().toISOString();
  // An in-memory database has no file to watch.
  const file = db.memory ? null : db.name;
  const identity = file ? identityOf(file) : null;
  const checkFile = () => {
    if (file && identity && identityOf(file) !== identity) throw databaseGone(file);
  };
  return {
    db,
    sessions: createSessionsRepo(db, now),
    proposals: createProposalsRepo(db, now),
    units: createUnitsRepo(db, now),
    deputies: createDeputiesRepo(db, now),
    handling: createHandlingRepo(db),
    reviews: createReviewsRepo(db, now),
    events: createEventsRepo(db, now, options.actor ?? currentUser()),
    stats: createStatsQueries(db),
    templates: createTemplatesRepo(db, now),
    drafts: createDraftsRepo(db, now),
    settings: createAppSettingsRepo(db, now),
    /**
     * Runs `work` in one transaction: all of it is written, or none. It begins IMMEDIATE: the
     * write lock is taken at the start, so a transaction that reads and then writes is never
     * refused half-way because another process wrote in between (SQLITE_BUSY_SNAPSHOT), and
     * waits its turn (busy_timeout) instead.
     */
    transaction<T>(work: () => T): T {
      checkFile();
      return db.transaction(work).immediate();
    },
    /** Throws when the database file is no longer the one opened (see databaseGone). */
    checkFile,
    close(): void {
      if (db.open) db.close();
    },
  };
}

export type Store = ReturnType<typeof createStore>;

export interface OpenedStore extends Store {
  opened: Omit<OpenResult, 'db'>;
}

export async function openStore(file: string, options: StoreOptions = {}): Promise<OpenedStore> {
  const { db, ...opened } = await openDatabase(file, options);
  return { ...createStore(db, options), opened };
}
