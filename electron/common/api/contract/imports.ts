import { z } from 'zod';
import type { ImportReport } from '../../ledger/import-report';
import { LEDGER_FIELDS } from '../../ledger/columns';
import type { ImportJobStatus } from './jobs';
import { fileUpload, id, produced, sessionKind, text, year, type Operation } from './shared';

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
  'ledger.export': {
    input: z.object({ sessionId: id }),
    output: produced<{ fileName: string; contentBase64: string }>(),
  },
} as const satisfies Record<string, Operation>;
