// Ledgers as the systems offices use export them (docs/ledger-layouts.md): each is imported and
// every count the statistics print is compared with what the file says, or the file is refused
// with a reason that names what is wrong.
import { describe, expect, it } from 'vitest';
import type { OpenedStore } from '../db/store';
import { importWorkbook, type ImportOptions } from '../electron/node/ledger/import-ledger';
import { type ImportReport } from '../electron/common/ledger/import-report';
import { readSpreadsheetBuffer } from '../electron/node/ledger/read-table';
import { sessionStatistics } from '../electron/node/stats/session-statistics';
import { UserError } from '../electron/common/domain/errors';
import { newStore } from './helpers/fixtures';
import {
  HONGKOU_FEEDBACK_ROWS,
  hechiIntake,
  hongkouDefault,
  hongkouFeedback,
  jpmsToolbar,
  jwByUnit,
  jwDetail,
  jwReplies,
  oleWorkbook,
  zhrdByUnit,
  zhrdCatalogue,
  zhrdSatisfaction,
  ZHRD_RETURNED,
  type Layout,
} from './helpers/real-ledgers';

type LayoutOptions = Partial<ImportOptions> & { sessionName: string; year?: number };

async function importLayout(
  layout: Layout,
  options: LayoutOptions,
  store?: OpenedStore,
): Promise<{ store: OpenedStore; report: ImportReport }> {
  const target = store ?? (await newStore());
  const workbook = await readSpreadsheetBuffer(await layout.bytes(), layout.fileName);
  const report = importWorkbook(target, workbook, { year: 2024, fileName: layout.fileName, ...options });
  return { store: target, report };
}

/** Column letter → what it was read as: the field, a tick's value, or why it is not imported. */
function mapping(report: ImportReport): Record<string, string> {
  return Object.fromEntries(
    report.columns.map((c) => [
      `${c.letter} ${c.header}`,
      c.field ? (c.choice ? `${c.field}=${c.choice}` : c.field) : `—${c.reason ?? ''}`,
    ]),
  );
}

function counts(store: OpenedStore, sessionName: string) {
  const session = store.sessions.getByName(sessionName);
  const stats = sessionStatistics(store, session, '2024-12-01');
  const nonZero = (shares: { label: string; count: number }[]) =>
    Object.fromEntries(shares.filter((s) => s.count > 0).map((s) => [s.label, s.count]));
  return {
    session,
    stats,
    total: stats.total,
    categories: nonZero(stats.byCategory),
    results: nonZero(stats.byResult),
    feedback: nonZero(stats.feedback),
    ledger: store.proposals.ledger(session.id),
  };
}

/** Imports the layout, which must go through without an error: its report, and the figures of the session it made. */
async function importCleanly(layout: Layout, options: LayoutOptions) {
  const { store, report } = await importLayout(layout, options);
  expect(report.errors).toEqual([]);
  return { report, c: counts(store, options.sessionName) };
}

