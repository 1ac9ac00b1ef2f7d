// Both kinds of session in every document: a 人大 session reads as 代表建议 addressed to the
// standing committee, a 政协 session as 提案 addressed to the CPPCC; every share sentence says
// what it is a share of, and says nothing the ledger did not give.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OpenedStore } from '../db/store';
import { generateLetters } from '../electron/node/documents/generate/letters';
import { generateReport } from '../electron/node/documents/generate/report';
import { resolveTemplate } from '../electron/node/documents/template/library';
import { renderTemplate } from '../electron/node/documents/generate/render-template';
import { reportContext } from '../electron/common/documents/data/report-context';
import { loadDocumentSettings } from '../electron/node/documents/document-settings';
import { importLedgerFile } from '../electron/node/ledger/import-ledger';
import { sessionStatistics } from '../electron/node/stats/session-statistics';
import { percent, type Decimals } from '../electron/common/stats/rounding';
import { docxText, pdfInfo, toPdf } from './helpers/docx';
import { importRows } from './helpers/ledger-import';
import { makeXlsx, newStore, tempDir, writeFile } from './helpers/fixtures';

const TODAY = '2024-12-01';

/** A small ledger: results, ratings and categories; no 是否见面, no 是否办结 column. */
const ROWS = [
  ['建议号', '标题', '领衔代表', '附议代表', '类别', '主办单位', '答复日期', '办理结果', '代表评价', '是否公开', '答复内容'],
  [
    '1',
    '关于加快老旧小区改造的建议',
    '张三',
    '李四、王五',
    '城市建设',
    '区住建委',
    '2024-05-10',
    '解决采纳',
    '满意',
    '是',
    '今年已将12个小区列入改造计划。\n年底前完成其中8个。',
  ],
  [
    '2',
    '关于增设社区养老服务点的建议',
    '赵六',
    '',
    '社会事业',
    '区民政局',
    '2024-05-12',
    '解决采纳',
    '满意',
    '是',
    '已在三个街道增设服务点。',
  ],
  [
    '3',
    '关于规范共享单车停放的建议',
    '钱七',
    '',
    '城市建设',
    '区交通委',
    '2024-05-20',
    '留作参考',
    '基本满意',
    '否',
    '将在修订停放管理办法时研究。',
  ],
  ['4', '关于加强校园周边交通管理的建议', '孙八', '', '社会事业', '区教育局', '', '', '', '', ''],
  [
    '5',
    '关于扶持小微企业发展的建议',
    '周九',
    '',
    '经济发展',
    '区商务委',
    '2024-06-01',
    '正在解决',
    '不满意',
    '是',
    '相关扶持政策正在制定中。',
  ],
  [
    '6',
    '关于建设口袋公园的建议',
    '民进区委',
    '',
    '城市建设',
    '区绿化市容局',
    '2024-06-03',
    '解决采纳',
    '满意',
    '是',
    '两处口袋公园已开工。',
  ],
];

async function sessionOf(kind: 'npc' | 'cppcc', name: string): Promise<OpenedStore> {
  const store = await newStore();
  const rows = kind === 'npc' ? ROWS : ROWS.map((r) => r.map((c) => c.replace(/的建议$/, '的提案')));
  const header =
    kind === 'npc'
      ? ROWS[0]!
      : [
          '提案号',
          '案由',
          '第一提案人',
          '联名提案人',
          '类别',
          '主办单位',
          '答复日期',
          '办理结果',
          '委员评价',
          '是否公开',
          '答复意见',
        ];
  const file = writeFile(tempDir(), '台账.xlsx', await makeXlsx([{ name: '台账', rows: [header, ...rows.slice(1)] }]));
  const report = await importLedgerFile(store, file, { sessionName: name, year: 2024, kind });
  expect(report.errors).toEqual([]);
  const session = store.sessions.getByName(name);
  store.sessions.updateSettings(session.id, { issuingBody: '青川区人民政府' });
  return store;
}

