import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type OpenedStore } from '../db/store';
import { UserError } from '../electron/common/domain/errors';
import { fieldOfHeader, LEDGER_FIELDS, type LedgerField } from '../electron/common/ledger/columns';
import { columnLetter } from '../electron/common/ledger/header';

const col = (field: LedgerField) => columnLetter(LEDGER_FIELDS.indexOf(field));
import { ledgerWorkbook } from '../electron/node/ledger/export-ledger';
import { importWorkbook } from '../electron/node/ledger/import-ledger';
import { type ImportReport } from '../electron/common/ledger/import-report';
import { readSpreadsheetBuffer } from '../electron/node/ledger/read-table';
import { type Workbook } from '../electron/common/ledger/table';
import { XLSX_LIMITS } from '../electron/node/ledger/xlsx-guard';
import { HEADER, tempDir } from './helpers/fixtures';
import { craftZip, deflatedEntry, deflatedZeros, rawXlsx, unzipText, zerosEntry } from './helpers/xlsx-raw';

/**
 * Hostile and broken input, through the path the app takes (read the bytes → parse the ledger →
 * importWorkbook, a dry run, and for some cases a commit on a fresh database). The property for
 * every case: it finishes within CASE_LIMIT_MS, and it either imports, or reports row errors, or
 * throws a UserError whose message is Chinese and says what and where; never another exception;
 * and whatever did not import left the database exactly as it was.
 */

const SEED = 20_240_601;
const SESSION = '区七届人大三次会议';
/**
 * Per case. The slowest random case measured 0.9 s (a CSV with a megabyte cell, GB18030) and the
 * slowest targeted one 2.8 s (21 million CSV cells) on this shared 2-core machine; 15 s leaves room
 * for a slower machine without letting a hang (minutes, with the quadratic patterns) pass.
 */
const CASE_LIMIT_MS = 15_000;

const stats = {
  cases: 0,
  outcomes: { imported: 0, rowErrors: 0, refused: 0 },
  slowest: { label: '', ms: 0 },
  groups: new Map<string, { n: number; ms: number; max: number; imported: number; rowErrors: number; refused: number }>(),
};

// ---------------------------------------------------------------------------------------------
// Databases

const TABLES = [
  'sessions',
  'session_categories',
  'session_result_labels',
  'units',
  'deputies',
  'proposals',
  'proposal_deputies',
  'handlings',
  'events',
];

/** Every row of every table the import writes, for before/after comparison. */
function snapshot(store: OpenedStore): string {
  return TABLES.map((t) => JSON.stringify(store.db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all())).join('\n');
}

let dryStore: OpenedStore;
let templateDb: string;
let baseXlsx: Buffer;
let baseGrid: string[][];
let dbCounter = 0;

/** A fresh database holding the base session (a copy of the template file). */
async function freshStore(): Promise<OpenedStore> {
  const file = path.join(tempDir('jianyi-fuzz-db-'), `commit-${dbCounter++}.db`);
  fs.copyFileSync(templateDb, file);
  return openStore(file, { actor: '测试', backupDir: false });
}

function baseRow(i: number): string[] {
  return [
    String(i).padStart(4, '0'),
    `关于第${i}项工作的建议`,
    `代表${i % 7}`,
    i % 3 === 0 ? `代表${(i + 1) % 7}、代表${(i + 2) % 7}` : '',
    `第${i % 4}代表团`,
    ['经济发展', '城市建设与管理', '社会事业'][i % 3]!,
    `单位${i % 5}`,
    i % 2 ? `单位${(i + 1) % 5}、单位${(i + 2) % 5}` : '',
    `2024-3-${(i % 20) + 1}`,
    i % 10 === 0 ? '2024-9-30' : '',
    i % 6 === 0 ? '' : `2024-5-${(i % 28) + 1}`,
    i % 6 === 0 ? '' : ['解决采纳', '正在解决', '计划解决', '留作参考'][i % 4]!,
    i % 2 === 0 ? '是' : '否',
    i % 5 === 0 ? '否' : '√',
    ['满意', '基本满意', '不满意', '未表态', ''][i % 5]!,
    i % 3 === 0 ? '是' : '',
    i % 8 === 0 ? '是' : '否',
    i % 11 === 0 ? '副区长 某某' : '',
    i % 4 === 0 ? '= 1 + 1（以等号开头的备注）' : '',
  ];
}

beforeAll(async () => {
  const dir = tempDir('jianyi-fuzz-');
  templateDb = path.join(dir, 'template.db');
  const template = await openStore(templateDb, { actor: '测试', backupDir: false });
  const csv = [HEADER, ...Array.from({ length: 30 }, (_, i) => baseRow(i + 1))].map((r) => r.join(',')).join('\r\n');
  const seeded = importWorkbook(template, await readSpreadsheetBuffer(Buffer.from(csv), '台账.csv'), {
    sessionName: SESSION,
    year: 2024,
  });
  expect(seeded.committed).toBe(true);
  baseXlsx = await ledgerWorkbook(template, template.sessions.getByName(SESSION));
  template.close();
  dryStore = await freshStore();
  const grid = (await readSpreadsheetBuffer(baseXlsx, '导出.xlsx')).sheets[0]!.rows;
  baseGrid = grid.map((r) => HEADER.map((_, c) => cellString(r.cells[c])));
});

afterAll(() => {
  dryStore?.close();
  console.log(
    `import fuzz: ${stats.cases} cases (imported ${stats.outcomes.imported}, row errors ${stats.outcomes.rowErrors}, refused ${stats.outcomes.refused}); slowest: ${stats.slowest.label} ${stats.slowest.ms.toFixed(0)} ms`,
  );
  if (process.env.FUZZ_STATS) {
    for (const [name, g] of stats.groups) {
      console.log(
        `  ${name}: ${g.n} cases, ${g.imported}/${g.rowErrors}/${g.refused} imported/row errors/refused, total ${g.ms.toFixed(0)} ms, max ${g.max.toFixed(0)} ms`,
      );
    }
  }
});