describe('a district 政协 system (C#, Excel Interop)', () => {
  it('imports its 提案 export: title rows, the header under a merged title, 处理中 as not answered', async () => {
    const { report, c } = await importCleanly(hongkouDefault, {
      sessionName: '区政协十四届五次会议',
      kind: 'cppcc',
      year: 2020,
    });
    expect(report.committed).toBe(true);
    expect(report.headerRows).toEqual([6]);
    expect(mapping(report)).toMatchObject({
      'A 流水号': '—台账里没有对应的内容',
      'B 提案序号': 'number',
      'C 提案分类': 'category',
      'D 第一提案人': 'leadDeputies',
      'E 联名提案人': 'coDeputies',
      'F 案由': 'title',
      'G 提案内容': 'content',
      'J 主办单位': 'leadUnits',
      'K 会办单位': 'coUnits',
      'L 办理结果': 'result',
      'Q 跟踪办理结果': '—台账里没有对应的内容',
    });
    expect(report.missing.map((m) => m.field)).toEqual(['feedback']);
    expect(report.missing[0]!.message).toContain('这份台账里没有找到「委员评价」列');
    expect(report.readings.map((r) => `${r.value}→${r.meaning}`)).toEqual([
      '解决或采纳→解决采纳',
      '列入计划拟解决→计划解决',
      '留作参考→留作参考',
      '处理中→尚未答复',
    ]);
    expect(c.total).toBe(4);
    expect(c.categories).toEqual({ 城市建设与管理: 2, 经济: 1, 教科文卫体: 1 });
    expect(c.results).toEqual({ 解决采纳: 1, 计划解决: 1, 留作参考: 1, 尚未答复: 1 });
    expect(c.stats.answered).toBe(3);
    expect(c.ledger[0]).toMatchObject({
      number: '105',
      leadDeputies: ['张建华'],
      coDeputies: ['李明', '王芳'],
      content: '北外滩地区停车难……',
    });
    // The export says nothing of feedback: the session does not claim any.
    expect(c.session.missingFacts).toEqual(['replyDate', 'published', 'met', 'closed', 'feedback', 'resultOpinion']);
    expect(c.stats.rates.satisfied.available).toBe(false);
    expect(c.stats.rates.met.available).toBe(false);
    expect(c.stats.rates.resolution.available).toBe(true);
  });

  it('reads the 意见反馈 group: 走访情况, 办理态度, and 办理结果 printed a second time as the opinion of the result', async () => {
    const { report, c } = await importCleanly(hongkouFeedback(HONGKOU_FEEDBACK_ROWS), {
      sessionName: '区政协十四届五次会议',
      kind: 'cppcc',
      year: 2020,
    });
    expect(report.headerRows).toEqual([5, 6]);
    expect(mapping(report)).toMatchObject({
      'L 办理结果': 'result',
      'N 意见反馈 / 走访情况': 'met',
      'O 意见反馈 / 办理态度': 'feedback',
      'P 意见反馈 / 办理结果': 'resultOpinion',
      // The group is merged over three columns only: the next column is not under it.
      'Q 征询意见': '—台账里没有对应的内容',
    });
    expect(c.results).toEqual({ 解决采纳: 1, 计划解决: 1, 留作参考: 1 });
    expect(c.feedback).toEqual({ 满意: 1, 基本满意: 1, 不满意: 1 });
    expect(c.ledger.map((p) => [p.met, p.feedback, p.resultOpinion])).toEqual([
      [true, '满意', '同意'],
      [false, '基本满意', '理解'],
      [false, '不满意', '保留'],
    ]);
    expect(c.stats.rates.met).toMatchObject({ numerator: 1, denominator: 3 });
    // How the system's words were read is said before anything is written.
    expect(report.readings.map((r) => `${r.header}:${r.value}→${r.meaning}`)).toEqual(
      expect.arrayContaining([
        '意见反馈 / 办理态度:理解→基本满意',
        '意见反馈 / 走访情况:委员本人提出不需要走访→否',
        '意见反馈 / 走访情况:已走访→是',
      ]),
    );
  });

  it('refuses the rows it repeats once per responding unit, naming both rows', async () => {
    const [first] = HONGKOU_FEEDBACK_ROWS;
    const again = [...first!];
    again[15] = '理解';
    const { store, report } = await importLayout(hongkouFeedback([first!, again]), {
      sessionName: '区政协十四届五次会议',
      year: 2020,
    });
    expect(report.committed).toBe(false);
    expect(report.errors).toEqual(['第8行「提案序号」与第7行重复：105']);
    expect(store.sessions.list()).toEqual([]);
  });
});

