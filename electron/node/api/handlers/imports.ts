import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Store } from '../../../../db/store';
import { backupBefore } from '../../../../db/backup-occasions';
import type { ImportReport } from '../../../common/ledger/import-report';
import { LEDGER_FIELDS, type LedgerField } from '../../../common/ledger/columns';
import { exportLedgerFile } from '../../ledger/export-ledger';
import { importWorkbook } from '../../ledger/import-ledger';
import { readSpreadsheetBuffer } from '../../ledger/read-table';
import { userPath, type Handlers, type HandlerContext, type Input } from './context';
import type { OnStage } from './jobs';
import type { UndoLog } from '../../undo/undo-log';

/** Ledgers in (checked first, or written) and out. */
export function importHandlers(ctx: HandlerContext) {
  const { store, jobs, undo } = ctx;
  return {
    'import.preview': (input) => importLedger(store, undo, input, true),
    'import.commit': (input) => importLedger(store, undo, input, false),
    'jobs.startImport': ({ dryRun, ...input }) =>
      jobs.startImport(dryRun ? 2 : 3, (onStage) => importLedger(store, undo, input, dryRun, onStage)),
    'jobs.importStatus': ({ jobId }) => jobs.importStatus(jobId),

    'ledger.export': ({ sessionId, out, overwrite, createFolder }) =>
      exportLedgerFile(store, store.sessions.get(sessionId), userPath(ctx, out), { overwrite, createFolder, addExtension: true }),
  } satisfies Partial<Handlers>;
}

async function importLedger(
  store: Store,
  undo: UndoLog,
  input: Input<'import.preview'>,
  dryRun: boolean,
  onStage: OnStage = async () => undefined,
): Promise<ImportReport> {
  const steps = dryRun ? 2 : 3;
  const bytes = Buffer.from(input.contentBase64, 'base64');
  await onStage(`读取文件「${input.fileName}」（${(bytes.length / 1024 / 1024).toFixed(1)} MB）`, 0, steps);
  const workbook = await readSpreadsheetBuffer(bytes, input.fileName);
  let backup: string | null = null;
  if (!dryRun) {
    await onStage('导入前备份数据库', 1, steps);
    backup = (await backupBefore(store, '导入前')).file;
  }
  const rows = Math.max(0, ...workbook.sheets.map((sheet) => sheet.rows.length));
  await onStage(`${dryRun ? '检查' : '检查并写入'} ${rows.toLocaleString('en-US')} 行`, steps - 1, steps);
  const mapping = input.mapping ? Object.fromEntries(Object.entries(input.mapping).map(([k, v]) => [Number(k), v])) : undefined;
  const chosen = mapping && Object.keys(mapping).length > 0 ? mapping : undefined;
  const report = importWorkbook(store, workbook, {
    sessionName: input.sessionName,
    year: input.year,
    kind: input.kind,
    sheet: input.sheet,
    mapping: chosen,
    clearBlanks: input.clearBlanks,
    dryRun,
    fileName: input.fileName,
    recall: (signature) => recallMapping(store, signature),
  });
  // The clerk's choice of columns is kept for the next file with the same headers.
  if (report.committed && chosen) rememberMapping(store, report);
  // Undone by restoring the backup just taken, while nothing else has been saved since.
  if (report.committed && backup) undo.record(store, `导入「${input.fileName}」`, backup);
  return report;
}

const mappingSchema = z.object({ columns: z.record(z.string(), z.enum(LEDGER_FIELDS).nullable()) });
const mappingKey = (signature: string) => `import.mapping.${createHash('sha256').update(signature).digest('hex').slice(0, 32)}`;

/**
 * The mapping chosen last time for a file with these headers (column index → field), or null. A
 * mapping kept by an earlier version under header text is not used: two columns may share one.
 */
function recallMapping(store: Store, signature: string): Record<number, LedgerField | null> | null {
  const saved = store.settings.get(mappingKey(signature), mappingSchema, { columns: {} });
  const keys = Object.keys(saved.columns);
  if (keys.length === 0 || !keys.every((k) => /^\d+$/.test(k))) return null;
  return Object.fromEntries(keys.map((k) => [Number(k), saved.columns[k]!]));
}

function rememberMapping(store: Store, report: ImportReport): void {
  const columns: Record<string, LedgerField | null> = {};
  for (const c of report.columns) columns[String(c.index)] = c.field;
  store.settings.set(mappingKey(report.signature), mappingSchema, { columns });
}
