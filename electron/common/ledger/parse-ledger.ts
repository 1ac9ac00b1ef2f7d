import { UserError } from '../domain/errors';
import { describeScheme } from '../domain/result-classes';
import { termsOf } from '../domain/terms';
import { describeField, headerFor, KEY_FIELDS, LEDGER_FIELDS, REQUIRED_FIELDS, type LedgerField } from './columns';
import { analyseHeader, cellText, HEADER_SCAN_ROWS } from './header';
import { applyOverrides, settleDuplicates } from './column-mapping';
import { ValueReader } from './field-values';
import type { LedgerContext, LedgerIssue, LedgerRecord, MissingField, ParsedLedger, ParseOptions } from './parsed-ledger';
import { RowAssembler } from './read-row';
import { fieldColumns, shown, skippedRow } from './row-cells';
import { resultSchemeOf, settleFeedbackScale } from './scales';
import type { Sheet, Workbook } from './table';

/**
 * Reading a ledger sheet, step by step: the header (header.ts), the column of each field
 * (column-mapping.ts), each row's cells (row-cells.ts) and values (field-values.ts) into a record
 * (read-row.ts), then what holds for the whole file (scales.ts, and the warnings below).
 */

export { formatIssue, type LedgerContext, type LedgerRecord, type ParsedLedger, type ParseOptions } from './parsed-ledger';

function pickSheet(workbook: Workbook, sheet: string | number | undefined): Sheet {
  if (sheet === undefined) return workbook.sheets[0]!;
  const found =
    typeof sheet === 'number'
      ? workbook.sheets[sheet]
      : (workbook.sheets.find((s) => s.name === sheet || s.name.trim() === sheet.trim()) ??
        (/^\d+$/.test(sheet) ? workbook.sheets[Number(sheet) - 1] : undefined));
  if (!found) {
    throw new UserError(`找不到工作表「${String(sheet)}」。文件中的工作表：${workbook.sheets.map((s) => s.name).join('、')}。`);
  }
  return found;
}

/** What a missing key column means for the statistics, in the words of the session's kind. */
function missingWords(field: LedgerField, kind: LedgerContext['kind']): string | undefined {
  const { item, member } = termsOf(kind ?? 'npc');
  const words: Partial<Record<LedgerField, string>> = {
    result: `导入后所有${item}都会算作尚未答复，办理结果的分布和解决率不会统计`,
    feedback: `${member}评价和满意率不会统计（概览里显示“台账未提供”）`,
    category: `按类别的统计不会出现，也不会把${item}算作“未分类”`,
    leadUnits: '按承办单位的统计和答复函都需要主办单位',
  };
  return words[field];
}

/**
 * Reads the ledger rows of one sheet. Every problem is collected (nothing stops at the first);
 * the caller imports nothing when `errors` is not empty.
 */