function cellString(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

// ---------------------------------------------------------------------------------------------
// The property every case must satisfy

const CJK = /[\u4e00-\u9fff]/;

function expectClearMessage(message: string, fileName: string, label: string): void {
  const where = message.includes(`「${path.basename(fileName)}」`) || /工作表「/.test(message) || /第\d+行/.test(message);
  if (!CJK.test(message) || !where) {
    throw new Error(`${label}: the message does not say in Chinese what and where: ${message.slice(0, 300)}`);
  }
}

interface Case {
  label: string;
  buffer: Buffer;
  fileName: string;
  commit?: boolean;
  sessionName?: string;
  limitMs?: number;
}

type Outcome = 'imported' | 'rowErrors' | 'refused';

async function runCase(c: Case): Promise<{ outcome: Outcome; report?: ImportReport; error?: UserError; ms: number }> {
  const store = c.commit ? await freshStore() : dryStore;
  const sessionName = c.sessionName ?? SESSION;
  const before = snapshot(store);
  const countBefore = store.proposals.countBySession(store.sessions.findByName(SESSION)?.id ?? -1);
  const started = performance.now();
  let outcome: Outcome;
  let report: ImportReport | undefined;
  let error: UserError | undefined;
  try {
    const workbook = await readSpreadsheetBuffer(c.buffer, c.fileName);
    report = importWorkbook(store, workbook, { sessionName, year: 2024, dryRun: !c.commit, fileName: c.fileName });
    if (report.errors.length > 0) {
      outcome = 'rowErrors';
      expect(report.committed).toBe(false);
      for (const e of report.errors) {
        if (!/^第\d+行/.test(e) || !CJK.test(e)) throw new Error(`${c.label}: a row error without its row: ${e}`);
      }
    } else {
      outcome = 'imported';
      expect(report.committed).toBe(Boolean(c.commit));
    }
  } catch (thrown) {
    if (!(thrown instanceof UserError)) {
      throw new Error(`${c.label}: ${String(thrown)} is not a UserError\n${(thrown as Error)?.stack ?? ''}`);
    }
    outcome = 'refused';
    error = thrown;
    expectClearMessage(thrown.message, c.fileName, c.label);
  }
  const ms = performance.now() - started;

  if (outcome === 'imported' && c.commit) {
    // What was committed is what the report said.
    const session = store.sessions.getByName(sessionName);
    const ledger = store.proposals.ledger(session.id);
    const existing = sessionName === SESSION ? countBefore : 0;
    expect(ledger.length).toBe(existing + report!.counts.insert);
    const byNumber = new Map(ledger.map((p) => [p.number, p]));
    for (const row of report!.rows) expect(byNumber.get(row.number)?.title).toBe(row.title);
  } else {
    expect(snapshot(store) === before, `${c.label}: the database changed`).toBe(true);
  }
  if (c.commit) store.close();

  stats.cases += 1;
  stats.outcomes[outcome] += 1;
  if (ms > stats.slowest.ms) stats.slowest = { label: c.label, ms };
  const group = c.label.replace(/ \(.*$/, '');
  const g = stats.groups.get(group) ?? { n: 0, ms: 0, max: 0, imported: 0, rowErrors: 0, refused: 0 };
  g.n += 1;
  g.ms += ms;
  g.max = Math.max(g.max, ms);
  g[outcome] += 1;
  stats.groups.set(group, g);
  expect(ms, `${c.label} took ${ms.toFixed(0)} ms`).toBeLessThan(c.limitMs ?? CASE_LIMIT_MS);
  return { outcome, report, error, ms };
}

// ---------------------------------------------------------------------------------------------
// Generators

/** GB18030 bytes (two-byte codes; anything else becomes "?"), as Chinese Excel saves CSV. */
let gbTable: Map<string, number[]> | null = null;
function encodeGb18030(text: string): Buffer {
  if (!gbTable) {
    gbTable = new Map();
    const decoder = new TextDecoder('gb18030');
    for (let hi = 0x81; hi <= 0xfe; hi++) {
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        if (lo === 0x7f) continue;
        const char = decoder.decode(new Uint8Array([hi, lo]));
        if (char.length === 1 && char !== '\ufffd' && !gbTable.has(char)) gbTable.set(char, [hi, lo]);
      }
    }
  }
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else bytes.push(...(gbTable.get(char) ?? [0x3f]));
  }
  return Buffer.from(bytes);
}

const HOSTILE = [
  '=HYPERLINK("http://example.invalid/x","点击这里")',
  "=cmd|' /C calc'!A0",
  '=1+1',
  '+SUM(A1:A9)',
  '-2+3',
  '@SUM(1)',
  '＝１＋１',
  '＋1',
  '－1',
  '＠A1',
  '\t=1+1',
  '\r=1+1',
  '"',
  '""',
  '"a"b"',
  'a\nb',
  'a\r\nb',
  '\ufeff建议号',
  '\u0000',
  '\u0007响铃',
  '\u202e反向文字',
  '\ud800',
  '合计',
  '第12号',
  '0012',
  '12',
  '  12  ',
  '2019-13-45',
  '2019年3月27日',
  '2019-02-30',
  '43600',
  '-1',
  '1e308',
  'NaN',
  'Infinity',
  '是',
  '否',
  '√',
  '待定',
  '满意',
  '好',
  '较好',
  '未表态',
  '解决采纳',
  'A',
  'E',
  '区教育局、区体育局',
  '、、、',
  '<script>alert(1)</script>',
  '${process.exit()}',
  '{{constructor.constructor("return process")()}}',
  '__proto__',
  'constructor',
];

const text = (max: number) =>
  fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: max }),
    fc.string({ unit: 'binary', maxLength: max }),
    fc.string({ unit: fc.constantFrom(...'关于建议区局代表团单位第号、，,;"\n '.split('')), maxLength: max }),
  );
const hostile = fc.constantFrom(...HOSTILE);

