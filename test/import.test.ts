import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../electron/common/domain/errors';
import { exportLedgerFile } from '../electron/node/ledger/export-ledger';
import { importLedgerFile } from '../electron/node/ledger/import-ledger';
import { factsOfProposal } from '../electron/common/ledger/ledger-values';
import { headerFor, LEDGER_FIELDS } from '../electron/common/ledger/columns';
import { HEADER, makeXlsx, newStore, row, tempDir, writeFile, type Cell } from './helpers/fixtures';

const SESSION = { sessionName: '区六届人大四次会议', year: 2019 };

async function xlsxFile(
  rows: Parameters<typeof makeXlsx>[0][number]['rows'],
  extra: Partial<Parameters<typeof makeXlsx>[0][number]> = {},
) {
  return writeFile(tempDir(), '台账.xlsx', await makeXlsx([{ name: '台账', rows, ...extra }]));
}

describe('importing a canonical ledger', () => {
  it('imports every column and creates the session, units, deputies and categories', async () => {
    const store = await newStore();
    const file = await xlsxFile([
      HEADER,
      row({
        建议号: '0012',
        标题: '关于加快园区转型升级的建议',
        领衔代表: '张三',
        附议代表: '李四、王五',
        代表团: '朱泾代表团',
        类别: '经济发展',
        主办单位: '区经委',
        会办单位: '区规划资源局，区发展改革委',
        交办日期: new Date(Date.UTC(2019, 2, 27)),
        办理期限: '2019-6-27',
        答复日期: '2019年6月20日',
        办理结果: '解决采纳',
        是否公开: '是',
        是否见面: '√',
        代表评价: '满意',
        是否办结: '是',
        重点建议: '否',
        领导领衔: '副区长 王某',
        备注: '按期答复',
      }),
      row({
        建议号: 13,
        标题: '关于建设公交停保场的建议',
        类别: '城市建设与管理',
        主办单位: '区交通委',
        办理结果: 'B',
        代表评价: '基本满意',
      }),
    ]);
    const report = await importLedgerFile(store, file, SESSION);
    expect(report.errors).toEqual([]);
    expect(report.committed).toBe(true);
    expect(report.counts).toEqual({ insert: 2, update: 0, unchanged: 0 });

    const session = store.sessions.getByName('区六届人大四次会议');
    expect(session).toMatchObject({ year: 2019, feedbackScale: 'three', categories: ['经济发展', '城市建设与管理'] });
    const [first, second] = store.proposals.ledger(session.id);
    expect(factsOfProposal(first!)).toEqual({
      number: '0012',
      numberKey: '12',
      numberSort: 12,
      title: '关于加快园区转型升级的建议',
      leadDeputies: ['张三'],
      coDeputies: ['李四', '王五'],
      delegation: '朱泾代表团',
      category: '经济发展',
      leadUnit: '区经委',
      coUnits: ['区规划资源局', '区发展改革委'],
      assignedDate: '2019-03-27',
      deadline: '2019-06-27',
      replyDate: '2019-06-20',
      resultCode: 'A',
      published: true,
      met: true,
      feedback: '满意',
      closed: true,
      isKey: false,
      leaderSupervised: true,
      leaderName: '副区长 王某',
      notes: '按期答复',
      // Columns this ledger does not have: empty in a new proposal.
      proposerCount: null,
      resultOpinion: null,
      replyNumber: '',
      signer: '',
      contactPerson: '',
      contactPhone: '',
      content: '',
      replyText: '',
    });
    expect(second).toMatchObject({ number: '13', resultCode: 'B', feedback: '基本满意', published: false, leadUnit: '区交通委' });
    expect(
      store.units
        .list()
        .map((u) => u.name)
        .sort(),
    ).toEqual(['区交通委', '区发展改革委', '区经委', '区规划资源局'].sort());
    expect(store.events.forEntity('proposal', first!.id)[0]).toMatchObject({ action: '导入新增', actor: '测试' });
  });

  it('requires --year to create a session', async () => {
    const store = await newStore();
    const file = await xlsxFile([HEADER, row({ 建议号: '1', 标题: '关于甲的建议' })]);
    await expect(importLedgerFile(store, file, { sessionName: '新会议' })).rejects.toThrow(
      '要新建这个会议，请同时给出它的年份（命令行用 --year',
    );
  });
});