describe('a 政协 提案 module in Java (jxl)', () => {
  it('refuses its real .xls (BIFF) with the words that say how to save it as .xlsx', async () => {
    await expect(readSpreadsheetBuffer(oleWorkbook(), 'proposal_query.xls')).rejects.toThrow(
      '暂不支持旧版 Excel 97-2003 格式（.xls）：请在 Excel 或 WPS 中把「proposal_query.xls」另存为 .xlsx 后再导入。',
    );
  });

  it('imports the 提案明细表 saved as .xlsx: 解决程度 with a trailing space, A./B./C. labels with C for 留作参考, dates with 0:0:0', async () => {
    const { report, c } = await importCleanly(jwDetail, { sessionName: '市政协三届一次会议', kind: 'cppcc', year: 2013 });
    expect(report.headerRows).toEqual([2]);
    expect(mapping(report)).toMatchObject({
      'A 届次': 'sessionLabel',
      'B 提案编号': 'number',
      'C 案由': 'title',
      'D 第一提案人': 'leadDeputies',
      'E 提案人数': 'proposerCount',
      'H 可否公开': 'published',
      'K 内容分类': 'category',
      'M 重点提案': 'isKey',
      'N 督办领导': 'leader',
      'P 建议办理单位': '—台账里没有对应的内容',
      'T 交办日期': 'assignedDate',
      'U 要求办结日期': 'deadline',
      'V 解决程度': 'result',
      'W 提案人意见': 'feedback',
    });
    expect(report.missing.map((m) => m.field)).toEqual(['leadUnits']);
    // The labels show three classes (C is 留作参考): the new session takes that scheme.
    expect(c.session.resultClassCount).toBe(3);
    expect(c.results).toEqual({ 解决采纳: 1, 正在解决或列入规划解决: 1, 留作参考: 1, 尚未答复: 1 });
    expect(c.categories).toEqual({ 城乡建设: 2, 科教文卫体: 1, 农牧林水: 1 });
    expect(c.feedback).toEqual({ 满意: 2, 基本满意: 1 });
    expect(c.stats.rates.published).toMatchObject({ numerator: 3, denominator: 4 });
    expect(c.ledger.map((p) => [p.number, p.proposerCount, p.isKey, p.leaderName, p.assignedDate, p.deadline])).toEqual([
      ['2013001', 3, true, '李副市长', '2013-02-05', '2013-05-05'],
      ['2013002', 1, false, '', '2013-02-05', '2013-05-05'],
      ['2013003', 2, false, '', '2013-02-05', '2013-05-05'],
      ['2013004', 1, false, '', '2013-02-05', '2013-05-05'],
    ]);
    expect(c.ledger[2]!.leadDeputies).toEqual(['刘洋', '陈红']);
  });

  it('refuses the file against a session of another 届次, naming the rows', async () => {
    const store = await newStore();
    store.sessions.create({ name: '市政协三届二次会议', year: 2014, settings: { kind: 'cppcc' } });
    const { report } = await importLayout(jwDetail, { sessionName: '市政协三届二次会议' }, store);
    expect(report.committed).toBe(false);
    expect(report.errors).toEqual([
      '第3行「届次」是「三届一次」，与会议「市政协三届二次会议」的届次不符（共 4 行，第3、4、5、6行）：这些建议可能属于另一届会议，请检查是否选错了会议或文件',
    ]);
  });

  it('imports the 办理回复明细表: timestamps with .0, 实际办结日期 as the reply date, names joined with commas', async () => {
    const { report, c } = await importCleanly(jwReplies, { sessionName: '市政协三届一次会议', kind: 'cppcc', year: 2013 });
    expect(mapping(report)).toMatchObject({
      'A 序号': '—台账里没有对应的内容',
      'E 提案标题': 'title',
      'J 实际办结日期': 'replyDate',
      'M 解决程度': 'result',
    });
    expect(c.stats.answered).toBe(2);
    expect(c.results).toEqual({ 解决采纳: 1, 计划解决: 1, 尚未答复: 1 });
    expect(c.ledger[0]).toMatchObject({ leadDeputies: ['张伟', '李娜', '王强'], replyDate: '2013-04-18', proposerCount: 3 });
  });

  it('imports the by-unit report: the unit merged down its rows, its count in brackets dropped', async () => {
    const { report, c } = await importCleanly(jwByUnit, { sessionName: '市政协三届一次会议', year: 2013 });
    expect(report.readings.map((r) => `${r.value}→${r.meaning}`)).toEqual(['住建局(2)→住建局', '教育局(1)→教育局']);
    expect(c.ledger.map((p) => [p.number, p.leadUnit])).toEqual([
      ['2013001', '住建局'],
      ['2013002', '教育局'],
      ['2013015', '住建局'],
    ]);
    expect(c.stats.byUnit.map((u) => [u.unit, u.leadCount])).toEqual([
      ['住建局', 2],
      ['教育局', 1],
    ]);
  });
});