const dateText = fc.oneof(
  fc
    .tuple(fc.integer({ min: 1890, max: 2300 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
    .chain(([y, m, d]) =>
      fc.constantFrom(
        `${y}-${m}-${d}`,
        `${y}/${m}/${d}`,
        `${y}.${m}.${d}`,
        `${y}年${m}月${d}日`,
        `${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`,
      ),
    ),
  // Numbers where dates belong: serials, years, nonsense.
  fc.oneof(fc.integer({ min: -100_000, max: 3_000_000 }), fc.double({ noNaN: false })).map(String),
);

/** A day in 2024 between two month/day pairs, written the ways ledgers write dates. */
const day2024 = (from: [number, number], to: [number, number]) =>
  fc
    .date({
      min: new Date(Date.UTC(2024, from[0] - 1, from[1])),
      max: new Date(Date.UTC(2024, to[0] - 1, to[1])),
      noInvalidDate: true,
    })
    .chain((d) => {
      const [y, m, dd] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
      return fc.constantFrom(
        `${y}-${m}-${dd}`,
        `${y}/${m}/${dd}`,
        `${y}.${m}.${dd}`,
        `${y}年${m}月${dd}日`,
        `${y}${String(m).padStart(2, '0')}${String(dd).padStart(2, '0')}`,
      );
    });

/** Values a careful clerk would type: rows made only of these import (dates in order, one unit). */
const CLEAN: Partial<Record<LedgerField, fc.Arbitrary<string>>> = {
  title: fc.oneof(
    text(30).map((t) => `关于${t}的建议`),
    hostile,
  ),
  category: fc.constantFrom('经济发展', '城市建设与管理', '社会事业', ''),
  leadUnits: fc.constantFrom('区教育局', '区水务局', '＝区财政局', ''),
  assignedDate: day2024([1, 1], [3, 31]),
  deadline: day2024([6, 1], [9, 30]),
  replyDate: day2024([4, 1], [5, 31]),
  result: fc.constantFrom('解决采纳', '正在解决', '计划解决', '留作参考', 'A', 'B', 'C', 'D', ''),
  published: fc.constantFrom('是', '否', '√', ''),
  feedback: fc.constantFrom('满意', '基本满意', '不满意', '未表态', ''),
};

/** A cell for a column: mostly what the column should hold, sometimes anything. */
function cellFor(field: LedgerField | null, clean = false): fc.Arbitrary<string> {
  if (clean && field && field !== 'number') {
    const careful = CLEAN[field];
    if (careful) return careful;
  }
  const plausible: Record<LedgerField, fc.Arbitrary<string>> = {
    number: fc.nat(300).chain((n) => fc.constantFrom(String(n), String(n).padStart(4, '0'), `第${n}号`)),
    title: fc.oneof(
      text(30).map((t) => `关于${t}的建议`),
      hostile,
    ),
    leadDeputies: fc.constantFrom('张三', '李四', '王五、赵六', ''),
    coDeputies: fc.constantFrom('李四', '王五，赵六；钱七', ''),
    delegation: fc.constantFrom('朱泾代表团', '第1代表团', ''),
    category: fc.constantFrom('经济发展', '城市建设与管理', '社会事业', '新类别', ''),
    leadUnits: fc.constantFrom('区教育局', '区水务局', '区教育局、区体育局', ''),
    coUnits: fc.constantFrom('区民政局', '区财政局，区民政局', ''),
    assignedDate: dateText,
    deadline: dateText,
    replyDate: dateText,
    result: fc.constantFrom('解决采纳', '正在解决', '计划解决', '留作参考', 'A', 'B', 'C', 'D', 'E', '已办', ''),
    published: fc.constantFrom('是', '否', '√', '', '待定'),
    met: fc.constantFrom('是', '否', '√', ''),
    feedback: fc.constantFrom('满意', '基本满意', '不满意', '未表态', '好', '较好', '一般', '差', '还行', ''),
    closed: fc.constantFrom('是', '否', ''),
    isKey: fc.constantFrom('是', '否', ''),
    leader: fc.constantFrom('是', '否', '副区长 王某', ''),
    proposerCount: fc.constantFrom('1', '3', '十', ''),
    resultOpinion: fc.constantFrom('同意', '理解', '保留', '不同意', '还行', ''),
    replyNumber: fc.constantFrom('青府复〔2024〕12号', ''),
    signer: fc.constantFrom('王某', ''),
    contactPerson: fc.constantFrom('李明', ''),
    contactPhone: fc.constantFrom('021-12345678', ''),
    content: text(60),
    replyText: text(60),
    sessionLabel: fc.constantFrom('七届三次', '六届四次', ''),
    notes: text(40),
  };
  if (clean) return field ? plausible[field] : text(20);
  return fc.oneof(
    { weight: 8, arbitrary: field ? plausible[field] : text(20) },
    { weight: 1, arbitrary: hostile },
    { weight: 1, arbitrary: text(20) },
  );
}

/** In a careful ledger every row has its own number. */
function renumber(headers: string[], rows: string[][]): void {
  headers.forEach((h, c) => {
    if (fieldOfHeader(h) === 'number')
      rows.forEach((r, i) => (r[c] = [String(i + 1), String(i + 1).padStart(4, '0'), `第${i + 1}号`][i % 3]!));
  });
}

const HEADER_CHOICES = [
  ...HEADER,
  '案号',
  '案由',
  '提出人',
  '承办单位',
  '协办单位',
  '满意度',
  '答复时间',
  '分类',
  '编号',
  '题目',
  '',
  ' ',
  '无关列',
  '建议号（必填）',
  '＊标题',
];

/** Headers (with 建议号 and 标题 most of the time), then rows generated column by column. */
const grid = (maxRows: number, clean: boolean) =>
  fc
    .record({
      headers: fc.array(
        fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...HEADER_CHOICES) }, { weight: 1, arbitrary: text(8) }),
        {
          maxLength: 22,
        },
      ),
      required: fc.boolean(),
      at: fc.tuple(fc.nat(), fc.nat()),
    })
    .map(({ headers, required, at }) => {
      if (!required && !clean) return headers;
      const out = [...headers];
      out.splice(at[0] % (out.length + 1), 0, '建议号');
      out.splice(at[1] % (out.length + 1), 0, '标题');
      return out;
    })
    .chain((headers) =>
      fc.record({
        preamble: fc.array(fc.array(text(10), { maxLength: 3 }), { maxLength: 2 }),
        headers: fc.constant(headers),
        rows: fc.array(fc.tuple(...headers.map((h) => cellFor(fieldOfHeader(h), clean))), { maxLength: maxRows }),
      }),
    )
    .map(({ preamble, headers, rows }) => {
      const body = rows.map((r) => [...r]);
      if (clean) renumber(headers, body);
      return [...preamble, headers, ...body];
    });

