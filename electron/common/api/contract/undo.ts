import { z } from 'zod';
import { produced, noInput, text, type Operation } from './shared';

/** The last import or deletion, and whether it can still be undone in one step. */
export interface UndoStatus {
  /** What the clerk did, as the undo button names it: "删除 3 件建议", "导入「台账.xlsx」". */
  action: string;
  /** The backup taken just before it: undoing restores it. */
  backup: string;
  at: string;
  /** Why it can no longer be undone in one step (something else was saved since); null while it can. */
  blocked: string | null;
}

/** Undo the last import or deletion by restoring the backup taken just before it. */
export const undoOperations = {
  'undo.status': { input: noInput, output: produced<UndoStatus | null>() },
  /** `backup` is the one the screen showed: a stale screen never undoes a later change it did not show. */
  'undo.last': { input: z.object({ backup: text(1000) }), output: produced<{ undone: string; savedCurrentAs: string }>() },
} as const satisfies Record<string, Operation>;
