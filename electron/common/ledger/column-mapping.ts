import { UserError } from '../domain/errors';
import { parseFeedback, parseResultOpinion } from '../domain/feedback';
import { CANONICAL_HEADERS, LEDGER_FIELDS, type LedgerField } from './columns';
import { cellText, choiceValue, columnLetter, type ColumnMapping } from './header';
import type { LedgerIssue, ParseOptions } from './parsed-ledger';
import type { TableRow } from './table';

/**
 * From the columns the header names to one column (or one group of tick columns) per field: the
 * clerk's choices applied over what was detected, then duplicates settled.
 */

const RANK: Record<NonNullable<ColumnMapping['strength']>, number> = {
  chosen: 3,
  canonical: 2,
  group: 2,
  synonym: 1,
  weak: 0,
};

/** The mapping the clerk chose (by column, or by header as the CLI's --map gives it), over the detected one. */
export function applyOverrides(columns: ColumnMapping[], options: ParseOptions): void {
  const byIndex = new Map(columns.map((c) => [c.index, c]));
  const set = (column: ColumnMapping, field: LedgerField | null) => {
    column.field = field;
    column.strength = field ? 'chosen' : null;
    column.choice = field ? choiceValue(field, column.parts.at(-1) ?? '') : null;
    column.reason = field ? null : '已选择不导入';
  };
  if (options.headerMapping) {
    for (const [name, field] of Object.entries(options.headerMapping)) {
      const wanted = name.trim();
      const matches = columns.filter(
        (c) => c.header === wanted || c.parts.join('/') === wanted.replace(/\s*\/\s*/g, '/') || c.parts.at(-1) === wanted,
      );
      if (matches.length === 0) {
        throw new UserError(
          `对应关系里的列「${wanted}」在表头中找不到。表头中的列：${columns.map((c) => `「${c.header}」`).join('、')}。`,
        );
      }
      for (const column of matches) set(column, field);
    }
  }
  for (const [key, field] of Object.entries(options.mapping ?? {})) {
    const index = Number(key);
    let column = byIndex.get(index);
    if (!column) {
      column = {
        index,
        letter: columnLetter(index),
        header: '',
        parts: [],
        field: null,
        choice: null,
        strength: null,
        reason: null,
      };
      columns.push(column);
      byIndex.set(index, column);
    }
    set(column, field);
  }
  columns.sort((a, b) => a.index - b.index);
}

/**
 * One column per field, or one group of tick columns: a stronger name wins over a weaker one; two
 * 办理结果 columns are told apart by their values; columns with the same content count once. What
 * cannot be decided is an error: the clerk chooses in the mapping.
 */
export function settleDuplicates(
  columns: ColumnMapping[],
  dataRows: readonly TableRow[],
  headerRow: number,
  errors: LedgerIssue[],
  warnings: string[],
): void {
  const textAt = (row: TableRow, c: ColumnMapping) => cellText(row.cells[c.index]);
  const drop = (c: ColumnMapping, keep: ColumnMapping, why: string) => {
    warnings.push(`${c.letter}列「${c.header}」${why}，以${keep.letter}列「${keep.header}」为准，${c.letter}列不导入。`);
    Object.assign(c, { field: null, choice: null, strength: null, reason: `与${keep.letter}列重复` });
  };
  for (const field of LEDGER_FIELDS) {
    // 届次 and 会次 in two columns are read together.
    if (field === 'sessionLabel') continue;
    const plain = columns.filter((c) => c.field === field && c.choice === null);
    const ticks = columns.filter((c) => c.field === field && c.choice !== null);
    if (plain.length > 0 && ticks.length > 0) {
      errors.push({
        row: headerRow,
        column: '表头',
        message: `中「${CANONICAL_HEADERS[field]}」既有${plain.map((c) => `${c.letter}列「${c.header}」`).join('、')}，又有勾选列（${ticks.map((c) => c.letter).join('、')}列），无法判断以哪个为准。请在列的对应关系里把其中一个改为“不导入”。`,
      });
      continue;
    }
    if (plain.length < 2) continue;
    const top = Math.max(...plain.map((c) => RANK[c.strength ?? 'weak']));
    for (const c of plain)
      if (RANK[c.strength ?? 'weak'] < top)
        drop(
          c,
          plain.find((k) => RANK[k.strength ?? 'weak'] === top)!,
          '是较弱的写法',
        );
    let left = plain.filter((c) => c.field === field);
    if (left.length > 1 && field === 'result') {
      // Hongkou-style exports print 办理结果 twice: once the class, once the deputy's view of it.
      // The values say which: 同意 / 理解 … is the opinion of the result, 满意 / 不满意 … (when the
      // ledger has no rating column) the deputy's rating. Anything else stays a question.
      const all = (c: ColumnMapping, read: (v: string) => unknown) => {
        const values = dataRows.map((r) => textAt(r, c)).filter(Boolean);
        return values.length > 0 && values.every((v) => read(v));
      };
      const readings = [
        { to: 'resultOpinion' as const, read: parseResultOpinion, words: '同意、理解等意见' },
        { to: 'feedback' as const, read: parseFeedback, words: '满意、不满意等评价' },
      ];
      for (const { to, read, words } of readings) {
        if (left.length < 2 || columns.some((c) => c.field === to)) continue;
        const column = left.find((c) => all(c, read));
        if (!column) continue;
        column.field = to;
        warnings.push(
          `${column.letter}列「${column.header}」填的是${words}，不是办理结果的类别，按「${CANONICAL_HEADERS[to]}」导入。`,
        );
        left = left.filter((c) => c !== column);
      }
    }
    if (left.length > 1) {
      const [keep, ...rest] = left;
      const same = dataRows.every((r) => rest.every((c) => textAt(r, c) === textAt(r, keep!)));
      if (same) for (const c of rest) drop(c, keep!, '的内容与之完全相同');
      else {
        errors.push({
          row: headerRow,
          column: '表头',
          message: `中有 ${left.length} 列都是「${CANONICAL_HEADERS[field]}」（${left.map((c) => `${c.letter}列「${c.header}」`).join('、')}），内容不同，无法判断以哪一列为准。请在列的对应关系里把不用的列改为“不导入”（命令行用 --map "列名=不导入"）。`,
        });
      }
    }
  }
}