function toCsv(rows: string[][], delimiter: string, eol: string, quoting: 'minimal' | 'all' | 'none'): string {
  const quote = (cell: string) => {
    const needs = cell.includes(delimiter) || /["\r\n]/.test(cell);
    if (quoting === 'all' || (quoting === 'minimal' && needs)) return `"${cell.replace(/"/g, '""')}"`;
    return cell;
  };
  return rows.map((r) => r.map(quote).join(delimiter)).join(eol);
}

/**
 * Cells of about a megabyte, in the shapes that make text patterns slow: one character repeated,
 * inner whitespace (trimming), digits before a non-digit (建议号), open parentheses (header lookup).
 */
const HUGE_CELLS = [
  '长'.repeat(350_000),
  `甲${' '.repeat(1_000_000)}乙`,
  `${'1'.repeat(1_000_000)}x1`,
  '('.repeat(1_000_000),
  `"${'"'.repeat(1_000_000)}`,
  `区教育局${'、'.repeat(500_000)}区体育局`,
];

const byteFlips = fc.array(fc.record({ at: fc.nat(), xor: fc.integer({ min: 1, max: 255 }) }), { maxLength: 4 });

function flip(buffer: Buffer, flips: { at: number; xor: number }[], truncateAt?: number | null): Buffer {
  const out = Buffer.from(buffer);
  for (const f of flips) if (out.length > 0) out[f.at % out.length] = out[f.at % out.length]! ^ f.xor;
  return truncateAt === null || truncateAt === undefined ? out : out.subarray(0, truncateAt % (out.length + 1));
}

// ---------------------------------------------------------------------------------------------

describe('fuzz: every input imports, or is refused with a clear Chinese message, in bounded time', () => {
  it('random CSV text: quotes, newlines, byte-order marks, GB18030, 1 MB cells, formulas, bad headers', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.boolean().chain((clean) => grid(25, clean)),
        fc.record({
          delimiter: fc.constantFrom(',', '\t', ';'),
          eol: fc.constantFrom('\n', '\r\n', '\r'),
          quoting: fc.constantFrom('minimal' as const, 'all' as const, 'none' as const),
          bom: fc.boolean(),
          gb18030: fc.boolean(),
          huge: fc.option(fc.record({ row: fc.nat(), col: fc.nat(), kind: fc.nat(HUGE_CELLS.length - 1) }), { freq: 8 }),
          flips: fc.option(byteFlips, { freq: 4 }),
          commit: fc.boolean(),
          newSession: fc.boolean(),
        }),
        async (rows, o) => {
          if (o.huge && rows.length > 0) {
            const r = rows[o.huge.row % rows.length]!;
            if (r.length > 0) r[o.huge.col % r.length] = HUGE_CELLS[o.huge.kind]!;
          }
          const textCsv = toCsv(rows, o.delimiter, o.eol, o.quoting);
          let bytes = o.gb18030 ? encodeGb18030(textCsv) : Buffer.from(textCsv, 'utf8');
          if (o.bom && !o.gb18030) bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
          if (o.flips) bytes = flip(bytes, o.flips);
          await runCase({
            label: 'random CSV',
            buffer: bytes,
            fileName: '随机台账.csv',
            commit: o.commit,
            sessionName: o.newSession ? '新会议' : SESSION,
          });
        },
      ),
      { seed: SEED, numRuns: 120 },
    );
  });

  it('mutations of an exported ledger: rows and columns deleted, duplicated, swapped, cells replaced', async () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('deleteRow' as const), a: fc.nat(), b: fc.nat() }),
      fc.record({ kind: fc.constant('duplicateRow' as const), a: fc.nat(), b: fc.nat() }),
      fc.record({ kind: fc.constant('swapRows' as const), a: fc.nat(), b: fc.nat() }),
      fc.record({ kind: fc.constant('deleteColumn' as const), a: fc.nat(), b: fc.nat() }),
      fc.record({ kind: fc.constant('duplicateColumn' as const), a: fc.nat(), b: fc.nat() }),
      fc.record({ kind: fc.constant('swapColumns' as const), a: fc.nat(), b: fc.nat() }),
      fc.record({ kind: fc.constant('setCell' as const), a: fc.nat(), b: fc.nat(), value: cellFor(null) }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { maxLength: 10 }),
        fc.constantFrom('xlsx' as const, 'csv' as const),
        fc.boolean(),
        async (ops, format, commit) => {
          let rows = baseGrid.map((r) => [...r]);
          for (const o of ops) {
            const width = rows[0]?.length ?? 0;
            const r = rows.length ? o.a % rows.length : 0;
            const s = rows.length ? o.b % rows.length : 0;
            const c = width ? o.a % width : 0;
            const d = width ? o.b % width : 0;
            switch (o.kind) {
              case 'deleteRow':
                rows.splice(r, 1);
                break;
              case 'duplicateRow':
                if (rows.length) rows.splice(s, 0, [...rows[r]!]);
                break;
              case 'swapRows':
                if (rows.length) [rows[r], rows[s]] = [rows[s]!, rows[r]!];
                break;
              case 'deleteColumn':
                rows = rows.map((row) => row.filter((_, i) => i !== c));
                break;
              case 'duplicateColumn':
                rows = rows.map((row) => [...row.slice(0, d), row[c] ?? '', ...row.slice(d)]);
                break;
              case 'swapColumns':
                rows = rows.map((row) => row.map((v, i) => (i === c ? row[d]! : i === d ? row[c]! : v)));
                break;
              case 'setCell':
                if (rows.length && width) rows[r]![c] = o.value;
                break;
            }
          }
          const buffer = format === 'xlsx' ? rawXlsx([{ name: '台账', rows }]) : Buffer.from(toCsv(rows, ',', '\r\n', 'minimal'));
          await runCase({ label: `mutated export (${format})`, buffer, fileName: `导出.${format}`, commit });
        },
      ),
      { seed: SEED, numRuns: 80 },
    );
  });

  it('random .xlsx written by exceljs: wrong types, formulas, rich text, links, errors, merges, many sheets, 16,384 columns', async () => {
    const DATE_FIELDS = new Set<LedgerField | null>(['assignedDate', 'deadline', 'replyDate']);
    /** A cell of any type exceljs writes, mostly what the column should hold. */
    const DATE_RANGES: Partial<Record<LedgerField, [Date, Date]>> = {
      assignedDate: [new Date(Date.UTC(2024, 0, 1)), new Date(Date.UTC(2024, 2, 31))],
      replyDate: [new Date(Date.UTC(2024, 3, 1)), new Date(Date.UTC(2024, 4, 31))],
      deadline: [new Date(Date.UTC(2024, 5, 1)), new Date(Date.UTC(2024, 8, 30))],
    };
    /** A cell of any type exceljs writes; in a careful sheet, only types that hold the right value. */
    const typed = (field: LedgerField | null, clean: boolean): fc.Arbitrary<ExcelJS.CellValue> => {
      const value = cellFor(field, clean);
      const range = field ? DATE_RANGES[field] : undefined;
      const formula = (result: fc.Arbitrary<unknown>) =>
        fc.record({
          formula: fc.constantFrom('A1+1', 'HYPERLINK("http://example.invalid","点击")', '1/0', 'SUM(A:A)', 'NOW()'),
          result: clean ? result : fc.option(result, { nil: undefined }),
        }) as fc.Arbitrary<ExcelJS.CellValue>;
      const richText = fc
        .array(value, { minLength: 1, maxLength: 1 })
        .map((parts) => ({ richText: parts.map((t) => ({ text: t, font: { bold: true } })) }));
      const link = value.filter((t) => t !== '').map((t) => ({ text: t, hyperlink: 'http://example.invalid/' }));
      // Any day a date cell can hold, from year -271821 to 275760.
      const anyDate = fc.date({ noInvalidDate: true });
      if (clean) {
        return fc.oneof(
          { weight: 8, arbitrary: value },
          { weight: range ? 8 : 0, arbitrary: range ? fc.date({ min: range[0], max: range[1], noInvalidDate: true }) : anyDate },
          { weight: range ? 2 : 0, arbitrary: anyDate },
          { weight: 1, arbitrary: formula(range ? fc.date({ min: range[0], max: range[1], noInvalidDate: true }) : value) },
          { weight: range ? 0 : 1, arbitrary: richText },
          { weight: range ? 0 : 1, arbitrary: link },
        );
      }
      return fc.oneof(
        { weight: 8, arbitrary: value },
        { weight: range ? 6 : 1, arbitrary: anyDate },
        { weight: 1, arbitrary: fc.integer() },
        { weight: 1, arbitrary: fc.double() },
        { weight: 1, arbitrary: fc.boolean() },
        { weight: 1, arbitrary: formula(fc.oneof(value, fc.integer(), anyDate, fc.constant({ error: '#DIV/0!' as const }))) },
        { weight: 1, arbitrary: richText },
        { weight: 1, arbitrary: link },
        {
          weight: 1,
          arbitrary: fc.constantFrom('#N/A', '#REF!', '#VALUE!', '#DIV/0!').map((e) => ({ error: e }) as ExcelJS.CellValue),
        },
        { weight: 1, arbitrary: fc.constant(null) },
      );
    };
    const sheetSpec = fc
      .record({
        headerRow: fc.nat(2),
        headers: fc.array(fc.constantFrom(...HEADER_CHOICES), { minLength: 0, maxLength: 20 }),
        required: fc.boolean(),
        clean: fc.boolean(),
        rowCount: fc.nat(20),
        dateFormats: fc.array(fc.nat(), { maxLength: 5 }),
        merges: fc.array(fc.record({ top: fc.nat(6), left: fc.nat(20), height: fc.nat(3), width: fc.nat(5) }), { maxLength: 4 }),
        wide: fc.boolean(),
      })
      .chain((spec) => {
        const headers = spec.clean
          ? ['建议号', '标题', '交办日期', ...spec.headers]
          : spec.required
            ? ['建议号', '标题', ...spec.headers]
            : spec.headers;
        return fc.record({
          ...Object.fromEntries(Object.entries(spec).map(([k, v]) => [k, fc.constant(v)])),
          headers: fc.constant(headers),
          rows: fc
            .array(fc.tuple(...headers.map((h) => typed(fieldOfHeader(h), spec.clean))), { maxLength: spec.rowCount })
            .map((rows) => {
              const body = rows.map((r) => [...r]);
              if (spec.clean) renumber(headers, body as string[][]);
              return body;
            }),
        }) as fc.Arbitrary<typeof spec & { rows: ExcelJS.CellValue[][] }>;
      });
    await fc.assert(
      fc.asyncProperty(
        fc.array(sheetSpec, { minLength: 1, maxLength: 3 }),
        fc.option(fc.integer({ min: 20, max: 40 }), { freq: 8 }),
        fc.boolean(),
        async (sheets, manySheets, commit) => {
          const workbook = new ExcelJS.Workbook();
          const specs = manySheets ? Array.from({ length: manySheets }, (_, i) => sheets[i % sheets.length]!) : sheets;
          specs.forEach((spec, s) => {
            const sheet = workbook.addWorksheet(`表${s + 1}`);
            for (let i = 0; i < spec.headerRow; i++) sheet.addRow(['区七届人大三次会议代表建议办理台账']);
            sheet.addRow(spec.headers);
            for (const row of spec.rows) sheet.addRow(row);
            for (const n of spec.dateFormats) {
              const cell = sheet.getCell(spec.headerRow + 2 + (n % 20), 1 + (n % 19));
              cell.numFmt = 'yyyy-mm-dd';
            }
            if (spec.wide && (!spec.clean || spec.rows.length > 0)) {
              sheet.getCell(spec.headerRow + 1, 16_384).value = '备注';
              sheet.getCell(spec.headerRow + 2, 16_384).value = '=1+1';
            }
            for (const m of spec.merges) {
              // A careful sheet merges only its title rows; elsewhere a merge copies values into rows.
              if (spec.clean && m.top + m.height >= spec.headerRow) continue;
              try {
                sheet.mergeCells(m.top + 1, m.left + 1, m.top + 1 + m.height, m.left + 1 + m.width);
              } catch {
                // overlapping an earlier merge: exceljs refuses, as Excel would
              }
            }
          });
          const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
          await runCase({ label: `random exceljs workbook (${specs.length} sheets)`, buffer, fileName: '随机.xlsx', commit });
        },
      ),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('byte-flipped and truncated .xlsx and .csv ledgers', async () => {
    const csv = Buffer.from(toCsv(baseGrid, ',', '\r\n', 'minimal'), 'utf8');
    const raw = rawXlsx([{ name: '台账', rows: baseGrid }]);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('export', 'raw', 'csv'),
        byteFlips,
        fc.option(fc.nat()),
        async (which, flips, truncateAt) => {
          const source = which === 'export' ? baseXlsx : which === 'raw' ? raw : csv;
          const fileName = which === 'csv' ? '台账.csv' : '台账.xlsx';
          await runCase({ label: `flipped ${which}`, buffer: flip(source, flips, truncateAt), fileName });
        },
      ),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('binary garbage under spreadsheet names, with and without the magic numbers of other formats', async () => {
    const prefixes = [
      Buffer.alloc(0),
      Buffer.from('PK\x03\x04', 'latin1'),
      Buffer.from('PK\x05\x06', 'latin1'),
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.from('%PDF-1.7\n'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('<html><table>'),
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...prefixes),
        fc.uint8Array({ maxLength: 3000 }),
        fc.constantFrom('台账.xlsx', '台账.csv', '台账.xls', '台账.xlsm', '台账.txt', '台账'),
        async (prefix, body, fileName) => {
          await runCase({ label: `garbage ${fileName}`, buffer: Buffer.concat([prefix, Buffer.from(body)]), fileName });
        },
      ),
      { seed: SEED, numRuns: 150 },
    );
  });
});

// ---------------------------------------------------------------------------------------------

const MiB = 1024 * 1024;

/** A real little workbook (from rawXlsx) whose parts are kept, plus `extra` parts. */
function workbookWith(extra: ReturnType<typeof deflatedEntry>[], sheetRows: (string | null)[][] = [HEADER, baseRow(1)]) {
  const parts = unzipText(rawXlsx([{ name: '台账', rows: sheetRows }]));
  return craftZip([...[...parts].map(([name, content]) => deflatedEntry(name, content)), ...extra]);
}

describe('zip bombs and other archives built to exhaust memory', () => {
  it('refuses an honest 1 GiB entry by its declared size, before inflating anything', async () => {
    const zeros = deflatedZeros(1024);
    const size = 0xfffffff0; // the most a 32-bit header can claim short of ZIP64: still far past the budget
    const buffer = workbookWith([zerosEntry('xl/media/image1.png', zeros, size)]);
    const { outcome, error, ms } = await runCase({ label: 'zip bomb 1 GiB, honest', buffer, fileName: '炸弹.xlsx' });
    expect(outcome).toBe('refused');
    expect(error!.message).toContain('「炸弹.xlsx」');
    expect(error!.message).toContain('解压后超过 160 MB');
    expect(ms).toBeLessThan(1000);
  });

  it('refuses 200 MB of zeros (the budget is 160 MiB)', async () => {
    const zeros = deflatedZeros(191); // 200,278,016 bytes
    const buffer = workbookWith([zerosEntry('xl/media/image1.png', zeros)]);
    const { error } = await runCase({ label: 'zip bomb 200 MB, honest', buffer, fileName: '炸弹.xlsx' });
    expect(error?.message).toContain('压缩炸弹');
  });

  it('refuses a 1 GiB entry whose header claims 5,000 bytes, stopping at the claimed size', async () => {
    const zeros = deflatedZeros(1024);
    const buffer = workbookWith([zerosEntry('xl/worksheets/sheet2.xml', zeros, 5000)]);
    const memoryBefore = process.memoryUsage().rss;
    const { error, ms } = await runCase({ label: 'zip bomb 1 GiB, lying header', buffer, fileName: '炸弹.xlsx' });
    expect(error?.message).toContain('组成部分「xl/worksheets/sheet2.xml」解压后比文件中记录的 5000 字节更大');
    expect(ms).toBeLessThan(1000);
    expect(process.memoryUsage().rss - memoryBefore).toBeLessThan(200 * MiB);
  });

  it('refuses many small entries that each lie a little: the inflated bytes are counted, not the headers', async () => {
    const zeros = deflatedZeros(8);
    const liars = Array.from({ length: 30 }, (_, i) => zerosEntry(`xl/media/image${i}.png`, zeros, 4 * MiB));
    const { error } = await runCase({ label: 'zip bomb, 30 lying entries', buffer: workbookWith(liars), fileName: '炸弹.xlsx' });
    expect(error?.message).toContain('解压后比文件中记录的 4194304 字节更大');
  });

  it('refuses overlapping entries (one compressed block named 30 times) by their summed size', async () => {
    const zeros = deflatedZeros(8);
    const copies = Array.from({ length: 30 }, (_, i) => zerosEntry(`xl/media/copy${i}.bin`, zeros));
    const { error } = await runCase({ label: 'zip bomb, 30 × 8 MiB', buffer: workbookWith(copies), fileName: '炸弹.xlsx' });
    expect(error?.message).toContain('压缩炸弹');
  });

  it('refuses sizes saturated at 0xFFFFFFFF without their ZIP64 value, too many entries, and encrypted entries', async () => {
    const small = deflatedEntry('xl/media/a.bin', 'abc');
    const saturated = await runCase({
      label: 'ZIP64 size without its value',
      buffer: workbookWith([{ ...small, declaredSize: 0xffffffff }]),
      fileName: '台账.xlsx',
    });
    expect(saturated.error?.message).toContain('压缩炸弹');

    const many = Array.from({ length: XLSX_LIMITS.maxEntries + 1 }, (_, i) => deflatedEntry(`x/${i}`, ''));
    const crowded = await runCase({ label: 'too many entries', buffer: workbookWith(many), fileName: '台账.xlsx' });
    expect(crowded.error?.message).toContain(`超过了上限 ${XLSX_LIMITS.maxEntries} 个`);

    const locked = await runCase({
      label: 'encrypted zip entry',
      buffer: workbookWith([{ ...small, encrypted: true }]),
      fileName: '台账.xlsx',
    });
    expect(locked.error?.message).toContain('已加密');
  });

  it('reads a workbook whose picture inflates to 100 MiB, within the budget', async () => {
    const zeros = deflatedZeros(100);
    const buffer = workbookWith([zerosEntry('xl/media/image1.png', zeros)]);
    const { outcome, report } = await runCase({ label: '100 MiB picture', buffer, fileName: '大图.xlsx' });
    expect(outcome).toBe('imported');
    expect(report!.rows).toHaveLength(1);
  });
});

describe('worksheet parts exceljs would expand cell by cell', () => {
  const sheetWith = (extra: { before?: string; after?: string }, workbookExtra?: string) =>
    rawXlsx([{ name: '台账', rows: [HEADER, baseRow(1), baseRow(2)], ...extra }], { workbookExtra });

  it.each([
    [
      'a drop-down list over whole columns',
      {
        after:
          '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="L2:S1048576"><formula1>"解决采纳,正在解决"</formula1></dataValidation></dataValidations>',
      },
    ],
    ['a column range up to 300 million', { before: '<cols><col min="1" max="300000000" width="10" customWidth="1"/></cols>' }],
    [
      'conditional formatting over the whole sheet',
      {
        after:
          '<conditionalFormatting sqref="A1:XFD1048576"><cfRule type="expression" dxfId="0" priority="1"><formula>A1&gt;0</formula></cfRule></conditionalFormatting>',
      },
    ],
  ])('reads the ledger and ignores %s', async (_name, extra) => {
    const { outcome, report } = await runCase({ label: _name, buffer: sheetWith(extra), fileName: '台账.xlsx' });
    expect(outcome).toBe('imported');
    expect(report!.rows.map((r) => r.title)).toEqual(['关于第1项工作的建议', '关于第2项工作的建议']);
  });

  it('reads the ledger and ignores a defined name over the whole sheet', async () => {
    const buffer = sheetWith({}, '<definedNames><definedName name="全表">台账!$A$1:$XFD$1048576</definedName></definedNames>');
    const { outcome } = await runCase({ label: 'defined name over the whole sheet', buffer, fileName: '台账.xlsx' });
    expect(outcome).toBe('imported');
  });

  it('keeps a title merged over the header and a unit merged down its rows', async () => {
    const rows = [['区七届人大三次会议建议台账'], HEADER, baseRow(1), [...baseRow(2).slice(0, 6), null, ...baseRow(2).slice(7)]];
    const buffer = rawXlsx([
      { name: '台账', rows, after: '<mergeCells count="2"><mergeCell ref="A1:S1"/><mergeCell ref="G3:G4"/></mergeCells>' },
    ]);
    const { report } = await runCase({ label: 'ordinary merges', buffer, fileName: '台账.xlsx' });
    expect(report!.errors).toEqual([]);
    expect(report!.headerRow).toBe(2);
    // The merged cell's value reaches the row below it: proposal 2 would move to 单位1.
    expect(report!.rows[1]!.changes).toEqual([
      { field: 'leadUnits', header: '主办单位', before: '单位2', after: '单位1', cleared: false },
    ]);
  });

  it.each([
    ['a merge over the whole sheet', '<mergeCell ref="A5:XFD1048576"/>'],
    ['a merge over whole columns', '<mergeCell ref="T1:Z1048576"/>'],
    [
      'ten thousand and one merges',
      Array.from({ length: 10_001 }, (_, i) => `<mergeCell ref="T${i * 2 + 1}:T${i * 2 + 2}"/>`).join(''),
    ],
  ])('refuses %s, naming the sheet', async (name, merges) => {
    const buffer = sheetWith({ after: `<mergeCells>${merges}</mergeCells>` });
    const { error } = await runCase({ label: name, buffer, fileName: '台账.xlsx' });
    expect(error?.message).toContain('「台账.xlsx」：工作表「台账」的合并单元格太多或太大');
  });

  it('refuses 100,000 rows that each reach column XFD, and reads one such row', async () => {
    const far = (r: number) => `<c r="XFD${r}" t="inlineStr"><is><t>x</t></is></c>`;
    const body = Array.from({ length: 100_000 }, (_, i) => `<row r="${i + 4}">${far(i + 4)}</row>`).join('');
    const parts = unzipText(rawXlsx([{ name: '台账', rows: [HEADER, baseRow(1), baseRow(2)] }]));
    const sheet = parts.get('xl/worksheets/sheet1.xml')!.replace('</sheetData>', `${body}</sheetData>`);
    parts.set('xl/worksheets/sheet1.xml', sheet);
    const wide = craftZip([...parts].map(([n, c]) => deflatedEntry(n, c)));
    const { error } = await runCase({ label: '100,000 rows to column XFD', buffer: wide, fileName: '台账.xlsx' });
    expect(error?.message).toContain('工作表「台账」的数据范围太大');

    const one = rawXlsx([{ name: '台账', rows: [HEADER, baseRow(1)], after: '' }]);
    const oneParts = unzipText(one);
    oneParts.set(
      'xl/worksheets/sheet1.xml',
      oneParts.get('xl/worksheets/sheet1.xml')!.replace('</row></sheetData>', `${far(2)}</row></sheetData>`),
    );
    const { outcome } = await runCase({
      label: 'one row to column XFD',
      buffer: craftZip([...oneParts].map(([n, c]) => deflatedEntry(n, c))),
      fileName: '台账.xlsx',
    });
    expect(outcome).toBe('imported');
  });

  it('refuses a CSV of 21 million empty cells', async () => {
    const buffer = Buffer.from(`建议号,标题\n1,甲\n${','.repeat(21_000_000)}\n`);
    const { error } = await runCase({ label: 'CSV of 21 million commas', buffer, fileName: '台账.csv' });
    expect(error?.message).toContain('已超过 2000 万个单元格');
  });
});

describe('files that are not what their name says', () => {
  const ole = (stream: string) =>
    Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(1000),
      Buffer.from(stream, 'utf16le'),
      Buffer.alloc(500),
    ]);

  it.each([
    ['a password-protected .xlsx (an OLE file with EncryptedPackage)', ole('EncryptedPackage'), '设置了打开密码'],
    ['an .xls saved under an .xlsx name', ole('Workbook'), '旧版 Excel 97-2003 格式（.xls）'],
    ['a PDF', Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj'), '而是 PDF 文件'],
    ['CSV text', Buffer.from('建议号,标题\r\n1,关于甲的建议\r\n'), '如果它是 CSV 表格，请把扩展名改为 .csv'],
    ['a .docx', craftZip([deflatedEntry('word/document.xml', '<w:document/>')]), 'Word 文档（.docx）'],
  ])('names %s', async (_name, buffer, expected) => {
    const { error } = await runCase({ label: _name, buffer, fileName: '台账.xlsx' });
    expect(error?.message).toContain('「台账.xlsx」');
    expect(error?.message).toContain(expected);
  });

  it('says a truncated .xlsx is incomplete, and a corrupted one is damaged', async () => {
    const truncated = await runCase({
      label: 'truncated',
      buffer: baseXlsx.subarray(0, baseXlsx.length - 100),
      fileName: '台账.xlsx',
    });
    expect(truncated.error?.message).toContain('文件不完整');
    const damaged = Buffer.from(baseXlsx);
    damaged[200] = damaged[200]! ^ 0xff; // inside the first part's compressed data
    const corrupt = await runCase({ label: 'damaged', buffer: damaged, fileName: '台账.xlsx' });
    expect(corrupt.error?.message).toContain('文件已损坏');
  });

  it('reads an .xlsx saved under an .xls name, and says an .xlsx named .csv is not text', async () => {
    const asXls = await runCase({ label: '.xlsx named .xls', buffer: baseXlsx, fileName: '台账.xls' });
    expect(asXls.outcome).toBe('imported');
    const asCsv = await runCase({ label: '.xlsx named .csv', buffer: baseXlsx, fileName: '台账.csv' });
    expect(asCsv.error?.message).toContain('请把扩展名改为 .xlsx');
  });

  it('says a UTF-16 CSV is UTF-16, with and without its byte-order mark', async () => {
    for (const bytes of [Buffer.from('\ufeff建议号,标题\r\n1,甲', 'utf16le'), Buffer.from('建议号,标题\r\n1,甲', 'utf16le')]) {
      const { error } = await runCase({ label: 'UTF-16 CSV', buffer: bytes, fileName: '台账.csv' });
      expect(error?.message).toBe('「台账.csv」是 UTF-16 编码（Excel 的“Unicode 文本”），请另存为“CSV UTF-8”或 .xlsx 后再导入。');
    }
  });
});