describe('the variants real ledgers use', () => {
  it('reads synonyms, a header below a merged title, and the chosen sheet', async () => {
    const store = await newStore();
    const buffer = await makeXlsx([
      { name: '说明', rows: [['本台账由区政府办公室编制']] },
      {
        name: '2019年台账',
        rows: [
          ['区六届人大四次会议代表建议办理台账'],
          ['填报单位：区政府办公室'],
          ['案号', '案由', '提出人', '承办单位', '协办单位', '满意度', '办理结果', '答复时间', '分类'],
          ['第1号', '关于甲的建议', '张三', '区教育局', '区民政局；区财政局', '较好', '已经解决', '2019.4.1', '社会事业'],
          ['2', '关于乙的建议', '李四', '区水务局', null, '好', '留作参考', 43600, '城市建设'],
          [null, null, null, null, null, null, null, null, null],
          ['合计', null, null, null, null, null, null, null, null],
        ],
        merges: ['A1:I1'],
      },
    ]);
    const file = writeFile(tempDir(), '多表.xlsx', buffer);
    const report = await importLedgerFile(store, file, { ...SESSION, sheet: '2019年台账' });
    expect(report.errors).toEqual([]);
    expect(report.headerRow).toBe(3);
    expect(report.warnings).toContain('第7行是合计行，已跳过。');
    const session = store.sessions.getByName(SESSION.sessionName);
    expect(session.feedbackScale).toBe('five');
    const ledger = store.proposals.ledger(session.id);
    expect(ledger.map((p) => [p.number, p.leadUnit, p.coUnits, p.resultCode, p.replyDate, p.feedback])).toEqual([
      ['第1号', '区教育局', ['区民政局', '区财政局'], 'A', '2019-04-01', '较好'],
      ['2', '区水务局', [], 'D', '2019-05-15', '好'],
    ]);
  });

  it('takes the first sheet by default and lists the sheets when the chosen one is missing', async () => {
    const store = await newStore();
    const buffer = await makeXlsx([
      { name: '甲', rows: [HEADER, row({ 建议号: '1', 标题: '关于甲的建议' })] },
      { name: '乙', rows: [HEADER, row({ 建议号: '1', 标题: '关于乙的建议' })] },
    ]);
    const file = writeFile(tempDir(), '两表.xlsx', buffer);
    await expect(importLedgerFile(store, file, { ...SESSION, sheet: '丙' })).rejects.toThrow(
      '找不到工作表「丙」。文件中的工作表：甲、乙。',
    );
    const report = await importLedgerFile(store, file, SESSION);
    expect(report.sheetName).toBe('甲');
    expect(report.sheetNames).toEqual(['甲', '乙']);
  });

  const csvText = [
    '建议号,标题,主办单位,答复日期,办理结果,是否公开',
    '1,"关于加强老旧小区改造的建议",区房管局,2019/5/6,正在解决,是',
    '2,"关于完善垃圾分类设施，方便居民投放的建议",区绿化市容局,,,',
  ].join('\r\n');

  it.each([
    ['UTF-8 with a byte-order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csvText, 'utf8')])],
    ['UTF-8 without a byte-order mark', Buffer.from(csvText, 'utf8')],
    ['GB18030 as Chinese Excel saves it', Buffer.from(new Uint8Array(encodeGb18030(csvText)))],
  ])('reads CSV in %s', async (_name, bytes) => {
    const store = await newStore();
    const file = writeFile(tempDir(), '台账.csv', bytes);
    const report = await importLedgerFile(store, file, SESSION);
    expect(report.errors).toEqual([]);
    const ledger = store.proposals.ledger(store.sessions.getByName(SESSION.sessionName).id);
    expect(ledger.map((p) => [p.title, p.leadUnit, p.replyDate, p.resultCode, p.published])).toEqual([
      ['关于加强老旧小区改造的建议', '区房管局', '2019-05-06', 'B', true],
      ['关于完善垃圾分类设施，方便居民投放的建议', '区绿化市容局', null, null, false],
    ]);
  });

  it('drops what XML forbids from every cell, so that no letter or export made from it is unreadable', async () => {
    const store = await newStore();
    const text = [
      '建议号,标题,主办单位,答复内容',
      '1,"关于老旧\uFFFF小区\u0001改造的建议",区房\uFFFE管局,"已答复\u000B，\uFFFF列入计划"',
    ].join('\r\n');
    const report = await importLedgerFile(store, writeFile(tempDir(), '台账.csv', Buffer.from(text, 'utf8')), SESSION);
    expect(report.errors).toEqual([]);
    const [p] = store.proposals.ledger(store.sessions.getByName(SESSION.sessionName).id);
    expect([p!.title, p!.leadUnit, p!.replyText]).toEqual(['关于老旧小区改造的建议', '区房管局', '已答复，列入计划']);
  });
});

/** GB18030 bytes of a string: Node has the decoder only, so this uses iconv through TextDecoder's inverse table. */
function encodeGb18030(text: string): number[] {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030');
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const char = decoder.decode(new Uint8Array([hi, lo]));
      if (char.length === 1 && !table.has(char)) table.set(char, [hi, lo]);
    }
  }
  const bytes: number[] = [];
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) bytes.push(char.charCodeAt(0));
    else {
      const encoded = table.get(char);
      if (!encoded) throw new Error(`no GB18030 two-byte code for ${char}`);
      bytes.push(...encoded);
    }
  }
  return bytes;
}

