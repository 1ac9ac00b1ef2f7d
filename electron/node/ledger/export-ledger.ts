import ExcelJS from 'exceljs';
import path from 'node:path';
import type { Store } from '../../../db/store';
import { toExcelUtcDate } from '../../common/domain/dates';
import { UserError } from '../../common/domain/errors';
import type { Session } from '../../common/domain/session';
import { stripControlChars } from '../../common/domain/text';
import { writeFileAtomic } from '../files/atomic-write';
import { checkOutputFile } from '../files/output-path';
import { headerFor, LEDGER_FIELDS, type LedgerField } from '../../common/ledger/columns';
import { factsOfProposal, ledgerText } from '../../common/ledger/ledger-values';

const DATE_FIELDS = new Set<LedgerField>(['assignedDate', 'deadline', 'replyDate']);
const WIDTHS: Partial<Record<LedgerField, number>> = {
  number: 8,
  title: 44,
  leadDeputies: 12,
  coDeputies: 20,
  delegation: 12,
  category: 14,
  leadUnits: 20,
  coUnits: 24,
  assignedDate: 12,
  deadline: 12,
  replyDate: 12,
  result: 12,
  feedback: 10,
  resultOpinion: 10,
  replyNumber: 16,
  content: 40,
  replyText: 60,
  sessionLabel: 20,
  notes: 24,
};

/** Excel forbids these in sheet names and caps them at 31 characters. */
export function safeSheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || '台账';
}

/** The session's ledger as an .xlsx workbook, canonical columns in canonical order. */
export async function ledgerWorkbook(store: Store, session: Session): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '建议办理助手';
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  const sheet = workbook.addWorksheet(safeSheetName(session.name), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = LEDGER_FIELDS.map((field) => ({
    header: headerFor(field, session.kind),
    key: field,
    width: WIDTHS[field] ?? 10,
    // Every column but the dates has the Text format '@': a cell the clerk edits in Excel or WPS
    // stays text, so "=…" typed or kept there never becomes a formula and "0012" keeps its zeros.
    style: { numFmt: DATE_FIELDS.has(field) ? 'yyyy-mm-dd' : '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  for (const proposal of store.proposals.ledger(session.id)) {
    const facts = factsOfProposal(proposal);
    const values: Record<string, string | Date | null> = {};
    for (const field of LEDGER_FIELDS) {
      if (DATE_FIELDS.has(field)) {
        const iso = facts[field as 'assignedDate' | 'deadline' | 'replyDate'];
        values[field] = iso ? toExcelUtcDate(iso) : null;
      } else {
        // A plain string is written as a string cell (exceljs makes formulas only from
        // { formula } objects), so a value beginning with = + - @ is never a formula.
        values[field] = stripControlChars(ledgerText(field, facts, session.resultLabels, session.name)) || null;
      }
    }
    sheet.addRow(values);
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: LEDGER_FIELDS.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function exportLedgerFile(
  store: Store,
  session: Session,
  file: string,
  options: { overwrite?: boolean; createFolder?: boolean } = {},
): Promise<{ rows: number; file: string }> {
  if (path.extname(file).toLowerCase() !== '.xlsx') {
    throw new UserError(`导出文件名应以 .xlsx 结尾：「${path.basename(file)}」。`);
  }
  const target = checkOutputFile(file, { kind: 'xlsx', databaseFile: store.db.name, ...options });
  const buffer = await ledgerWorkbook(store, session);
  await writeFileAtomic(target, buffer);
  return { rows: store.proposals.countBySession(session.id), file: target };
}