describe('cells of a megabyte in the shapes that make text patterns slow', () => {
  const positions: [string, number, number][] = [
    ['建议号', 1, 0],
    ['标题', 1, 1],
    ['会办单位', 1, 7],
    ['a header cell', 0, 5],
  ];
  it.each(
    HUGE_CELLS.slice(1).flatMap((cell, kind) => positions.map(([where, r, c]) => [`${kind + 1}`, where, r, c, cell] as const)),
  )('huge cell %s in %s: refused or imported within 2 s, as CSV and as .xlsx', async (kind, where, r, c, cell) => {
    const rows = [[...HEADER], baseRow(1), baseRow(2)];
    rows[r]![c] = cell;
    for (const [buffer, fileName] of [
      [Buffer.from(toCsv(rows, ',', '\r\n', 'minimal')), '巨大.csv'],
      [rawXlsx([{ name: '台账', rows }]), '巨大.xlsx'],
    ] as const) {
      const { outcome, report } = await runCase({ label: `huge cell ${kind} in ${where}`, buffer, fileName, limitMs: 2000 });
      if (r === 1) {
        expect(outcome).toBe('rowErrors');
        expect(report!.errors[0]).toMatch(/^第2行「.+」内容过长：\d+ 个字符，最多 \d+ 个/);
        expect(report!.errors[0]!.length).toBeLessThan(200);
      }
    }
  });
});