describe('errors: everything reported at once, nothing imported', () => {
  it('reports bad dates, unknown results and yes/no, empty required cells and duplicates with row and column', async () => {
    const store = await newStore();
    const file = await xlsxFile(
      [
        ['区六届人大四次会议代表建议办理台账'],
        HEADER,
        row({ 建议号: '1', 标题: '关于甲的建议', 答复日期: '2019-3-27' }),
        row({ 建议号: '2', 标题: '关于乙的建议', 答复日期: '2019-13-45' }),
        row({ 建议号: '3', 标题: '关于丙的建议', 办理结果: '已办' }),
        row({ 建议号: '4', 标题: null, 是否公开: '待定' }),
        row({ 建议号: '0001', 标题: '关于丁的建议' }),
        row({ 建议号: null, 标题: '关于戊的建议', 交办日期: '2019-4-1', 答复日期: '2019-3-1' }),
      ],
      { merges: ['A1:S1'] },
    );
    const report = await importLedgerFile(store, file, SESSION);
    expect(report.committed).toBe(false);
    expect(report.errors).toEqual([
      '第4行「答复日期」无法识别：2019-13-45',
      '第5行「办理结果」无法识别：已办（可填：解决采纳、正在解决、计划解决、留作参考，或代码 A/B/C/D）',
      '第6行「标题」不能为空',
      '第6行「是否公开」无法识别：待定（应填“是”或“否”，也可用 √ 或留空，或写“公开”“不公开”）',
      '第7行「建议号」与第3行重复：0001',
      '第8行「建议号」不能为空',
      '第8行「答复日期」早于交办日期：答复 2019-03-01，交办 2019-04-01',
    ]);
    expect(store.sessions.list()).toEqual([]);
    expect(store.proposals.countBySession(1)).toBe(0);
    expect(store.events.count()).toBe(0);
  });

  it('names the file header it found when reporting a synonym column', async () => {
    const store = await newStore();
    const file = await xlsxFile([
      ['编号', '题目', '复函日期'],
      ['1', '关于甲的建议', '2019-02-30'],
    ]);
    const report = await importLedgerFile(store, file, SESSION);
    expect(report.errors).toEqual(['第2行「复函日期」无法识别：2019-02-30']);
  });

  it('refuses more than one lead unit in a row', async () => {
    const store = await newStore();
    const file = await xlsxFile([HEADER, row({ 建议号: '1', 标题: '甲', 主办单位: '区教育局、区体育局' })]);
    const report = await importLedgerFile(store, file, SESSION);
    expect(report.errors).toEqual([
      '第2行「主办单位」只能填一个单位，现有 2 个：区教育局、区体育局（共同办理的其他单位请填在「会办单位」）',
    ]);
  });

  it('refuses a file with a missing required column', async () => {
    const store = await newStore();
    const file = await xlsxFile([
      ['建议号', '领衔代表', '主办单位'],
      ['1', '张三', '区教育局'],
    ]);
    await expect(importLedgerFile(store, file, SESSION)).rejects.toThrow(
      '第1行的表头缺少必需的列：「标题」（也可写作：案由、题目、建议标题）。',
    );
  });

  it('refuses a file without any recognisable header', async () => {
    const store = await newStore();
    const file = await xlsxFile([
      ['姓名', '电话'],
      ['张三', '123'],
    ]);
    await expect(importLedgerFile(store, file, SESSION)).rejects.toThrow('没有找到表头');
  });

  it('refuses an empty file, an empty sheet and a header without rows', async () => {
    const store = await newStore();
    const dir = tempDir();
    await expect(importLedgerFile(store, writeFile(dir, '空.csv', ''), SESSION)).rejects.toThrow('是空文件');
    await expect(importLedgerFile(store, writeFile(dir, '空行.csv', '\r\n\r\n,,\r\n'), SESSION)).rejects.toThrow(
      '是空的，没有任何数据',
    );
    await expect(importLedgerFile(store, await xlsxFile([HEADER]), SESSION)).rejects.toThrow('表头下面没有数据行');
  });

  it('refuses files that are not spreadsheets, with a message that says so', async () => {
    const store = await newStore();
    const dir = tempDir();
    const garbage = writeFile(dir, '台账.xlsx', Buffer.from('%PDF-1.4 这其实是一个 PDF 文件'));
    await expect(importLedgerFile(store, garbage, SESSION)).rejects.toThrow('它不是有效的 .xlsx 表格');
    const binaryCsv = writeFile(dir, '台账.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff]));
    await expect(importLedgerFile(store, binaryCsv, SESSION)).rejects.toThrow('不是文本格式的 CSV 文件');
    await expect(importLedgerFile(store, writeFile(dir, '台账.xls', 'x'), SESSION)).rejects.toThrow('另存为 .xlsx');
    await expect(importLedgerFile(store, writeFile(dir, '台账.docx', 'x'), SESSION)).rejects.toThrow('不支持的文件类型「.docx」');
    await expect(importLedgerFile(store, path.join(dir, '不存在.xlsx'), SESSION)).rejects.toThrow('找不到文件');
    expect(store.sessions.list()).toEqual([]);
  });

  it('refuses mixing the three-step and five-step feedback scales', async () => {
    const store = await newStore();
    const file = await xlsxFile([
      HEADER,
      row({ 建议号: '1', 标题: '甲', 代表评价: '满意' }),
      row({ 建议号: '2', 标题: '乙', 代表评价: '基本满意' }),
      row({ 建议号: '3', 标题: '丙', 代表评价: '较好' }),
      row({ 建议号: '4', 标题: '丁', 代表评价: '未表态' }),
    ]);
    const report = await importLedgerFile(store, file, SESSION);
    expect(report.errors).toEqual([
      '第4行「代表评价」「较好」属于五级评价（好/较好/一般/较差/差），而第2行「满意」等 2 行属于三级评价（满意/基本满意/不满意）；同一届会议只能使用一种评价等级',
    ]);
  });

  it('refuses a scale other than the session’s and categories the session does not have', async () => {
    const store = await newStore();
    store.sessions.create({
      name: SESSION.sessionName,
      year: 2019,
      settings: { feedbackScale: 'three' },
      categories: ['经济发展'],
    });
    const file = await xlsxFile([HEADER, row({ 建议号: '1', 标题: '甲', 代表评价: '好', 类别: '城建' })]);
    const report = await importLedgerFile(store, file, { sessionName: SESSION.sessionName });
    expect(report.errors).toEqual([
      '第2行「类别」「城建」不是会议「区六届人大四次会议」的类别（现有类别：经济发展）',
      '第2行「代表评价」「好」属于五级评价（好/较好/一般/较差/差），但会议「区六届人大四次会议」使用三级评价（满意/基本满意/不满意）',
    ]);
  });
});

describe('dry run and updates', () => {
  async function seeded() {
    const store = await newStore();
    const file = await xlsxFile([
      HEADER,
      row({ 建议号: '1', 标题: '关于甲的建议', 主办单位: '区教育局', 会办单位: '区民政局', 办理结果: 'A' }),
      row({ 建议号: '2', 标题: '关于乙的建议', 主办单位: '区水务局' }),
    ]);
    await importLedgerFile(store, file, SESSION);
    return store;
  }

  it('shows what would be inserted, updated and left as is, and writes nothing', async () => {
    const store = await seeded();
    const session = store.sessions.getByName(SESSION.sessionName);
    const eventsBefore = store.events.count();
    const file = await xlsxFile([
      HEADER,
      row({ 建议号: '0001', 标题: '关于甲的建议', 主办单位: '区教育局', 会办单位: '区民政局', 办理结果: '解决采纳' }),
      row({ 建议号: '2', 标题: '关于乙的建议', 主办单位: '区水务局', 答复日期: '2019-5-1', 办理结果: '正在解决' }),
      row({ 建议号: '3', 标题: '关于丙的建议' }),
    ]);
    const report = await importLedgerFile(store, file, { ...SESSION, dryRun: true });
    expect(report.committed).toBe(false);
    expect(report.counts).toEqual({ insert: 1, update: 2, unchanged: 0 });
    expect(report.rows.map((r) => [r.number, r.action, r.changes.map((c) => `${c.header}:${c.before}→${c.after}`)])).toEqual([
      ['0001', 'update', ['建议号:1→0001']],
      ['2', 'update', ['答复日期:→2019-05-01', '办理结果:→正在解决']],
      ['3', 'insert', []],
    ]);
    expect(store.proposals.countBySession(session.id)).toBe(2);
    expect(store.events.count()).toBe(eventsBefore);
  });

  it('reports a row that changes nothing as unchanged', async () => {
    const store = await seeded();
    const file = await xlsxFile([
      HEADER,
      row({ 建议号: '1', 标题: '关于甲的建议', 主办单位: '区教育局', 会办单位: '区民政局', 办理结果: 'A' }),
    ]);
    const report = await importLedgerFile(store, file, SESSION);
    expect(report.counts).toEqual({ insert: 0, update: 0, unchanged: 1 });
  });

  it('keeps a unit’s handling row (its opinion and dates) when the unit stays', async () => {
    const store = await seeded();
    const session = store.sessions.getByName(SESSION.sessionName);
    const first = store.proposals.ledger(session.id)[0]!;
    store.db.prepare("UPDATE handlings SET opinion_text = '会办意见原文' WHERE proposal_id = ?").run(first.id);
    const file = await xlsxFile([
      HEADER,
      row({ 建议号: '1', 标题: '关于甲的建议', 主办单位: '区教育局', 会办单位: '区民政局、区财政局' }),
    ]);
    const report = await importLedgerFile(store, file, SESSION);
    // The empty 办理结果 cell leaves the stored result as it is (no --clear-blanks).
    expect(report.rows[0]!.changes.map((c) => c.header)).toEqual(['会办单位']);
    expect(report.rows[0]!.kept).toEqual([{ field: 'result', header: '办理结果', value: '解决采纳' }]);
    const opinions = store.db
      .prepare(
        'SELECT u.name, h.role, h.opinion_text AS text FROM handlings h JOIN units u ON u.id = h.unit_id WHERE proposal_id = ? ORDER BY h.position',
      )
      .all(first.id);
    expect(opinions).toEqual([
      { name: '区教育局', role: 'lead', text: '会办意见原文' },
      { name: '区民政局', role: 'co', text: '会办意见原文' },
      { name: '区财政局', role: 'co', text: '' },
    ]);
  });

  it('updates only the columns the file has and keeps what the ledger does not cover', async () => {
    const store = await seeded();
    const session = store.sessions.getByName(SESSION.sessionName);
    const [first] = store.proposals.ledger(session.id);
    store.proposals.update(first!.id, { replyText: '答复正文', contactPerson: '李明' });
    const file = await xlsxFile([
      ['建议号', '标题', '答复日期'],
      ['1', '关于甲的建议（修改）', '2019-6-1'],
    ]);
    const report = await importLedgerFile(store, file, SESSION);
    expect(report.counts.update).toBe(1);
    const after = store.proposals.ledger(session.id)[0]!;
    expect(after).toMatchObject({
      title: '关于甲的建议（修改）',
      replyDate: '2019-06-01',
      resultCode: 'A',
      leadUnit: '区教育局',
      coUnits: ['区民政局'],
      replyText: '答复正文',
      contactPerson: '李明',
    });
  });
});

describe('export and import give back the same records', () => {
  it('round-trips a whole demo-sized session', async () => {
    const store = await newStore();
    const rows: Cell[][] = [HEADER];
    const results = ['解决采纳', '正在解决', '计划解决', '留作参考', ''];
    const feedback = ['满意', '基本满意', '不满意', '未表态', ''];
    for (let i = 1; i <= 60; i++) {
      rows.push(
        row({
          建议号: String(i).padStart(4, '0'),
          标题: `关于第${i}项工作的建议${i % 7 === 0 ? '（含 *星号* | 竖线 # 井号 <尖括号> _下划线_\n第二行）' : ''}`,
          领衔代表: `代表${i % 9}`,
          附议代表: i % 3 === 0 ? `代表${(i + 1) % 9}、代表${(i + 2) % 9}` : null,
          代表团: `第${i % 4}代表团`,
          类别: ['经济发展', '城市建设与管理', '社会事业'][i % 3]!,
          主办单位: `单位${i % 5}`,
          会办单位: i % 2 ? `单位${(i + 1) % 5}、单位${(i + 2) % 5}` : null,
          交办日期: `2024-3-${(i % 20) + 1}`,
          办理期限: i % 10 === 0 ? '2024-9-30' : null,
          答复日期: i % 6 === 0 ? null : `2024-5-${(i % 28) + 1}`,
          办理结果: i % 6 === 0 ? null : results[i % 4]!,
          是否公开: i % 2 === 0 ? '是' : '否',
          是否见面: i % 5 === 0 ? '否' : '√',
          代表评价: feedback[i % 5] || null,
          是否办结: i % 3 === 0 ? '是' : '',
          重点建议: i % 8 === 0 ? '是' : '否',
          领导领衔: i % 11 === 0 ? '副区长 某某' : i % 13 === 0 ? '是' : null,
          备注: i % 4 === 0 ? '= 1 + 1（以等号开头的备注）' : null,
        }),
      );
    }
    await importLedgerFile(store, await xlsxFile(rows), SESSION);
    const session = store.sessions.getByName(SESSION.sessionName);
    // What the app holds beyond the nineteen first columns goes out and comes back too.
    for (const p of store.proposals.ledger(session.id).filter((p) => p.numberSort! % 4 === 1)) {
      store.proposals.update(p.id, {
        replyText: `第一段：${p.title}的办理情况。\n第二段：下一步打算。`,
        content: `建议的内容${p.numberSort}`,
        replyNumber: `青府复〔2024〕${p.numberSort}号`,
        signer: '王某',
        contactPerson: '李明',
        contactPhone: '021-12345678',
        proposerCount: (p.numberSort! % 5) + 1,
        resultOpinion: ['同意', '理解', '保留', '不同意', '未表态'][p.numberSort! % 5]!,
      });
    }
    const before = store.proposals.ledger(session.id).map(factsOfProposal);
    expect(before.filter((f) => f.replyText.includes('\n'))).toHaveLength(15);

    const exported = path.join(tempDir(), '导出.xlsx');
    await exportLedgerFile(store, session, exported);

    const fresh = await newStore();
    const report = await importLedgerFile(fresh, exported, SESSION);
    expect(report.errors).toEqual([]);
    const after = fresh.proposals.ledger(fresh.sessions.getByName(SESSION.sessionName).id).map(factsOfProposal);
    expect(after).toEqual(before);
    expect(after).toHaveLength(60);

    // Importing the export back into the original changes nothing.
    const again = await importLedgerFile(store, exported, SESSION);
    expect(again.counts).toEqual({ insert: 0, update: 0, unchanged: 60 });
  });

  it('writes the canonical columns in order, with text that never becomes a formula', async () => {
    const store = await newStore();
    await importLedgerFile(
      store,
      await xlsxFile([HEADER, row({ 建议号: '0007', 标题: '=HYPERLINK("http://example.invalid")' })]),
      SESSION,
    );
    const file = path.join(tempDir(), '导出.xlsx');
    await exportLedgerFile(store, store.sessions.getByName(SESSION.sessionName), file);
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    // The nineteen first columns in their order, then what real ledgers carry besides.
    expect(headers.slice(0, 4)).toEqual(HEADER.slice(0, 4));
    expect(headers.filter((h) => HEADER.includes(h as string))).toEqual(HEADER);
    expect(headers).toEqual(LEDGER_FIELDS.map((f) => headerFor(f, 'npc')));
    expect(headers).toEqual(
      expect.arrayContaining(['答复内容', '建议内容', '文号', '联系人', '联系电话', '签发人', '届次', '提出人数']),
    );
    expect(sheet.getCell('A2').value).toBe('0007');
    expect(sheet.getCell('B2').value).toBe('=HYPERLINK("http://example.invalid")');
    expect(sheet.getCell('B2').formula).toBeUndefined();
  });

  it('refuses to export to something other than .xlsx', async () => {
    const store = await newStore();
    const session = store.sessions.create({ name: '会议', year: 2024 });
    await expect(exportLedgerFile(store, session, path.join(tempDir(), 'x.csv'))).rejects.toBeInstanceOf(UserError);
  });
});