/**
 * Every "N件，占P%" of a text checked against the count it refers to: 占总数的 → all items; within
 * a sentence that opens "在已答复的M件中" or "在反馈意见的M件中" → M. Returns the shares it checked.
 */
function checkShares(text: string, total: number, decimals: Decimals): string[] {
  const checked: string[] = [];
  for (const sentence of text.replace(/\n/g, '').split('。')) {
    const base = /在(?:已答复|已确定办理结果|反馈意见)的(\d+)件中/.exec(sentence);
    for (const m of sentence.matchAll(/(\d+)件，占(总数的)?(\d+(?:\.\d+)?)%/g)) {
      const count = Number(m[1]);
      const denominator = m[2] ? total : base ? Number(base[1]) : NaN;
      expect(Number.isNaN(denominator), `no stated denominator for 「${m[0]}」 in 「${sentence}」`).toBe(false);
      expect(`${percent(count, denominator, decimals)}`, `「${m[0]}」 in 「${sentence}」`).toBe(m[3]);
      checked.push(m[0]);
    }
  }
  return checked;
}

describe('result shares over answered items', () => {
  it('do not call the items with a class 已答复 when a reply has no class yet', async () => {
    // Three replies on record, two of them with a result class: the shares are of those two.
    const { store, report } = await importRows([
      ['建议号', '标题', '主办单位', '答复日期', '办理结果'],
      ['1', '关于甲的建议', '区住建委', '2024-05-10', '解决采纳'],
      ['2', '关于乙的建议', '区住建委', '2024-05-11', '正在解决'],
      ['3', '关于丙的建议', '区住建委', '2024-05-12', ''],
    ]);
    expect(report.errors).toEqual([]);
    const session = store.sessions.getByName('会议');
    store.sessions.updateSettings(session.id, { resultShareBase: 'answered' });
    const current = store.sessions.get(session.id);
    const stats = sessionStatistics(store, current, TODAY);
    expect([stats.answered, stats.resultBase]).toEqual([3, { count: 2, words: '已确定办理结果' }]);
    const out = path.join(tempDir(), '报告.docx');
    await generateReport(store, { session: current, out, today: TODAY });
    const text = docxText(out).replace(/\n/g, '');
    expect(text).toContain('在已确定办理结果的2件中，办理结果为“解决采纳”的1件，占50.0%');
    expect(text).not.toContain('在已答复的3件中');
    expect(checkShares(text.split('二、主要成效')[0]!, stats.total, 1).length).toBeGreaterThan(0);

    // Over all items, the item without a class is not called 尚未答复: it was answered.
    store.sessions.updateSettings(session.id, { resultShareBase: 'all' });
    const all = sessionStatistics(store, store.sessions.get(session.id), TODAY);
    expect(all.byResult.find((r) => r.code === null)).toMatchObject({ label: '尚未确定办理结果', count: 1, percent: '33.3' });
  });
});