export function parseLedger(workbook: Workbook, context: LedgerContext, options: ParseOptions = {}): ParsedLedger {
  const sheet = pickSheet(workbook, options.sheet);
  const sheetNames = workbook.sheets.map((s) => s.name);
  const rows = sheet.rows.filter((r) => r.cells.some((c) => cellText(c) !== ''));
  const fail = (message: string): never => {
    throw new UserError(message);
  };
  if (rows.length === 0) fail(`工作表「${sheet.name}」是空的，没有任何数据。`);
  const header = analyseHeader(rows);
  if (!header) {
    fail(
      `在工作表「${sheet.name}」的前 ${HEADER_SCAN_ROWS} 行中没有找到表头：表头行至少要有${describeField('number')}和${describeField('title')}这两列。`,
    );
  }
  const { columns } = header!;
  const headerRow = header!.rowNumbers[0]!;
  const dataRows = rows.slice(header!.last + 1);
  const errors: LedgerIssue[] = [];
  const warnings: string[] = [];
  const signature = columns.map((c) => `${c.letter}:${c.header}`).join('|');
  let recalled = false;
  if (!options.mapping && !options.headerMapping && options.recall) {
    const remembered = options.recall(signature);
    if (remembered) {
      recalled = true;
      options = { ...options, mapping: remembered };
    }
  }
  applyOverrides(columns, options);
  settleDuplicates(columns, dataRows, headerRow, errors, warnings);

  const present = LEDGER_FIELDS.filter((f) => columns.some((c) => c.field === f));
  const missingRequired = REQUIRED_FIELDS.filter((f) => !present.includes(f));
  if (missingRequired.length > 0) {
    const rowsText =
      header!.rowNumbers.length > 1 ? `第${header!.rowNumbers[0]}行至第${header!.rowNumbers.at(-1)}行` : `第${headerRow}行`;
    fail(`${rowsText}的表头缺少必需的列：${missingRequired.map(describeField).join('，')}。`);
  }
  if (dataRows.length === 0) fail(`工作表「${sheet.name}」第${header!.rowNumbers.at(-1)}行是表头，但表头下面没有数据行。`);
  for (const c of columns) {
    if (c.field === null && c.header && c.reason === null) c.reason = '台账里没有对应的内容';
  }

  const byField = fieldColumns(columns);
  const { headerName } = byField;
  const scheme = resultSchemeOf(dataRows, byField, context);
  const { cMeansReference } = scheme;
  const values = new ValueReader(context, scheme, headerName);
  const assembler = new RowAssembler(byField, values, context, errors);
  const records: LedgerRecord[] = [];
  for (const tableRow of dataRows) {
    const skipped = skippedRow(tableRow, byField);
    if (skipped) warnings.push(skipped);
    else records.push(assembler.read(tableRow));
  }

  const feedbackScale = settleFeedbackScale(context, values.scaleRows, headerName('feedback'), errors);
  for (const [label, at] of assembler.otherSessions) {
    errors.push({
      row: at[0]!,
      column: headerName('sessionLabel'),
      message: `是「${shown(label)}」，与会议「${context.sessionName}」的届次不符（共 ${at.length} 行，第${at.slice(0, 5).join('、')}${at.length > 5 ? '…' : ''}行）：这些建议可能属于另一届会议，请检查是否选错了会议或文件`,
    });
  }
  const { unreadableLabel } = assembler;
  if (unreadableLabel)
    warnings.push(`「${headerName('sessionLabel')}」列的「${shown(unreadableLabel)}」看不出是第几届第几次会议，没有核对。`);
  if (values.bareLetters > 0) {
    warnings.push(
      `「${headerName('result')}」有 ${values.bareLetters} 行只写了字母，按${cMeansReference ? '文件里的写法（C 为留作参考）' : `本届会议的${context.resultClassCount === 3 ? '三' : '四'}类办理结果`}读取：${describeScheme({ ...scheme, count: cMeansReference ? 3 : scheme.count })}。`,
    );
  }
  const { assumedYears } = values;
  if (assumedYears.length > 0) {
    warnings.push(
      `有 ${assumedYears.length} 个日期没有写年份，按会议的年份（${context.year}年）读取，例如${assumedYears.slice(0, 3).join('；')}。`,
    );
  }
  const missing: MissingField[] = KEY_FIELDS.filter((f) => !present.includes(f)).map((field) => ({
    field,
    message: `这份台账里没有找到「${headerFor(field, context.kind)}」列：${missingWords(field, context.kind)}。`,
  }));
  const { provided } = assembler;
  for (const field of present) {
    if (!provided.has(field) && (KEY_FIELDS.includes(field) || ['published', 'met', 'closed', 'replyDate'].includes(field))) {
      warnings.push(
        `「${headerName(field)}」列全部为空：${field === 'result' ? `所有${termsOf(context.kind ?? 'npc').item}都会算作尚未答复` : '这一项在统计中显示为“台账未提供”'}。`,
      );
    }
  }

  errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return {
    sheetName: sheet.name,
    sheetNames,
    headerRow,
    headerRows: header!.rowNumbers,
    columns,
    present,
    provided: LEDGER_FIELDS.filter((f) => provided.has(f)),
    records,
    errors,
    warnings,
    missing,
    readings: values.readings(),
    feedbackScale,
    fileClassCount: cMeansReference ? 3 : null,
    categories: assembler.categories,
    signature,
    recalled,
  };
}
