// Gaps an audit of the draft checker found: false errors on tied largest remainders and on shares
// of a stated subtotal, share and comparison forms it did not read, sums it missed, and the
// feedback wording of “代表反馈…”. Each case fails without its fix; each also keeps a real slip caught.
import { describe, expect, it } from 'vitest';
import { checkDraft, type CheckOptions, type DraftFacts, type Finding } from '../electron/node/check/index';
import { markdownParagraphs, textParagraphs } from '../electron/common/check/text-input';
import { demoDistrictFacts, districtUnits } from './helpers/draft-facts';

const check = (text: string, options: CheckOptions = {}) => checkDraft(textParagraphs(text), null, options);
const brief = (f: Finding) => `${f.severity}/${f.kind} ${f.printed} → ${f.expected}`;

describe('largest remainder with tied remainders', () => {
  const THIRDS = '共收到建议3件，其中甲类1件，占33.3%；乙类1件，占33.3%；丙类1件，占33.4%。';
  const SEVENTHS = (shares: number[]) =>
    `共收到建议7件，其中${shares.map((p, i) => `${'甲乙丙丁戊己庚'[i]}类1件，占${p}%`).join('；')}。`;

  it('any choice of which tied share gets the extra unit is a largest-remainder result', () => {
    expect(check(THIRDS)).toEqual([]);
    expect(check(THIRDS, { rounding: 'largest-remainder' })).toEqual([]);
    expect(check(SEVENTHS([14, 14, 15, 15, 14, 14, 14]))).toEqual([]);
    expect(check(SEVENTHS([15, 14, 14, 14, 14, 14, 15]), { rounding: 'largest-remainder' })).toEqual([]);
    // Right under largest remainder only: a method warning in a half-up session, never an error.
    expect(check(THIRDS, { rounding: 'half-up' }).map(brief)).toEqual(['warning/method 33.4% → 33.3%']);
  });

  it('a real slip is still caught, and the message names both largest-remainder values', () => {
    const found = check(THIRDS.replace('占33.4%', '占33.5%'));
    expect(found.map(brief)).toEqual(['error/share 33.5% → 33.3%']);
    expect(found[0]!.message).toBe(
      '1 / 3 = 33.33 %，保留一位小数，按四舍五入应为 33.3%，按最大余数法应为 33.3% 或 33.4%，稿中写作 33.5%',
    );
    // Three of the seven tied shares with the extra unit: only two units are missing.
    expect(check(SEVENTHS([15, 15, 15, 14, 14, 14, 14])).map(brief)).toEqual(['error/share 15% → 14%']);
  });
});

describe('a share of a subtotal stated before it', () => {
  it('is of the subtotal, in the same sentence or in the next one', () => {
    expect(check('共收到代表建议260件。其中重点建议40件，占15.4%；重点建议中已办结30件，占75%。')).toEqual([]);
    expect(check('共收到代表建议260件。其中重点建议40件，占15.4%。重点建议中已办结30件，占75%。')).toEqual([]);
  });

  it('is an error when no plausible denominator gives it, named against the subtotal', () => {
    const found = check('共收到代表建议260件。其中重点建议40件，占15.4%；重点建议中已办结31件，占75%。');
    expect(found.map(brief)).toEqual(['error/share 75% → 78%']);
    expect(found[0]!.message).toBe('31 / 40 = 77.50 %，按四舍五入或最大余数法都应为 78%，稿中写作 75%');
    // A sibling of the same distribution is no denominator: 2 of 204 is 1.0 %, but it is 2 of 232.
    const feedback = '在反馈意见的232件中，评价为“满意”的204件，占87.9%；“基本满意”的26件，占11.2%；“不满意”的2件，占1.0%。';
    expect(check(feedback).map(brief)).toEqual(['error/share 1.0% → 0.9%']);
  });
});

describe('share forms', () => {
  it('reads 占比 with spaces inside, and 合计占 / 共占 / 累计占 / 分别占', () => {
    expect(check('共收到代表建议260件，其中经济发展52件，占 比 20 %。')).toEqual([]);
    expect(check('共收到代表建议260件，其中经济发展52件，占 比 30 %。').map(brief)).toEqual(['error/share 30 % → 20%']);
    for (const words of ['合计占', '共占', '累计占', '两项合计占'])
      expect(check(`共收到代表建议260件，其中经济发展52件、社会事业33件，${words}32.7%。`), words).toEqual([]);
    const combined = check('共收到代表建议260件，其中经济发展52件、社会事业33件，合计占52.4%。');
    expect(combined.map(brief)).toEqual(['error/share 52.4% → 32.7%']);
    expect(combined[0]!.message).toContain('所列各项合计 85 / 260');
    expect(check('共收到代表建议260件，其中经济发展52件、社会事业33件，分别占20%、12.7%。')).toEqual([]);
    expect(check('共收到代表建议260件，其中经济发展52件、社会事业33件，分别占20%、13.7%。').map(brief)).toEqual([
      'error/share 13.7% → 12.7%',
    ]);
  });
});