describe('dates outside what a ledger can mean', () => {
  it('reports a date cell in year -838 or 30000 as a row error instead of storing it', async () => {
    const workbook: Workbook = {
      format: 'xlsx',
      sheets: [
        {
          name: '台账',
          rows: [
            { rowNumber: 1, cells: [...HEADER] },
            {
              rowNumber: 2,
              cells: ['1', '甲', ...Array(6).fill(null), new Date(Date.UTC(-838, 4, 1)), new Date(Date.UTC(30000, 0, 1))],
            },
            { rowNumber: 3, cells: ['2', '乙', ...Array(6).fill(null), new Date(Number.NaN)] },
          ],
        },
      ],
    };
    const store = await freshStore();
    const before = snapshot(store);
    const report = importWorkbook(store, workbook, { sessionName: SESSION });
    expect(report.errors).toEqual([
      '第2行「交办日期」无法识别：-838-05-01（日期应在 1900 年到 2200 年之间）',
      '第2行「办理期限」无法识别：30000-01-01（日期应在 1900 年到 2200 年之间）',
      '第3行「交办日期」无法识别：无效的日期（日期应在 1900 年到 2200 年之间）',
    ]);
    expect(snapshot(store)).toBe(before);
    store.close();
  });
});

// ---------------------------------------------------------------------------------------------

