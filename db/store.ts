import os from 'node:os';
import { openDatabase, type Db, type OpenOptions, type OpenResult } from './connection';
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

/** The typed data-access layer: every read and write of the database goes through here. */
export function createStore(db: Db, options: { actor?: string; now?: () => Date } = {}) {
  const now = () => (options.now ?? (() => new Date()))().toISOString();
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
      return db.transaction(work).immediate();
    },
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