describe('comparison forms', () => {
  it('last year’s figure in brackets before the change', () => {
    const found = check('满意率为87.9%（上年为87.1%），提高0.9个百分点。');
    expect(found.map(brief)).toEqual(['error/comparison 0.9个百分点 → 0.8个百分点']);
    expect(found[0]!.message).toBe('87.9% − 87.1% = 0.8 个百分点，稿中写作 0.9个百分点');
    expect(check('满意率为87.9%（上年为87.1%），提高0.8个百分点。')).toEqual([]);
  });

  it('last year’s figure after the change', () => {
    expect(check('满意率为98.6%，同比上升1.3个百分点，上年为97.3%。')).toEqual([]);
    expect(check('满意率为98.6%，同比上升1.2个百分点，上年为97.3%。').map(brief)).toEqual([
      'error/comparison 1.2个百分点 → 1.3个百分点',
    ]);
    expect(check('满意率为98.6%，同比下降1.3个百分点（上年为97.3%）。').map(brief)).toEqual(['error/comparison 下降 → 提高']);
  });
});

describe('sums', () => {
  it('a total stated for a 、-joined list', () => {
    const found = check('共收到代表建议260件，其中经济发展84件、社会事业52件，两项合计137件。');
    expect(found.map(brief)).toEqual(['error/sum 137件 → 136件']);
    expect(found[0]!.message).toBe('所列各项 84 + 52 = 136 件，稿中合计写作 137件');
    expect(check('共收到代表建议260件，其中经济发展84件、社会事业52件，两项合计136件。')).toEqual([]);
    expect(check('共收到代表建议260件，其中经济发展84件和社会事业52件，合计137件。').map(brief)).toEqual([
      'error/sum 137件 → 136件',
    ]);
    // "三项" over a list of two is not this list's total: nothing is said.
    expect(check('共收到代表建议260件，其中经济发展84件、社会事业52件，三项合计137件。')).toEqual([]);
  });

  it('done and open parts of a stated whole, without 还有', () => {
    const found = check('46件建议中，18件已办结，27件正在办理。');
    expect(found.map(brief)).toEqual(['error/sum 27件 → 28件']);
    expect(found[0]!.message).toBe('18 + 27 = 45 件，与前文的 46 件不符');
    expect(check('46件建议中，已办结18件，正在办理27件。').map(brief)).toEqual(['error/sum 27件 → 28件']);
    expect(check('46件建议中，18件已办结，28件正在办理。')).toEqual([]);
  });

  it('ordinary prose is no sum', () => {
    for (const text of [
      '46件建议中，18件已办结，20件已答复。',
      '46件建议中，18件已办结，27件正在办理，其中5件明年完成。',
      '区交通委承办46件建议，今年办结18件，去年办结20件。',
      '今年办结84件、去年办结52件，累计办结150件。',
    ])
      expect(check(text), text).toEqual([]);
  });
});

describe('feedback wording', () => {
  it('代表反馈 is the feedback returned, so its breakdown is checked', () => {
    const found = check('代表反馈232件，其中满意204件，基本满意26件，不满意3件。');
    expect(found.map(brief)).toEqual(['error/sum 233件 → 232件']);
    expect(check('代表反馈232件，其中满意204件，基本满意26件，不满意2件。')).toEqual([]);
    // Against the records (2 不满意): the count and the sum are both wrong.
    const against = checkDraft(textParagraphs('代表反馈232件，其中满意204件，基本满意26件，不满意3件。'), demoDistrictFacts());
    expect(against.map(brief)).toEqual(['error/count 3件 → 2件', 'error/sum 233件 → 232件']);
    expect(check('收到代表反馈232件，其中满意204件，基本满意26件，不满意2件，满意率为87.9%。')).toEqual([]);
  });
});