describe('100,000 rows', () => {
  const rows = 100_000;
  const big = [
    HEADER,
    ...Array.from({ length: rows }, (_, i) => baseRow(i + 1).map((v, c) => (c === 0 ? String(i + 1).padStart(6, '0') : v))),
  ];
  const timings: Record<string, number> = {};

  afterAll(() => {
    console.log(
      `100,000 rows: ${Object.entries(timings)
        .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`)
        .join(', ')}`,
    );
  });

  async function timed<T>(name: string, work: () => Promise<T> | T): Promise<T> {
    const started = performance.now();
    const result = await work();
    timings[name] = performance.now() - started;
    return result;
  }

  it('reads and dry-runs a CSV ledger of 100,000 rows', { timeout: 120_000 }, async () => {
    const buffer = Buffer.from(toCsv(big, ',', '\r\n', 'minimal'), 'utf8');
    const workbook = await timed('CSV read', () => readSpreadsheetBuffer(buffer, '十万行.csv'));
    const report = await timed('CSV dry run', () =>
      importWorkbook(dryStore, workbook, { sessionName: '十万行会议', year: 2024, dryRun: true }),
    );
    expect(report.errors).toEqual([]);
    expect(report.counts).toEqual({ insert: rows, update: 0, unchanged: 0 });
    expect(timings['CSV read']! + timings['CSV dry run']!).toBeLessThan(30_000);
  });

  it('reads, dry-runs and commits an .xlsx ledger of 100,000 rows on a fresh database', { timeout: 180_000 }, async () => {
    const buffer = rawXlsx([{ name: '台账', rows: big }], { level: 1 });
    const workbook = await timed('xlsx read', () => readSpreadsheetBuffer(buffer, '十万行.xlsx'));
    const store = await freshStore();
    const dry = await timed('xlsx dry run', () =>
      importWorkbook(store, workbook, { sessionName: '十万行会议', year: 2024, dryRun: true }),
    );
    expect(dry.errors).toEqual([]);
    expect(dry.counts.insert).toBe(rows);
    const report = await timed('xlsx commit', () => importWorkbook(store, workbook, { sessionName: '十万行会议', year: 2024 }));
    expect(report.committed).toBe(true);
    expect(store.proposals.countBySession(store.sessions.getByName('十万行会议').id)).toBe(rows);
    store.close();
    expect(timings['xlsx read']! + timings['xlsx dry run']!).toBeLessThan(30_000);
    expect(timings['xlsx commit']!).toBeLessThan(60_000);
  });
});

// ---------------------------------------------------------------------------------------------

describe('formula injection: exported cells never run as formulas', () => {
  const LEADS = ['=', '+', '-', '@', '＝', '＋', '－', '＠'];

  it('writes text beginning with = + - @ (and their full-width forms) as text cells in Text format, and reads it back unchanged', async () => {
    const rows = [
      HEADER,
      ...LEADS.map((lead, i) => {
        const r = baseRow(i + 1);
        r[1] = `${lead}HYPERLINK("http://example.invalid/${i}","点击")`;
        r[2] = `${lead}张三`;
        r[6] = `${lead}SUM(A1:A9)`;
        r[18] = `${lead}cmd|' /C calc'!A0`;
        return r;
      }),
    ];
    const store = await freshStore();
    const imported = importWorkbook(
      store,
      await readSpreadsheetBuffer(Buffer.from(toCsv(rows, ',', '\r\n', 'minimal')), '注入.csv'),
      {
        sessionName: '注入会议',
        year: 2024,
      },
    );
    expect(imported.errors).toEqual([]);
    const session = store.sessions.getByName('注入会议');
    // Tab and carriage return at the start can only come from an edit, not from an import (which trims).
    const first = store.proposals.ledger(session.id)[0]!;
    store.proposals.update(first.id, { leaderName: '\t=1+1', leaderSupervised: true, delegation: '\r@SUM(1)' });
    const exported = await ledgerWorkbook(store, session);

    const parts = unzipText(exported);
    const sheet = parts.get('xl/worksheets/sheet1.xml')!;
    expect(sheet).not.toMatch(/<f[\s>]/);
    expect(sheet).not.toMatch(/t="str"/);
    // The export streams its rows, so a text is an inline string (t="inlineStr") rather than an
    // entry of a shared-strings table held in memory until the end: a string either way, never a
    // formula (t="str" would be a formula's cached result).
    expect(parts.has('xl/sharedStrings.xml')).toBe(false);
    const textIn = (xml: string) =>
      xml
        .replace(/<[^>]+>/g, '')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&');
    const numFmtOfStyle = [
      ...parts
        .get('xl/styles.xml')!
        .match(/<cellXfs[^>]*>(.*?)<\/cellXfs>/s)![1]!
        .matchAll(/<xf [^>]*numFmtId="(\d+)"/g),
    ].map((m) => Number(m[1]));
    const cells = [...sheet.matchAll(/<c r="([A-Z]+)(\d+)"([^>]*?)(?:\/>|>(.*?)<\/c>)/gs)].map((m) => ({
      col: m[1]!,
      row: Number(m[2]),
      attrs: m[3]!,
      value: m[4] ?? '',
    }));
    const textOf = new Map<string, string>();
    for (const c of cells) {
      const style = Number(/ s="(\d+)"/.exec(c.attrs)?.[1] ?? 0);
      const dateColumn = [col('assignedDate'), col('deadline'), col('replyDate')].includes(c.col);
      // Text columns carry the Text format (49 = "@"), header row included.
      if (!dateColumn) expect(numFmtOfStyle[style], `${c.col}${c.row}`).toBe(49);
      if (c.value !== '' && !dateColumn) {
        expect(c.attrs, `${c.col}${c.row} is an inline string`).toContain('t="inlineStr"');
        // Plain text: one <t>, no rich-text runs.
        textOf.set(`${c.col}${c.row}`, textIn(/^<is><t(?: xml:space="preserve")?>([^<]*)<\/t><\/is>$/.exec(c.value)![1]!));
      }
    }
    LEADS.forEach((lead, i) => {
      expect(textOf.get(`${col('title')}${i + 2}`)).toBe(`${lead}HYPERLINK("http://example.invalid/${i}","点击")`);
      expect(textOf.get(`${col('leadDeputies')}${i + 2}`)).toBe(`${lead}张三`);
      expect(textOf.get(`${col('leadUnits')}${i + 2}`)).toBe(`${lead}SUM(A1:A9)`);
      expect(textOf.get(`${col('notes')}${i + 2}`)).toBe(`${lead}cmd|' /C calc'!A0`);
    });
    // Stored as the clerk typed them; a carriage return becomes a line feed (the only break XML keeps).
    expect(textOf.get(`${col('leader')}2`)).toBe('\t=1+1');
    expect(textOf.get(`${col('delegation')}2`)).toBe('\n@SUM(1)');

    // exceljs (as Excel) reads them as strings, and importing the export gives the same records.
    const check = new ExcelJS.Workbook();
    await check.xlsx.load(exported as unknown as ArrayBuffer);
    check.worksheets[0]!.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.formula).toBeUndefined();
        expect([ExcelJS.ValueType.String, ExcelJS.ValueType.Date]).toContain(cell.type);
      }),
    );
    const fresh = await freshStore();
    const again = importWorkbook(fresh, await readSpreadsheetBuffer(exported, '导出.xlsx'), {
      sessionName: '注入会议',
      year: 2024,
    });
    expect(again.errors).toEqual([]);
    const roundTrip = fresh.proposals.ledger(fresh.sessions.getByName('注入会议').id);
    const original = store.proposals.ledger(session.id);
    expect(roundTrip.map((p) => [p.title, p.leadDeputies, p.leadUnit])).toEqual(
      original.map((p) => [p.title, p.leadDeputies, p.leadUnit]),
    );
    expect(roundTrip.map((p) => p.notes)).toEqual(original.map((p) => p.notes));
    // Leading whitespace is trimmed on import, as for every cell.
    expect(roundTrip[0]!.leaderName).toBe('=1+1');
    expect(roundTrip[0]!.delegation).toBe('@SUM(1)');
    store.close();
    fresh.close();
  });
});
