// Importing a newer ledger over work typed in the app: what the clerk entered stays unless the
// file says otherwise, and what changes is shown field by field before anything is written.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../electron/node/api/dispatch';
import { createHandlers } from '../electron/node/api/handlers';
import { importLedgerFile } from '../electron/node/ledger/import-ledger';
import { runCli } from '../electron/node/cli/main';
import { makeXlsx, newStore, tempDir, writeFile } from './helpers/fixtures';

const SESSION = { sessionName: '区七届人大三次会议', year: 2024 };
const HEADER = ['建议号', '标题', '主办单位', '答复日期', '办理结果', '代表评价', '是否公开'];

async function ledger(rows: (string | null)[][], header = HEADER) {
  return writeFile(tempDir(), '台账.xlsx', await makeXlsx([{ name: '台账', rows: [header, ...rows] }]));
}

async function seeded() {
  const store = await newStore();
  const file = await ledger([
    ['1', '关于甲的建议', '区教育局', null, null, null, null],
    ['2', '关于乙的建议', '区水务局', null, null, null, null],
  ]);
  await importLedgerFile(store, file, SESSION);
  const handlers = createHandlers({ store, databaseFile: store.file, today: () => '2024-07-15', version: 'test' });
  const [first] = store.proposals.ledger(store.sessions.getByName(SESSION.sessionName).id);
  const saved = await dispatch(handlers, 'proposals.update', {
    id: first!.id,
    version: first!.version,
    fields: { replyDate: '2024-06-20', resultCode: 'A', feedback: '满意', published: true },
  });
  expect(saved.ok).toBe(true);
  return { store, file, handlers, id: first!.id };
}

