import { beforeAssigned } from '../domain/proposal-fields';
import { parseProposalNumber } from '../domain/proposal-number';
import { readSessionOrdinal, sameSession } from '../domain/session-ordinal';
import { splitList } from '../domain/text';
import { parseYesNo } from '../domain/yes-no';
import type { LedgerField } from './columns';
import { cellText } from './header';
import type { RowAt, ValueReader } from './field-values';
import type { LedgerContext, LedgerIssue, LedgerRecord } from './parsed-ledger';
import { readCells, shown, type FieldColumns } from './row-cells';
import type { TableRow } from './table';

/**
 * One ledger row into one record, checked on its own (required fields, dates in order, one lead
 * unit, a known category) and against the rows before it (a 建议号 only once).
 */
export class RowAssembler {
  /** Categories in the order they first appear. */
  readonly categories: string[] = [];
  /** Fields with a value in at least one row. */
  readonly provided = new Set<LedgerField>();
  /** 届次 labels of another session than the one imported into, with their rows. */
  readonly otherSessions = new Map<string, number[]>();
  /** The first 届次 label that names no session. */
  unreadableLabel: string | null = null;
  private readonly firstRowOfKey = new Map<string, number>();
  private readonly sessionOrdinal: ReturnType<typeof readSessionOrdinal> | null;

  constructor(
    private readonly columns: FieldColumns,
    private readonly values: ValueReader,
    private readonly context: LedgerContext,
    private readonly errors: LedgerIssue[],
  ) {
    this.sessionOrdinal = context.sessionName ? readSessionOrdinal(context.sessionName) : null;
  }

  read(tableRow: TableRow): LedgerRecord {
    const { columns, values, context, errors } = this;
    const row = tableRow.rowNumber;
    const at: RowAt = { row, error: (field, message) => errors.push({ row, column: columns.headerName(field), message }) };
    const { error } = at;
    const cells = readCells(tableRow, columns, errors);
    const { text, tooLong } = cells;
    for (const field of cells.filled) this.provided.add(field);

    const number = parseProposalNumber(text('number'));
    if (!number && !tooLong.has('number')) error('number', '不能为空');
    const title = text('title');
    if (!title && !tooLong.has('title')) error('title', '不能为空');
    if (number) {
      const first = this.firstRowOfKey.get(number.key);
      if (first !== undefined) error('number', `与第${first}行重复：${shown(number.display)}`);
      else this.firstRowOfKey.set(number.key, row);
    }

    const assignedDate = values.date(at, 'assignedDate', cells.raw('assignedDate'));
    const deadline = values.date(at, 'deadline', cells.raw('deadline'));
    const replyDate = values.date(at, 'replyDate', cells.raw('replyDate'));
    if (beforeAssigned(assignedDate, replyDate)) {
      error('replyDate', `早于交办日期：答复 ${replyDate}，交办 ${assignedDate}`);
    }
    if (beforeAssigned(assignedDate, deadline)) {
      error('deadline', `早于交办日期：期限 ${deadline}，交办 ${assignedDate}`);
    }

    const resultCode = values.result(at, text('result'));
    const feedback = values.feedback(at, text('feedback'));
    const resultOpinion = values.resultOpinion(at, text('resultOpinion'));

    const category = text('category');
    if (category && !this.categories.includes(category)) this.categories.push(category);
    if (category && context.categories.length > 0 && !context.categories.includes(category)) {
      error(
        'category',
        `「${shown(category)}」不是会议「${context.sessionName ?? ''}」的类别（现有类别：${context.categories.join('、')}）`,
      );
    }

    const leaderText = text('leader');
    const leaderFlag = parseYesNo(leaderText, 'leader');

    const leadUnits = splitList(text('leadUnits')).map((u) => values.unitName(u));
    if (leadUnits.length > 1) {
      error(
        'leadUnits',
        `只能填一个单位，现有 ${leadUnits.length} 个：${shown(leadUnits.join('、'))}（共同办理的其他单位请填在「会办单位」）`,
      );
    }
    const leadUnit = leadUnits[0] ?? '';
    const coUnits = splitList(text('coUnits'))
      .map((u) => values.unitName(u))
      .filter((u) => u !== leadUnit);
    const leadDeputies = splitList(text('leadDeputies'));
    const coDeputies = splitList(text('coDeputies')).filter((d) => !leadDeputies.includes(d));

    const proposerCount = values.proposerCount(at, text('proposerCount'));
    this.checkSessionLabel(tableRow);

    return {
      row,
      number: number?.display ?? '',
      numberKey: number?.key ?? '',
      numberSort: number?.sort ?? null,
      title,
      leadDeputies,
      coDeputies,
      proposerCount,
      delegation: text('delegation'),
      category,
      leadUnit,
      coUnits,
      assignedDate,
      deadline,
      replyDate,
      resultCode,
      published: values.yesNo(at, 'published', text('published')),
      met: values.yesNo(at, 'met', text('met')),
      feedback,
      resultOpinion,
      closed: values.yesNo(at, 'closed', text('closed')),
      isKey: values.yesNo(at, 'isKey', text('isKey')),
      leaderSupervised: leaderFlag ?? true,
      leaderName: leaderFlag === null ? leaderText : '',
      replyNumber: text('replyNumber'),
      signer: text('signer'),
      contactPerson: text('contactPerson'),
      contactPhone: text('contactPhone'),
      content: text('content'),
      replyText: text('replyText'),
      notes: text('notes'),
      blank: cells.blank,
    };
  }

  /** A row's 届次 (one column, or 届次 and 会次 in two) against the session imported into. */
  private checkSessionLabel(tableRow: TableRow): void {
    const label = this.columns.labels.map((c) => cellText(tableRow.cells[c.index])).join('');
    if (!label || !this.sessionOrdinal) return;
    const ordinal = readSessionOrdinal(label);
    if (ordinal.term === null && ordinal.meeting === null) this.unreadableLabel ??= label;
    else if (!sameSession(ordinal, this.sessionOrdinal))
      this.otherSessions.set(label, [...(this.otherSessions.get(label) ?? []), tableRow.rowNumber]);
  }
}