describe('a county 人大 system in JSP (HTML tables sent as "Excel")', () => {
  it('imports the returned 满意度测评表: caption, two header rows, 领衔代表 / 姓名, one tick column per rating', async () => {
    const { report, c } = await importCleanly(zhrdSatisfaction(ZHRD_RETURNED), {
      sessionName: '自治县十五届人大二次会议',
      year: 2019,
    });
    expect(report.headerRows).toEqual([2, 3]);
    expect(mapping(report)).toMatchObject({
      'A 序号': '—台账里没有对应的内容',
      'B 建议编号': 'number',
      'C 领衔代表 / 单位': '—是「领衔代表」的工作单位或职务，台账不记录',
      'D 领衔代表 / 姓名': 'leadDeputies',
      'E 建议标题': 'title',
      'F 主办单位': 'leadUnits',
      'G 代表测评情况 / 满意\n(80分-100分)': 'feedback=满意\n(80分-100分)',
      'H 代表测评情况 / 基本满意\n(60分-79分)': 'feedback=基本满意\n(60分-79分)',
      'I 代表测评情况 / 不满意\n(59分以下)': 'feedback=不满意\n(59分以下)',
      'J 备注': 'notes',
    });
    expect(c.total).toBe(4);
    expect(c.feedback).toEqual({ 满意: 2, 基本满意: 1 });
    expect(c.stats.feedbackReturned).toBe(3);
    expect(c.ledger.map((p) => [p.number, p.leadDeputies.join(), p.feedback])).toEqual([
      ['12', '韦德明', '满意'],
      ['27', '覃丽华', '基本满意'],
      ['31', '蒙志强', '满意'],
      ['35', '韦德明', null],
    ]);
  });

  it('refuses two ticks in one row, and a tick column holding something else', async () => {
    const rows = ZHRD_RETURNED.map((r) => [...r]);
    rows[0]![7] = '√';
    rows[1]![8] = '好';
    const { store, report } = await importLayout(zhrdSatisfaction(rows), { sessionName: '自治县十五届人大二次会议', year: 2019 });
    expect(report.committed).toBe(false);
    expect(report.errors).toEqual([
      '第4行「代表测评情况」同时勾选了「满意\n(80分-100分)」和「基本满意\n(60分-79分)」，只能选一项',
      '第5行「代表测评情况 / 不满意\n(59分以下)」无法识别：好（勾选列应打 √ 或留空）',
    ]);
    expect(store.sessions.list()).toEqual([]);
  });

  it('imports the 建议目录: 提建议人 / 姓名 and the proposed lead unit (拟主办单位)', async () => {
    const { report, c } = await importCleanly(zhrdCatalogue, { sessionName: '自治县十五届人大二次会议', year: 2019 });
    expect(mapping(report)).toMatchObject({ 'C 提建议人 / 姓名': 'leadDeputies', 'E 拟主办单位': 'leadUnits' });
    expect(c.ledger.map((p) => [p.number, p.leadDeputies.join(), p.leadUnit])).toEqual([
      ['12', '韦德明', '县交通运输局'],
      ['27', '覃丽华', '县教育局'],
      ['31', '蒙志强', '县水利局'],
    ]);
    expect(report.missing.map((m) => m.field)).toEqual(['result', 'feedback', 'category']);
  });

  it('refuses its by-unit summary, which has no 建议号 and no 标题, saying what a ledger needs', async () => {
    const workbook = await readSpreadsheetBuffer(await zhrdByUnit.bytes(), zhrdByUnit.fileName);
    const store = await newStore();
    expect(() => importWorkbook(store, workbook, { sessionName: '自治县十五届人大二次会议', year: 2019 })).toThrow(
      new UserError(
        '在工作表「表格1」的前 30 行中没有找到表头：表头行至少要有「建议号」（也可写作：案号、编号、建议编号）和「标题」（也可写作：案由、题目、建议标题）这两列。',
      ),
    );
  });
});

