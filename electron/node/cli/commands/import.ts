import { backupBefore } from '../../../../db/backup-occasions';
import { withExistingStore } from '../open';
import { importLedgerFile } from '../../ledger/import-ledger';
import { LEDGER_FILE } from '../../ledger/read-table';
import { checkInputFile } from '../../files/input-file';
import { type ImportReport } from '../../../common/ledger/import-report';
import { parseMapSpec } from '../../../common/ledger/columns';
import { SESSION_YEARS } from '../../../common/domain/session';
import { integerOption, parseCommandArgs, required, singleFile, switchOptions, UsageError, valueOptions } from '../args';
import type { Output } from '../output';

export const importUsage =
  '用法：jianyi import 台账.xlsx|台账.xls|台账.csv --db 数据库文件 --session 会议名称 [--year 年份] [--kind 建议|提案] [--sheet 工作表] [--map "列名=字段,…"] [--clear-blanks] [--dry-run] [--verbose]';

const ACTION_WORDS = { insert: '新增', update: '更新', unchanged: '不变' } as const;

const shown = (value: string) => (value === '' ? '（空）' : value.length > 40 ? `${value.slice(0, 40)}…` : value);

export function describeImport(report: ImportReport, dryRun: boolean): string {
  const lines: string[] = [];
  const rows =
    report.headerRows.length > 1 ? `第${report.headerRows[0]}–${report.headerRows.at(-1)}行` : `第${report.headerRow}行`;
  lines.push(`工作表「${report.sheetName}」，表头在${rows}。`);
  const ignored = report.columns.filter((c) => c.field === null && c.header);
  if (ignored.length > 0) {
    lines.push(
      `没有导入的列：${ignored.map((c) => `${c.letter}列「${c.header}」${c.reason ? `（${c.reason}）` : ''}`).join('；')}。`,
    );
  }
  for (const missing of report.missing) lines.push(`注意：${missing.message}`);
  const { insert, update, unchanged } = report.counts;
  const verb = dryRun ? '将' : '已';
  lines.push(
    `${dryRun ? '试导入（未写入数据库）：' : ''}${verb}新增 ${insert} 件，${verb}更新 ${update} 件，${unchanged} 件不变。`,
  );
  if (report.cleared > 0)
    lines.push(`其中 ${report.cleared} 处已有内容因台账中为空${dryRun ? '将被' : '已被'}清空（--clear-blanks）。`);
  if (report.newSession) lines.push(`${dryRun ? '将新建' : '已新建'}会议「${report.sessionName}」。`);
  if (report.readings.length > 0) {
    lines.push('台账里的写法按以下意思读取：');
    for (const r of report.readings) lines.push(`  「${r.header}」${r.value} → ${r.meaning}（${r.count} 件）`);
  }
  for (const row of report.rows) {
    if (row.action === 'update') {
      const changes = row.changes
        .map((c) => `${c.header}：${shown(c.before)} → ${c.cleared ? '（清空）' : shown(c.after)}`)
        .join('；');
      lines.push(`  第${row.row}行 ${row.number} ${ACTION_WORDS.update}：${changes}`);
    }
  }
  for (const warning of report.warnings) lines.push(`提示：${warning}`);
  return lines.join('\n');
}

export async function importCommand(args: string[], io: Output): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { ...valueOptions('db', 'session', 'year', 'kind', 'sheet', 'map'), ...switchOptions('clear-blanks', 'dry-run', 'verbose') },
    importUsage,
  );
  const file = singleFile(positionals, importUsage, '请指定要导入的台账文件。', '一次只能导入一个文件。');
  const kind =
    values.kind === undefined ? undefined : ({ 建议: 'npc', 提案: 'cppcc', npc: 'npc', cppcc: 'cppcc' } as const)[values.kind];
  if (values.kind !== undefined && !kind) throw new UsageError(`选项 --kind 应为“建议”或“提案”，而不是「${values.kind}」。`);
  let headerMapping: ReturnType<typeof parseMapSpec> | undefined;
  if (values.map !== undefined) {
    try {
      headerMapping = parseMapSpec(values.map);
    } catch (error) {
      throw new UsageError(`选项 --map 有误：${(error as Error).message}\n${importUsage}`);
    }
  }
  const dbFile = required(values.db, 'db', importUsage);
  const sessionName = required(values.session, 'session', importUsage);
  const year = integerOption(values.year, 'year', SESSION_YEARS.min, SESSION_YEARS.max);
  const dryRun = values['dry-run'] === true;
  // Before the database is opened and backed up: a file that cannot be a ledger costs nothing.
  checkInputFile(file, LEDGER_FILE);
  return withExistingStore(dbFile, async (store) => {
    const verbose = values.verbose === true;
    if (!dryRun) {
      if (verbose) io.err('导入前备份数据库……');
      await backupBefore(store, '导入前');
    }
    if (verbose) io.err(`读取并检查「${file}」……`);
    const report = await importLedgerFile(store, file, {
      sessionName,
      year,
      kind,
      sheet: values.sheet,
      headerMapping,
      clearBlanks: values['clear-blanks'] === true,
      dryRun,
      onWrite: verbose ? (rows) => io.err(`正在写入 ${rows} 件……`) : undefined,
    });
    if (report.errors.length > 0) {
      io.err(`台账有 ${report.errors.length} 处错误，未导入任何数据。请改正后重新导入：`);
      for (const error of report.errors) io.err(`  ${error}`);
      for (const missing of report.missing) io.err(`注意：${missing.message}`);
      for (const warning of report.warnings) io.err(`提示：${warning}`);
      return 1;
    }
    io.out(describeImport(report, dryRun));
    return 0;
  });
}
