import ExcelJS from 'exceljs';
import type { Store } from '../../../../db/store';
import { UserError } from '../../../common/domain/errors';
import type { Session } from '../../../common/domain/session';
import { stripControlChars } from '../../../common/domain/text';
import { termsOf } from '../../../common/domain/terms';
import { safeFileName } from './file-names';
import { letterLacks, selectProposals } from './letters';

export interface MissingRow {
  number: string;
  title: string;
  unit: string;
  contactPerson: string;
  contactPhone: string;
  lacking: string;
}

/**
 * The proposals whose reply letters cannot go out as generated, with what each lacks and whom
 * to ask (the lead unit's contact): the list a clerk sends round to chase the units.
 */
export function missingRows(store: Store, session: Session, only?: string[]): MissingRow[] {
  const { chosen, missing } = selectProposals(store.proposals.ledger(session.id), only);
  if (missing.length) throw new UserError(`会议「${session.name}」中没有这些建议号：${missing.join('、')}。`);
  const units = new Map(store.units.list().map((u) => [u.name, u]));
  return chosen.flatMap((p) => {
    const lacking = p.leadUnit ? letterLacks(p) : ['主办单位'];
    if (lacking.length === 0) return [];
    const unit = units.get(p.leadUnit);
    return [
      {
        number: p.number,
        title: p.title,
        unit: p.leadUnit,
        contactPerson: p.contactPerson || unit?.contactPerson || '',
        contactPhone: p.contactPhone || unit?.contactPhone || '',
        lacking: lacking.join('、'),
      },
    ];
  });
}

/** The list as an .xlsx: every cell text (never a formula), header frozen and filtered. */
export async function missingListWorkbook(
  store: Store,
  session: Session,
  only?: string[],
): Promise<{ fileName: string; bytes: Buffer; count: number }> {
  const rows = missingRows(store, session, only);
  const terms = termsOf(session.kind);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '建议办理助手';
  const sheet = workbook.addWorksheet('待补', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: terms.numberWord, key: 'number', width: 10 },
    { header: '标题', key: 'title', width: 48 },
    { header: '主办单位', key: 'unit', width: 20 },
    { header: '联系人', key: 'contactPerson', width: 10 },
    { header: '联系电话', key: 'contactPhone', width: 14 },
    { header: '缺少', key: 'lacking', width: 24 },
  ].map((c) => ({ ...c, style: { numFmt: '@' } }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    sheet.addRow(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, stripControlChars(v)])));
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 6 } };
  return {
    fileName: safeFileName(`答复函待补清单-${session.name}`, '.xlsx'),
    bytes: Buffer.from(await workbook.xlsx.writeBuffer()),
    count: rows.length,
  };
}