describe('re-importing a ledger over work typed in the app', () => {
  it('keeps the reply date, result and rating the clerk entered when the file’s cells are blank', async () => {
    const { store, file, id } = await seeded();
    const dry = await importLedgerFile(store, file, { ...SESSION, dryRun: true });
    expect(dry.counts).toEqual({ insert: 0, update: 0, unchanged: 2 });
    expect(dry.kept).toBe(4);
    expect(dry.cleared).toBe(0);
    expect(dry.rows[0]!.kept.map((k) => `${k.header}=${k.value}`)).toEqual([
      '答复日期=2024-06-20',
      '办理结果=解决采纳',
      '是否公开=是',
      '代表评价=满意',
    ]);
    expect(dry.warnings.join()).toContain('4 处空白单元格对应的内容在数据库里已经填写，导入时保留原有内容');

    const done = await importLedgerFile(store, file, SESSION);
    expect(done.committed).toBe(true);
    expect(store.proposals.get(id)).toMatchObject({
      replyDate: '2024-06-20',
      resultCode: 'A',
      feedback: '满意',
      published: true,
    });
  });

  it('clears them only when asked, listing every value that goes, and logs each field', async () => {
    const { store, file, id } = await seeded();
    const dry = await importLedgerFile(store, file, { ...SESSION, dryRun: true, clearBlanks: true });
    expect(dry.counts).toEqual({ insert: 0, update: 1, unchanged: 1 });
    expect(dry.cleared).toBe(4);
    expect(dry.rows[0]!.changes.map((c) => `${c.header}:${c.before}→${c.after}${c.cleared ? '（清空）' : ''}`)).toEqual([
      '答复日期:2024-06-20→（清空）',
      '办理结果:解决采纳→（清空）',
      '是否公开:是→否（清空）',
      '代表评价:满意→（清空）',
    ]);
    await importLedgerFile(store, file, { ...SESSION, clearBlanks: true });
    expect(store.proposals.get(id)).toMatchObject({ replyDate: null, resultCode: null, feedback: null, published: false });
    const event = store.events.forEntity('proposal', id).find((e) => e.action === '导入更新')!;
    expect((event.details as { changes: { header: string; before: string; cleared: boolean }[] }).changes).toEqual([
      expect.objectContaining({ header: '答复日期', before: '2024-06-20', after: '', cleared: true }),
      expect.objectContaining({ header: '办理结果', before: '解决采纳', after: '', cleared: true }),
      expect.objectContaining({ header: '是否公开', before: '是', after: '否', cleared: true }),
      expect.objectContaining({ header: '代表评价', before: '满意', after: '', cleared: true }),
    ]);
  });

  it('lets a value in the file replace the saved one, and says before → after', async () => {
    const { store, id } = await seeded();
    const file = await ledger([['1', '关于甲的建议', '区教育局', '2024-06-25', '正在解决', null, null]]);
    const dry = await importLedgerFile(store, file, { ...SESSION, dryRun: true });
    expect(dry.rows[0]!.changes.map((c) => `${c.header}:${c.before}→${c.after}`)).toEqual([
      '答复日期:2024-06-20→2024-06-25',
      '办理结果:解决采纳→正在解决',
    ]);
    await importLedgerFile(store, file, SESSION);
    expect(store.proposals.get(id)).toMatchObject({
      replyDate: '2024-06-25',
      resultCode: 'B',
      feedback: '满意',
      published: true,
    });
  });

  it('skips a totals row wherever it sits, and a header repeated on every printed page', async () => {
    const store = await newStore();
    const file = await ledger([
      ['1', '关于甲的建议', '区教育局', null, 'A', null, null],
      ['小计', null, null, null, null, null, null],
      HEADER,
      ['2', '关于乙的建议', '区水务局', null, 'B', null, null],
      ['共2件', null, null, null, null, null, null],
      [null, '合计', '2', null, null, null, null],
    ]);
    const report = await importLedgerFile(store, file, SESSION);
    expect(report.errors).toEqual([]);
    expect(report.counts.insert).toBe(2);
    expect(report.warnings).toEqual(
      expect.arrayContaining([
        '第3行是合计行，已跳过。',
        '第4行是重复的表头（打印时每页重复的表头），已跳过。',
        '第6行是合计行，已跳过。',
        '第7行是合计行，已跳过。',
      ]),
    );
  });

  it('reads common wordings: 列入计划, 可公开 / 不公开 / 依申请公开, dates without a year (the session’s, said in the preview)', async () => {
    const store = await newStore();
    const file = await ledger([
      ['1', '关于甲的建议', '区教育局', '6月20日', '列入计划', '满意', '可公开'],
      ['2', '关于乙的建议', '区水务局', '2024/6/21 10:00:00', 'A（已解决或采纳）', null, '不公开'],
      ['3', '关于丙的建议', '区水务局', '2024-06-22', '已答复-D', null, '依申请公开'],
      ['4', '关于丁的建议', '区水务局', null, '甲类', null, '公开'],
    ]);
    const report = await importLedgerFile(store, file, SESSION);
    expect(report.errors).toEqual([]);
    const rows = store.proposals.ledger(store.sessions.getByName(SESSION.sessionName).id);
    expect(rows.map((p) => [p.replyDate, p.resultCode, p.published])).toEqual([
      ['2024-06-20', 'C', true],
      ['2024-06-21', 'A', false],
      ['2024-06-22', 'D', false],
      [null, 'A', true],
    ]);
    expect(report.warnings.join('\n')).toContain(
      '有 1 个日期没有写年份，按会议的年份（2024年）读取，例如第2行「答复日期」6月20日 → 2024-06-20',
    );
    expect(report.readings.map((r) => `${r.value}→${r.meaning}`)).toEqual(
      expect.arrayContaining(['依申请公开→否', '可公开→是', '列入计划→计划解决', 'A（已解决或采纳）→解决采纳']),
    );
  });

  it('reads bare letters in a three-class session with C for 留作参考, and says which scheme it used', async () => {
    const store = await newStore();
    store.sessions.create({ name: '三类会议', year: 2024, settings: { resultClassCount: 3 } });
    const file = await ledger([
      ['1', '关于甲的建议', '区教育局', null, 'A', null, null],
      ['2', '关于乙的建议', '区水务局', null, 'B', null, null],
      ['3', '关于丙的建议', '区水务局', null, 'C', null, null],
    ]);
    const report = await importLedgerFile(store, file, { sessionName: '三类会议' });
    expect(report.errors).toEqual([]);
    expect(store.proposals.ledger(store.sessions.getByName('三类会议').id).map((p) => p.resultCode)).toEqual(['A', 'B', 'D']);
    expect(report.warnings).toContain(
      '「办理结果」有 3 行只写了字母，按本届会议的三类办理结果读取：A 解决采纳、B 正在解决或列入规划解决、C 留作参考。',
    );
  });

  it('warns before writing when the ledger has no 办理结果 column, in words a clerk understands', async () => {
    const store = await newStore();
    const file = await ledger([['1', '关于甲的建议']], ['建议号', '标题']);
    const report = await importLedgerFile(store, file, { ...SESSION, dryRun: true });
    expect(report.missing.map((m) => m.message)).toEqual([
      '这份台账里没有找到「办理结果」列：导入后所有建议都会算作尚未答复，办理结果的分布和解决率不会统计。',
      '这份台账里没有找到「代表评价」列：代表评价和满意率不会统计（概览里显示“台账未提供”）。',
      '这份台账里没有找到「类别」列：按类别的统计不会出现，也不会把建议算作“未分类”。',
      '这份台账里没有找到「主办单位」列：按承办单位的统计和答复函都需要主办单位。',
    ]);
  });
});

