import ExcelJS from 'exceljs';
import { once } from 'node:events';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { Store } from '../../../db/store';
import { toExcelUtcDate } from '../../common/domain/dates';
import { UserError } from '../../common/domain/errors';
import type { Session } from '../../common/domain/session';
import { stripControlChars, stripNotXml } from '../../common/domain/text';
import { writeStreamAtomic } from '../files/atomic-write';
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

/**
 * Every column but the dates has the Text format '@': a cell the clerk edits in Excel or WPS
 * stays text, so "=…" typed or kept there never becomes a formula and "0012" keeps its zeros.
 */
function numFmtOf(field: LedgerField): string {
  return DATE_FIELDS.has(field) ? 'yyyy-mm-dd' : '@';
}

/** Rows read from the database and written between two waits for the file to catch up. */
const PAGE_ROWS = 500;

/**
 * Excel forbids these in sheet names and caps them at 31 characters; the cut can halve a
 * surrogate pair, which is dropped with anything else XML forbids.
 */
function safeSheetName(name: string): string {
  return (
    stripNotXml(
      stripNotXml(name)
        .replace(/[[\]:*?/\\]/g, '_')
        .slice(0, 31),
    ) || '台账'
  );
}

type CellValue = ExcelJS.CellRichTextValue | Date | null;

/**
 * A text cell. Written as an inline string (t="inlineStr"): the streaming writer's only other
 * forms are a shared-strings table, which holds every distinct text of the sheet in memory until
 * the end, or t="str", a formula's cached result. exceljs writes an inline string only as rich
 * text (see plainInlineStrings).
 */
function textCell(text: string): CellValue {
  const clean = stripControlChars(text);
  return clean ? { richText: [{ text: clean }] } : null;
}

/**
 * exceljs writes an inline string as rich text with one run, <is><r><t>…</t></r></is>. Excel and
 * WPS show it as plain text, but a reader that keeps formatting (exceljs itself) hands back a
 * rich-text object instead of the string. The run is taken out as each row is written, leaving the
 * plain inline string <is><t>…</t></is>; the text in it is escaped, so the tags can only be markup.
 */
function plainInlineStrings(sheet: ExcelJS.Worksheet): void {
  const stream = (sheet as unknown as { stream: { write: (data: unknown, ...rest: unknown[]) => unknown } }).stream;
  const write = stream.write.bind(stream);
  stream.write = (data, ...rest) =>
    write(typeof data === 'string' ? data.replaceAll('<is><r>', '<is>').replaceAll('</r></is>', '</is>') : data, ...rest);
}

/**
 * exceljs's streaming writer has no back-pressure: a row committed is handed on at once, and
 * what the compressor and the disk have not taken yet piles up in memory. After each page this
 * waits until the sheet's consumer (the zip entry) has drained, so the memory held stays that of
 * a few pages whatever the number of rows.
 */
async function caughtUp(sheet: ExcelJS.Worksheet): Promise<void> {
  // The sheet's stream (exceljs's StreamBuf) writes to the zip entry's stream, a readable-stream
  // Writable (the npm package, which has no `writableNeedDrain`, only its state's `needDrain`).
  type Sink = Writable & { _writableState?: { needDrain?: boolean } };
  const sink = (sheet as unknown as { stream: { pipes?: Sink[] } }).stream.pipes?.[0];
  if (sink?._writableState?.needDrain) await once(sink, 'drain');
  else await new Promise<void>((resolve) => setImmediate(resolve));
}

/**
 * Writes the session's ledger as an .xlsx workbook to `out`, canonical columns in canonical
 * order, reading the database a page at a time. Returns the number of rows written.
 */
async function writeLedger(store: Store, session: Session, out: Writable): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = '建议办理助手';
  workbook.lastModifiedBy = '建议办理助手';
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  const sheet = workbook.addWorksheet(safeSheetName(session.name), { views: [{ state: 'frozen', ySplit: 1 }] });
  plainInlineStrings(sheet);
  sheet.columns = LEDGER_FIELDS.map((field) => ({
    key: field,
    width: WIDTHS[field] ?? 10,
    style: { numFmt: numFmtOf(field) },
  }));
  // The header is a row of its own (a column's `header` would be written as t="str").
  const header = sheet.addRow(LEDGER_FIELDS.map((field) => textCell(headerFor(field, session.kind))));
  header.font = { bold: true };
  header.commit();
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: LEDGER_FIELDS.length } };
  // One style object per column, shared by its cells: exceljs finds a style it has seen by the
  // object, and works out (slowly, as XML) only one it has not.
  const cellStyles = LEDGER_FIELDS.map((field): Partial<ExcelJS.Style> => ({ numFmt: numFmtOf(field) }));
  let rows = 0;
  for (const page of store.proposals.ledgerPages(session.id, PAGE_ROWS)) {
    for (const proposal of page) {
      const facts = factsOfProposal(proposal);
      const values: Record<string, CellValue> = {};
      for (const field of LEDGER_FIELDS) {
        if (DATE_FIELDS.has(field)) {
          const iso = facts[field as 'assignedDate' | 'deadline' | 'replyDate'];
          values[field] = iso ? toExcelUtcDate(iso) : null;
        } else {
          values[field] = textCell(ledgerText(field, facts, session.resultLabels, session.name));
        }
      }
      const row = sheet.addRow(values);
      row.eachCell({ includeEmpty: true }, (cell, column) => (cell.style = cellStyles[column - 1]!));
      row.commit();
      rows += 1;
    }
    await caughtUp(sheet);
  }
  sheet.commit();
  await workbook.commit();
  return rows;
}

/** The session's ledger as the bytes of an .xlsx workbook (the API's download). */
export async function ledgerWorkbook(store: Store, session: Session): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const collect = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  await writeLedger(store, session, collect);
  return Buffer.concat(chunks);
}

/**
 * The session's ledger written to `file`: streamed to a temporary file beside it and renamed
 * over it at the end, so that memory stays small for any number of rows and the file is either
 * the old one or the complete new one.
 */
export async function exportLedgerFile(
  store: Store,
  session: Session,
  file: string,
  options: { overwrite?: boolean; createFolder?: boolean; addExtension?: boolean } = {},
): Promise<{ rows: number; file: string }> {
  if (options.addExtension && path.extname(file) === '') file += '.xlsx';
  if (path.extname(file).toLowerCase() !== '.xlsx') {
    throw new UserError(`导出文件名应以 .xlsx 结尾：「${path.basename(file)}」。`);
  }
  const target = checkOutputFile(file, { kind: 'xlsx', databaseFile: store.db.name, ...options });
  let rows = 0;
  await writeStreamAtomic(target, async (out) => {
    rows = await writeLedger(store, session, out);
  });
  return { rows, file: target };
}
