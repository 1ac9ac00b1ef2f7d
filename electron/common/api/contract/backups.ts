import { z } from 'zod';
import { noInput, produced, text, type Operation } from './shared';

/** One automatic backup, as the settings screen lists it. */
export interface BackupEntry {
  file: string;
  /** Why it was made, in words (启动时、导入前……). */
  reason: string;
  /** Local time, ISO 8601. */
  createdAt: string;
  bytes: number;
}

/** Backups of the database, restoring one, and moving the database file. */
export const backupOperations = {
  'backup.create': {
    input: z.object({ file: text(1000).min(1), createFolder: z.boolean().optional() }),
    output: produced<{ file: string; bytes: number }>(),
  },
  'backup.restore': {
    input: z.object({ file: text(1000).min(1) }),
    output: produced<{ restoredFrom: string; savedCurrentAs: string }>(),
  },
  'backup.list': { input: noInput, output: produced<{ folder: string; problem: string | null; backups: BackupEntry[] }>() },
  'database.move': {
    input: z.object({ file: text(1000).min(1) }),
    output: produced<{ file: string; bytes: number; restartNeeded: boolean }>(),
  },
} as const satisfies Record<string, Operation>;