describe('facts the ledger did not give', () => {
  it('stay 台账未提供 when the editor saves other fields, and are given once the clerk enters them', async () => {
    const { store, handlers, id } = await seeded();
    const session = () => store.sessions.getByName(SESSION.sessionName);
    // The first ledger had no 是否见面 and no 类别 column.
    expect(session().missingFacts).toEqual(expect.arrayContaining(['met', 'category', 'closed']));
    const save = async (fields: Record<string, unknown>) =>
      dispatch(handlers, 'proposals.update', { id, version: store.proposals.get(id).version, fields });
    // The editor sends every field: unchanged values give nothing.
    expect(await save({ title: '关于甲的建议（改）', met: false, closed: false })).toMatchObject({ ok: true });
    expect(session().missingFacts).toContain('met');
    expect(await save({ met: true })).toMatchObject({ ok: true });
    expect(session().missingFacts).not.toContain('met');
    expect(session().missingFacts).toContain('closed');
    // A later ledger without those columns changes nothing; one with them gives them.
    await importLedgerFile(store, await ledger([['1', '关于甲的建议（改）', '区教育局', null, null, null, null]]), SESSION);
    expect(session().missingFacts).toContain('closed');
    const withClosed = await ledger([['1', '关于甲的建议（改）', '是']], ['建议号', '标题', '是否办结']);
    await importLedgerFile(store, withClosed, SESSION);
    expect(session().missingFacts).not.toContain('closed');
  });
});

describe('choosing columns', () => {
  it('takes --map from the command line and --clear-blanks, and prints what will be cleared', async () => {
    const dir = tempDir();
    const db = `${dir}/台账.db`;
    const file = writeFile(
      dir,
      '台账.xlsx',
      await makeXlsx([
        {
          name: '台账',
          rows: [
            ['编号', '题目', '落实情况', '群众反映'],
            ['1', '关于甲的建议', 'A', '满意'],
          ],
        },
      ]),
    );
    const out: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => out.push(t) };
    expect(await runCli(['init', '--db', db], io)).toBe(0);
    const code = await runCli(
      [
        'import',
        file,
        '--db',
        db,
        '--session',
        '会议',
        '--year',
        '2024',
        '--map',
        '落实情况=办理结果，群众反映=代表评价',
        '--dry-run',
      ],
      io,
    );
    expect(code).toBe(0);
    expect(out.join('\n')).toContain('将新增 1 件');
    expect(out.join('\n')).not.toContain('没有找到「办理结果」列');
    expect(await runCli(['import', file, '--db', db, '--session', '会议', '--year', '2024', '--map', '落实情况=结论'], io)).toBe(
      2,
    );
    expect(out.at(-1)).toContain('「结论」不是台账的字段');
  });

  it('remembers the mapping a clerk chose in the UI for the next file with the same headers', async () => {
    const store = await newStore();
    const handlers = createHandlers({ store, databaseFile: store.file, today: () => '2024-07-15', version: 'test' });
    const bytes = async (rows: string[][]) =>
      (await makeXlsx([{ name: '台账', rows: [['编号', '题目', '落实情况'], ...rows] }])).toString('base64');
    const base = { fileName: '台账.xlsx', sessionName: '会议', year: 2024 };
    const first = await dispatch(handlers, 'import.commit', {
      ...base,
      contentBase64: await bytes([['1', '关于甲的建议', 'A']]),
      mapping: { '2': 'result' },
    });
    expect(first).toMatchObject({ ok: true, value: { committed: true, recalled: false } });
    const second = await dispatch(handlers, 'import.preview', {
      ...base,
      contentBase64: await bytes([['2', '关于乙的建议', 'B']]),
    });
    expect(second).toMatchObject({ ok: true, value: { recalled: true, errors: [] } });
    const columns = (second as { value: { columns: { header: string; field: string | null }[] } }).value.columns;
    expect(columns.find((c) => c.header === '落实情况')!.field).toBe('result');
  });

  it('remembers a header printed twice as two columns with their own fields', async () => {
    const store = await newStore();
    const handlers = createHandlers({ store, databaseFile: store.file, today: () => '2024-07-15', version: 'test' });
    const bytes = async (rows: string[][]) =>
      (await makeXlsx([{ name: '台账', rows: [['编号', '题目', '办理结果', '办理结果'], ...rows] }])).toString('base64');
    const base = { fileName: '台账.xlsx', sessionName: '会议', year: 2024 };
    const first = await dispatch(handlers, 'import.commit', {
      ...base,
      contentBase64: await bytes([['1', '关于甲的建议', 'A', '同意']]),
      mapping: { '2': 'result', '3': 'resultOpinion' },
    });
    expect(first).toMatchObject({ ok: true, value: { committed: true, errors: [] } });
    const second = await dispatch(handlers, 'import.commit', {
      ...base,
      contentBase64: await bytes([['2', '关于乙的建议', 'B', '基本同意']]),
    });
    expect(second).toMatchObject({ ok: true, value: { recalled: true, committed: true, errors: [] } });
    const session = store.sessions.getByName('会议');
    expect(store.proposals.ledger(session.id).map((p) => [p.number, p.resultCode, p.resultOpinion])).toEqual([
      ['1', 'A', '同意'],
      ['2', 'B', '基本同意'],
    ]);
  });
});