describe('the per-unit table against the records', () => {
  const facts = () => demoDistrictFacts({ units: districtUnits() });
  const unitCheck = (lines: string[], f: DraftFacts | null = facts()) => checkDraft(textParagraphs(lines.join('\n')), f);
  // Tolerant headers (序号 first, 承办单位, 主办件数, 协办, 按时答复率（%） with bare figures, 满意度),
  // names shortened or in Traditional characters, a 其他 row summing every unit not listed, a 合计 row.
  const TABLE = [
    '序号\t承办单位\t主办件数\t协办\tA\tB\tC\tD\t按时答复率（%）\t满意度',
    '1\t交通委\t31\t5\t22\t3\t3\t3\t83.9\t88.9%',
    '2\t區教育局\t20\t2\t15\t2\t2\t1\t95.0\t88.9%',
    '3\t区卫生健康委\t12\t4\t8\t2\t1\t1\t100\t90%',
    '4\t其他3个单位\t8\t7\t5\t1\t1\t1\t87.5\t100.0%',
    '\t合计\t71\t18\t50\t8\t7\t6\t90.1\t89.8%',
  ];
  const change = (row: number, cell: number, to: string) =>
    TABLE.map((line, i) =>
      i === row
        ? line
            .split('\t')
            .map((c, j) => (j === cell ? to : c))
            .join('\t')
        : line,
    );

  it('a right table is clean, with the records and without them', () => {
    expect(unitCheck(TABLE)).toEqual([]);
    expect(unitCheck(TABLE, null)).toEqual([]);
    // The report's own layout, the 其他 row summing the units with lead items only.
    const report = [
      '主办单位\t主办\t会办\tA\tB\tC\tD\t按期答复率\t满意率',
      '区交通委\t31\t5\t22\t3\t3\t3\t83.9%\t88.9%',
      '区教育局\t20\t2\t15\t2\t2\t1\t95.0%\t88.9%',
      '区卫生健康委\t12\t4\t8\t2\t1\t1\t100.0%\t90.0%',
      '其他2个单位\t8\t1\t5\t1\t1\t1\t87.5%\t100.0%',
    ];
    expect(unitCheck(report)).toEqual([]);
    expect(unitCheck(report.map((l) => l.replace('其他2个单位\t8\t1', '其他2个单位\t8\t2'))).map(brief)).toEqual([
      'error/count 2 → 1',
    ]);
  });

  it('a wrong count or rate of a unit is an error naming the unit', () => {
    const lead = unitCheck(change(1, 2, '32'));
    expect(lead.map(brief)).toEqual(['error/count 32 → 31']);
    expect(lead[0]!.message).toBe('台账记录区交通委主办 31 件，表中写作 32 件');
    expect(lead[0]!.quote).toContain('交通委');
    expect(unitCheck(change(2, 3, '3')).map((f) => f.message)).toEqual(['台账记录区教育局会办 2 件，表中写作 3 件']);
    expect(unitCheck(change(3, 4, '9')).map((f) => f.message)).toEqual([
      '台账记录区卫生健康委办理结果为“解决采纳”的 8 件，表中写作 9 件',
    ]);
    const rate = unitCheck(change(1, 8, '84.9'));
    expect(rate.map(brief)).toEqual(['error/rate 84.9 → 83.9%']);
    expect(rate[0]!.message).toBe(
      '区交通委按期答复率：台账记录按期答复 26 件 / 主办 31 件 = 83.87 %，保留一位小数应为 83.9%，表中写作 84.9',
    );
    expect(unitCheck(change(3, 9, '91%')).map(brief)).toEqual(['error/rate 91% → 90%']);
    // Only the records can say: without them nothing is reported.
    expect(unitCheck(change(1, 2, '32'), null)).toEqual([]);
    expect(unitCheck(change(1, 8, '84.9'), null)).toEqual([]);
  });

  it('the 其他 row is the exact sum of the units not listed, the 合计 row of all', () => {
    const others = unitCheck(change(4, 2, '9'));
    expect(others.map((f) => f.message)).toEqual(['台账记录表中未列出的3个单位主办 8 件，表中写作 9 件']);
    expect(unitCheck(change(4, 8, '87.6')).map(brief)).toEqual(['error/rate 87.6 → 87.5%']);
    expect(unitCheck(change(4, 1, '其他4个单位')).map(brief)).toEqual(['error/count 4个 → 3个']);
    expect(unitCheck(change(5, 2, '72')).map(brief)).toEqual(['error/count 72 → 71']);
    expect(unitCheck(change(5, 9, '89.9%')).map(brief)).toEqual(['error/rate 89.9% → 89.8%']);
  });

  it('a table of the units and their 件数 only: the lead items', () => {
    const table = ['主办单位\t件数', '区交通委\t31', '区教育局\t20'];
    expect(unitCheck(table)).toEqual([]);
    expect(unitCheck(table.map((l) => l.replace('20', '21'))).map((f) => f.message)).toEqual([
      '台账记录区教育局主办 20 件，表中写作 21 件',
    ]);
    expect(
      unitCheck(
        table.map((l) => l.replace('20', '21')),
        null,
      ),
    ).toEqual([]);
  });

  it('a Markdown table reads the same; a unit the records do not know is left alone', () => {
    const md = TABLE.map((l) => `| ${l.split('\t').join(' | ')} |`);
    md.splice(1, 0, `|${'---|'.repeat(10)}`);
    expect(checkDraft(markdownParagraphs(md.join('\n')), facts())).toEqual([]);
    const wrong = md.map((l) => l.replace('| 31 |', '| 30 |'));
    expect(checkDraft(markdownParagraphs(wrong.join('\n')), facts()).map(brief)).toEqual(['error/count 30 → 31']);
    expect(unitCheck(change(1, 1, '区规划局').map((l) => l.replace('\t31\t', '\t30\t')))).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ message: expect.stringContaining('区规划局') })]),
    );
  });
});