describe.each([
  ['npc' as const, '区七届人大三次会议'],
  ['cppcc' as const, '区政协七届三次会议'],
])('a %s session', (kind, name) => {
  let store: OpenedStore;
  let dir: string;
  beforeAll(async () => {
    store = await sessionOf(kind, name);
    dir = tempDir('jianyi-kinds-');
  });

  it('has a report in its own words, addressed to its own body', async () => {
    const session = store.sessions.getByName(name);
    const file = path.join(dir, `报告-${kind}.docx`);
    await generateReport(store, { session, out: file, today: TODAY });
    const text = docxText(file).replace(/\n/g, '');
    if (kind === 'npc') {
      expect(text).toContain(`关于${name}期间代表建议办理情况的报告区人大常委会：`);
      expect(text).toContain('共收到代表建议6件');
    } else {
      expect(text).toContain(`关于${name}期间提案办理情况的报告区政协：`);
      expect(text).toContain('共收到提案6件');
      expect(text).toContain('委员评价为“满意”');
      for (const word of ['人大常委会', '代表提案', '代表建议', '代表评价', '代表见面']) expect(text).not.toContain(word);
    }
  });

  it('names the denominator of every share, and leaves out what the ledger did not give and classes with no item', async () => {
    const session = store.sessions.getByName(name);
    for (const base of ['all', 'answered'] as const) {
      store.sessions.updateSettings(session.id, { resultShareBase: base });
      const current = store.sessions.get(session.id);
      const stats = sessionStatistics(store, current, TODAY);
      const file = path.join(dir, `报告-${kind}-${base}.docx`);
      await generateReport(store, { session: current, out: file, today: TODAY });
      const text = docxText(file).replace(/\n/g, '').split('二、主要成效')[0]!;
      const shares = checkShares(text, stats.total, 1);
      // Categories (3), results with an item (3), ratings (3).
      expect(shares).toHaveLength(9);
      if (base === 'answered') expect(text).toContain(`在已答复的${stats.answered}件中，办理结果为“解决采纳”的3件，占60.0%`);
      else expect(text).toContain('从办理结果看，“解决采纳”的3件，占总数的50.0%');
      expect(text).not.toContain('计划解决');
      expect(text).not.toMatch(/的0件/);
      // No 是否见面 and no 是否办结 column: no 见面率, no 办结率, no 按期答复率 from dates alone is fine.
      expect(text).not.toContain('见面');
      expect(text).not.toContain('办结率');
      expect(text).toContain('公开率80.0%'.replace('80.0', stats.rates.published.percent));
    }
    store.sessions.updateSettings(session.id, { resultShareBase: 'all' });
  });

  it('has reply letters in its own words that open in LibreOffice', async () => {
    const session = store.sessions.getByName(name);
    const result = await generateLetters(store, {
      session,
      outDir: path.join(dir, `答复函-${kind}`),
      createFolder: true,
      kind: 'reply-letter',
      today: TODAY,
    });
    expect(result.files).toHaveLength(6);
    expect(result.incomplete).toEqual(['4（区教育局）']);
    const first = docxText(result.files[0]!).replace(/\n/g, '');
    const member = kind === 'npc' ? '代表' : '委员';
    const itemTerm = kind === 'npc' ? '代表建议' : '提案';
    expect(first).toContain(`关于${name}第1号${itemTerm}的答复`);
    expect(first).toContain(`张三等3名${member}：`);
    expect(first).toContain(
      `你们在${name}上提出的《关于加快老旧小区改造的${kind === 'npc' ? '建议' : '提案'}》（第1号）收悉。经认真研究，现答复如下：`,
    );
    expect(first).toContain('今年已将12个小区列入改造计划。');
    expect(first).toContain('感谢你们对我们工作的关心和支持');
    expect(first).toContain(
      kind === 'npc' ? '抄送：区人大常委会代表工作委员会，区人民政府办公室。' : '抄送：区政协提案委员会，区人民政府办公室。',
    );
    const second = docxText(result.files[1]!).replace(/\n/g, '');
    expect(second).toContain(`赵六${member}：`);
    expect(second).toContain('您在');
    const sixth = docxText(result.files[5]!).replace(/\n/g, '');
    expect(sixth).toContain('民进区委：');
    if (kind === 'cppcc') for (const file of result.files) expect(docxText(file)).not.toMatch(/代表建议|代表：/);
    const [pdf] = toPdf([result.files[0]!], path.join(dir, `pdf-${kind}`));
    expect(pdfInfo(pdf!).pages).toBeGreaterThanOrEqual(1);
  });

  it('says 台账未提供 for a rate no column gave, in the statistics tables', async () => {
    const session = store.sessions.getByName(name);
    const template = resolveTemplate(store, '统计表', 'statistics-tables', ['annual-report']);
    const context = reportContext(session, sessionStatistics(store, session, TODAY), {}, TODAY);
    const bytes = await renderTemplate(template, context, loadDocumentSettings(store), '统计表');
    const text = docxText(bytes);
    expect(text).toMatch(/见面率\n台账未提供/);
    expect(text).toMatch(/办结率\n台账未提供/);
    expect(text).not.toContain('未分类');
  });
});
