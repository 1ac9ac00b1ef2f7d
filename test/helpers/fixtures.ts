import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll } from 'vitest';
import { openStore, type OpenedStore, type Store } from '../../db/store';
import { EMPTY_PROPOSAL, type ProposalInput } from '../../electron/common/entities/proposal';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the test file. */
export function tempDir(prefix = 'jianyi-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

export async function newStore(name = 'test.db'): Promise<OpenedStore & { file: string }> {
  const file = path.join(tempDir(), name);
  const store = await openStore(file, { actor: '测试' });
  return Object.assign(store, { file });
}

/**
 * A new store holding one session of one proposal (number 1, with the fields given), its lead
 * unit and any co-handling units named.
 */
export async function oneProposalStore(
  fields: Partial<ProposalInput> & { title: string },
  units: { session?: string; lead: string; co?: string[] },
) {
  const store = await newStore();
  const session = store.sessions.create({ name: units.session ?? '会议', year: 2024 });
  const id = store.proposals.insert(session.id, { ...EMPTY_PROPOSAL, number: '1', ...fields });
  assignUnits(store, id, units.lead, units.co);
  return { store, session, id };
}

/** Gives a proposal its lead unit and co-handling units by name (created when new), no deputies. */
export function assignUnits(store: Store, id: number, lead: string, co: string[] = []): void {
  const ids = store.units.ensure([lead, ...co]);
  store.proposals.setPeopleAndUnits(id, {
    leadDeputies: [],
    coDeputies: [],
    leadUnit: ids.get(lead)!,
    coUnits: co.map((u) => ids.get(u)!),
  });
}

export type Cell =
  string | number | boolean | Date | null | { formula: string; result?: unknown } | { richText: { text: string }[] };

export interface SheetSpec {
  name: string;
  rows: Cell[][];
  merges?: string[];
  dateFormat?: string;
}

/** An .xlsx file built the way Excel would store it. */
export async function makeXlsx(sheets: SheetSpec[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name);
    for (const row of spec.rows) {
      const added = sheet.addRow(row as ExcelJS.CellValue[]);
      added.eachCell((cell) => {
        if (cell.value instanceof Date) cell.numFmt = spec.dateFormat ?? 'yyyy-mm-dd';
      });
    }
    for (const range of spec.merges ?? []) sheet.mergeCells(range);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function writeFile(dir: string, name: string, data: Buffer | string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, data);
  return file;
}

/** The canonical header row. */
export const HEADER = [
  '建议号',
  '标题',
  '领衔代表',
  '附议代表',
  '代表团',
  '类别',
  '主办单位',
  '会办单位',
  '交办日期',
  '办理期限',
  '答复日期',
  '办理结果',
  '是否公开',
  '是否见面',
  '代表评价',
  '是否办结',
  '重点建议',
  '领导领衔',
  '备注',
];

export interface RowSpec {
  number: string;
  title: string;
  [header: string]: Cell;
}

/** A canonical row from a few named cells; the rest empty. */
export function row(values: Partial<Record<string, Cell>> & { 建议号: Cell; 标题: Cell }): Cell[] {
  return HEADER.map((h) => values[h] ?? null);
}
