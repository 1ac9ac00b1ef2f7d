// 核对: the draft checker's speed goal, a 30-page report draft (.docx) read and checked against
// the facts of a session of 10,000 proposals in under a second.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { openStore } from '../../db/store';
import { checkDraft, factsFromStatistics, readDraft } from '../../electron/node/check/index';
import { compareRates } from '../../electron/common/stats/compare';
import { sessionStatistics } from '../../electron/node/stats/session-statistics';
import { type SessionStatistics } from '../../electron/common/stats/statistics';
import { median, type BenchResult } from '../harness';
import { statisticsSession } from '../statistics-session';

const PAGES = 30;
const LINES_PER_PAGE = 22;
const CHARS_PER_LINE = 28;

const UNITS = ['区教育局', '区交通委', '区民政局', '区卫生健康委', '区房管局', '区绿化市容局', '区生态环境局', '区建设管理委'];

/** One section of report prose from the statistics, with the figures a clerk writes (and two slips). */
function reportProse(stats: SessionStatistics, section: number): string[] {
  const r = stats.rates;
  const cats = stats.byCategory.map((c) => `涉及${c.label}方面的${c.count}件，占总数的${c.percent}%`).join('；');
  const results = stats.byResult
    .filter((x) => x.code)
    .map((x) => `“${x.label}”的${x.count}件，占总数的${x.percent}%`)
    .join('；');
  const feedback = stats.feedback.map((f) => `评价为“${f.label}”的${f.count}件，占${f.percent}%`).join('；');
  const unit = UNITS[section % UNITS.length]!;
  const lead = 20 + section;
  const solved = Math.round(lead * 0.7);
  const share = ((solved * 1000) / lead / 10).toFixed(1);
  return [
    `${2019 + (section % 6)}年是实施“十四五”规划的关键一年。区八届人大二次会议期间，区人民政府共收到代表建议${stats.total}件。其中，${cats}。`,
    `各承办单位认真办理，已答复${stats.answered}件，${r.answered.label}${r.answered.percent}%，尚有${stats.total - stats.answered}件正在办理；${r.onTime.label}${r.onTime.percent}%。从办理结果看，${results}。${r.resolution.label}为${r.resolution.percent}%，较上年（65.0%）${compareRates(r.resolution.percent, '65.0').text}。`,
    `建议办理结果主动公开${r.published.numerator}件，${r.published.label}${r.published.percent}%。办理过程中与代表见面沟通${r.met.numerator}件，${r.met.label}${r.met.percent}%。已办结${r.closed.numerator}件，${r.closed.label}${r.closed.percent}%。`,
    `在反馈意见的${stats.feedbackReturned}件中，${feedback}。${r.satisfied.label}为${r.satisfied.percent}%。`,
    `第${section + 3}次区政府常务会议专题研究代表建议办理工作，区政府领导领衔督办重点建议${12 + section}件，召开专题协调会${5 + (section % 4)}次，现场踏勘${8 + section}次。截至${(section % 9) + 3}月${(section % 27) + 1}日，${unit}主办${lead}件，已答复${lead}件，${unit}承办的${lead}件建议中，解决采纳${solved}件，占${share}%。`,
    `针对代表提出的“关于加快推进老旧小区综合改造的建议”，${unit}会同相关街镇开展实地调研${3 + (section % 5)}次，完成${10 + section}个小区改造，新增停车位${200 + section * 7}个，惠及居民${1200 + section * 31}户。沪青府发〔${2020 + (section % 5)}〕${30 + section}号文件明确了年度任务。`,
    `下一步，我们将进一步压实承办单位责任，健全承诺事项跟踪机制，对“正在解决”事项按月、“计划解决”事项按季度向代表通报进展，确保满意率达到95%以上，推动更多建议转化为实际成效。`,
  ];
}

async function draftDocx(stats: SessionStatistics): Promise<{ bytes: Buffer; chars: number }> {
  const target = PAGES * LINES_PER_PAGE * CHARS_PER_LINE;
  const texts: string[] = [];
  for (let section = 0; texts.join('').length < target; section++) texts.push(...reportProse(stats, section));
  // Two slips a clerk makes: a share one unit off, and a change computed wrong.
  texts[1] = texts[1]!.replace(/占总数的(\d+)\.(\d)%/, (_, w: string, d: string) => `占总数的${w}.${(Number(d) + 1) % 10}%`);
  texts[8] = texts[8]!.replace(
    /提高(\d+)\.(\d)个百分点/,
    (_, w: string, d: string) => `提高${w}.${(Number(d) + 1) % 10}个百分点`,
  );
  const runs = (text: string) => {
    const cuts = [0, ...[...text.matchAll(/\d+\.(?=\d%)/g)].map((m) => m.index + m[0].length), text.length];
    return cuts.slice(1).map((end, i) => new TextRun({ text: text.slice(cuts[i], end) }));
  };
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      ['类别', '件数', '占比'],
      ...stats.byCategory.map((c) => [c.label, String(c.count), `${c.percent}%`]),
      ['合计', String(stats.total), '100.0%'],
    ].map((cells) => new TableRow({ children: cells.map((c) => new TableCell({ children: [new Paragraph(c)] })) })),
  });
  const children = [...texts.map((t) => new Paragraph({ children: runs(t) })), table];
  return { bytes: await Packer.toBuffer(new Document({ sections: [{ children }] })), chars: texts.join('').length };
}

export async function benchCheck(work: string): Promise<BenchResult[]> {
  const store = await openStore(path.join(work, 'check.db'), { actor: 'bench' });
  const { session } = await statisticsSession(store, 10_000, { name: '区八届人大二次会议', decimals: 1 });
  const stats = sessionStatistics(store, session, '2025-12-01');
  const facts = factsFromStatistics(stats, session);
  store.close();
  const { bytes, chars } = await draftDocx(stats);
  const options = { decimals: 1, rounding: 'half-up' } as const;
  const once = () => checkDraft(readDraft({ name: '草稿.docx', bytes }).paragraphs, facts, options);
  const findings = once(); // warm-up
  const runs: number[] = [];
  for (let i = 0; i < 7; i++) {
    const start = performance.now();
    once();
    runs.push(performance.now() - start);
  }
  const paragraphs = readDraft({ name: '草稿.docx', bytes }).paragraphs.length;
  return [
    {
      name: `核对：${PAGES} 页报告草稿（.docx，约 ${chars.toLocaleString('en-US')} 字）对照 10,000 件的会议`,
      goalMs: 1000,
      medianMs: median(runs),
      runs,
      note: `读取 .docx 并核对；${paragraphs} 段，发现 ${findings.filter((f) => f.severity === 'error').length} 处错误、${findings.filter((f) => f.severity === 'warning').length} 处提示（稿中有意写错的数字）`,
    },
  ];
}
