import { importLedgerFile, type ImportOptions } from '../../electron/node/ledger/import-ledger';
import { makeXlsx, newStore, tempDir, writeFile, type Cell } from './fixtures';

/**
 * A new store with `rows` imported from an .xlsx (one sheet 台账, `merges` merged), into the
 * session 会议 of 2024 unless the options say otherwise: the store and the import's report.
 */
export async function importRows(rows: Cell[][], options: Partial<Omit<ImportOptions, 'fileName'>> = {}, merges: string[] = []) {
  const store = await newStore();
  const file = writeFile(tempDir(), '台账.xlsx', await makeXlsx([{ name: '台账', rows, merges }]));
  const report = await importLedgerFile(store, file, { sessionName: '会议', year: 2024, ...options });
  return { store, report };
}