describe('a city 政协 system’s table export (CSV text under an .xls name)', () => {
  it('imports it: a BOM, unquoted headers, unescaped quotes inside values, "undefined" in the 操作 column', async () => {
    const { report, c } = await importCleanly(jpmsToolbar, { sessionName: '市政协十三届五次会议', kind: 'cppcc', year: 2021 });
    expect(mapping(report)).toMatchObject({
      'A 提案号': 'number',
      'B 提案标题': 'title',
      'C 提案状态': '—台账里没有对应的内容',
      'E 主导人': 'leadDeputies',
      'F 主办单位': 'leadUnits',
      'G 会办单位': 'coUnits',
      'H 操作': '—台账里没有对应的内容',
    });
    expect(c.ledger.map((p) => [p.number, p.title, p.leadUnit, p.coUnits])).toEqual([
      ['12', '关于加强城市内涝治理的提案', '市住建局', ['市水利局', '市财政局']],
      ['13', '关于推进老旧小区加装电梯的提案', '市住建局', []],
      ['14', '关于"一网通办"事项下沉街道的提案', '', []],
    ]);
  });
});

describe('a PHP 政协 site (an .xlsx of inline strings, no shared-strings part)', () => {
  it('imports its intake list, and says which key columns it lacks', async () => {
    const { report, c } = await importCleanly(hechiIntake, { sessionName: '市政协五届五次会议', kind: 'cppcc', year: 2026 });
    expect(mapping(report)).toMatchObject({
      'A 提案号': 'number',
      'B 案由': 'title',
      'D 提案人': 'leadDeputies',
      'E 界别': 'delegation',
      'G 类别': 'category',
    });
    expect(report.missing.map((m) => m.field)).toEqual(['result', 'feedback', 'leadUnits']);
    expect(c.total).toBe(3);
    expect(c.categories).toEqual({ 经济建设: 1, 社会建设: 1, 生态文明建设: 1 });
  });
});

describe('a two-row header typed in CSV (a group written once over its sub-columns)', () => {
  it('carries the group over the columns under it and no further', async () => {
    const csv = [
      '建议编号,领衔代表,,建议标题,主办单位,代表测评情况,,,备注',
      ',单位,姓名,,,满意,基本满意,不满意,',
      '12,城关镇,韦德明,关于修缮公路的建议,县交通运输局,√,,,',
      '27,教育界,覃丽华,关于改善寄宿条件的建议,县教育局,,√,,',
    ].join('\r\n');
    const layout: Layout = { id: 'csv', source: '手工', fileName: '测评表.csv', bytes: async () => Buffer.from(csv, 'utf8') };
    const { report, c } = await importCleanly(layout, { sessionName: '会议', year: 2019 });
    expect(report.headerRows).toEqual([1, 2]);
    expect(mapping(report)).toEqual({
      'A 建议编号': 'number',
      'B 领衔代表 / 单位': '—是「领衔代表」的工作单位或职务，台账不记录',
      'C 领衔代表 / 姓名': 'leadDeputies',
      'D 建议标题': 'title',
      'E 主办单位': 'leadUnits',
      'F 代表测评情况 / 满意': 'feedback=满意',
      'G 代表测评情况 / 基本满意': 'feedback=基本满意',
      'H 代表测评情况 / 不满意': 'feedback=不满意',
      'I 备注': 'notes',
    });
    expect(c.feedback).toEqual({ 满意: 1, 基本满意: 1 });
  });

  it('does not take a first data row with an empty 建议号 and 标题 for a sub-header', async () => {
    const csv = ['建议号,标题,主办单位,备注', ',,区教育局,漏填了号和标题', '2,关于乙的建议,区水务局,'].join('\n');
    const layout: Layout = { id: 'csv', source: '手工', fileName: '台账.csv', bytes: async () => Buffer.from(csv, 'utf8') };
    const { report } = await importLayout(layout, { sessionName: '会议', year: 2019 });
    expect(report.headerRows).toEqual([1]);
    expect(report.errors).toEqual(['第2行「建议号」不能为空', '第2行「标题」不能为空']);
  });
});
