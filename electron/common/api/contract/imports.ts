import { z } from 'zod';
import type { ImportReport } from '../../ledger/import-report';
import { LEDGER_FIELDS } from '../../ledger/columns';
import type { ImportJobStatus } from './jobs';
import { documentOut, fileUpload, id, produced, sessionKind, text, year, type Operation } from './shared';

const importInput = fileUpload.extend({
  sessionName: text(100).min(1, '请填写会议名称'),
  year: year.optional(),
  kind: sessionKind.optional(),
  sheet: z.union([z.string(), z.number().int().min(0)]).optional(),
  mapping: z.record(z.string().regex(/^\d+$/), z.enum(LEDGER_FIELDS).nullable()).optional(),
  /** Let empty cells clear values already saved (off: a blank never erases the clerk's work). */
  clearBlanks: z.boolean().optional(),
});

/** Ledgers in and out: preview and commit an import (at once or as a job), export a session. */
export const importOperations = {
  'import.preview': { input: importInput, output: produced<ImportReport>() },
  'import.commit': { input: importInput, output: produced<ImportReport>() },
  /** The same as import.preview (dryRun) or import.commit, as a job whose stage can be watched. */
  'jobs.startImport': { input: importInput.extend({ dryRun: z.boolean() }), output: produced<{ jobId: string }>() },
  'jobs.importStatus': { input: z.object({ jobId: text(100) }), output: produced<ImportJobStatus>() },
  /**
   * The session's ledger written to the file named (streamed: 300,000 rows stay under 1 GB), under
   * the same rule as every document: .xlsx added, no file replaced or folder made unless asked.
   */
  'ledger.export': {
    input: z.object({ sessionId: id, ...documentOut }),
    output: produced<{ file: string; rows: number }>(),
  },
} as const satisfies Record<string, Operation>;
