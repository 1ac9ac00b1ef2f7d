import { describe, expect, it } from 'vitest';
import { checkDraft, readDraft, type CheckOptions, type DraftFacts, type Finding } from '../electron/node/check/index';
import { markdownParagraphs, textParagraphs } from '../electron/common/check/text-input';
import { demoDistrictFacts as facts } from './helpers/draft-facts';

/** Paragraphs from lines of text, as a .txt draft gives them. */
const draft = (...lines: string[]) => textParagraphs(lines.join('\n'));
const check = (text: string | string[], facts: DraftFacts | null = null, options: CheckOptions = {}) =>
  checkDraft(draft(...(Array.isArray(text) ? text : [text])), facts, options);
const brief = (f: Finding) => `${f.severity}/${f.kind} ${f.printed} → ${f.expected}`;

describe('largest remainder and the two methods', () => {
  const THIRDS = '共收到建议3件。其中经济发展1件，占33.4%；城市建设1件，占33.3%；社会事业1件，占33.3%。';

  it('a distribution right only under largest remainder is no error', () => {
    expect(check(THIRDS)).toEqual([]);
    expect(check(THIRDS, null, { rounding: 'largest-remainder' })).toEqual([]);
  });

  it('…and a warning when the session rounds half up', () => {
    const found = check(THIRDS, null, { rounding: 'half-up' });
    expect(found.map(brief)).toEqual(['warning/method 33.4% → 33.3%']);
    expect(found[0]!.message).toBe('1 / 3 = 33.33 %，本次会议按四舍五入保留一位小数应为 33.3%，稿中的 33.4% 是最大余数法的结果');
  });

  it('half-up shares in a largest-remainder session are a warning, never an error', () => {
    const halfUp = THIRDS.replace('占33.4%', '占33.3%');
    expect(check(halfUp, null, { rounding: 'largest-remainder' }).map(brief)).toEqual(['warning/method 33.3% → 33.4%']);
    expect(check(halfUp, null, { rounding: 'half-up' })).toEqual([]);
    // Without a session method: right share by share, but the complete distribution adds up to 99.9.
    expect(check(halfUp).map(brief)).toEqual(['warning/sum 33.3% → 100%']);
  });

  it('one distribution mixing the methods is a warning', () => {
    // 16 items: half up gives 6.3 / 6.3 / 31.3 / 56.3, largest remainder 6.2 / 6.2 / 31.3 / 56.3.
    const mixed = '共收到建议16件。其中经济发展1件，占6.3%；城市建设1件，占6.2%；社会事业5件，占31.3%；民生保障9件，占56.3%。';
    const found = check(mixed);
    expect(found.map(brief)).toEqual(['warning/method 6.2% → 6.3%']);
    expect(found[0]!.message).toContain('混用了两种取舍方法');
    // All half up: right, but the complete distribution adds up to 100.2; all largest remainder: 100.0.
    expect(check(mixed.replace('占6.2%', '占6.3%')).map(brief)).toEqual(['warning/sum 56.3% → 100%']);
    expect(check(mixed.replace('占6.2%', '占6.3%'), null, { rounding: 'half-up' })).toEqual([]);
    expect(check(mixed.replace('占6.3%', '占6.2%'))).toEqual([]);
  });

  it('a share neither method gives is an error, with both values when they differ', () => {
    const found = check(
      '共收到建议16件。其中经济发展1件，占6.4%；城市建设1件，占6.2%；社会事业5件，占31.3%；民生保障9件，占56.3%。',
    );
    expect(found.map(brief)).toEqual(['error/share 6.4% → 6.3%']);
    // 1, 1, 5 and 9 of 16 all leave the same remainder: any two of them may get the missing units.
    expect(found[0]!.message).toBe(
      '1 / 16 = 6.25 %，保留一位小数，按四舍五入应为 6.3%，按最大余数法应为 6.2% 或 6.3%，稿中写作 6.4%',
    );
  });

  it('whole-number shares: 94 of 322', () => {
    const found = check('共收到建议322件，其中城市建设方面94件，占30%。');
    expect(found.map((f) => f.message)).toEqual(['94 / 322 = 29.19 %，按四舍五入或最大余数法都应为 29%，稿中写作 30%']);
    expect(found[0]!.printed).toBe('30%');
    expect(found[0]!.expected).toBe('29%');
  });
});

describe('shares in prose', () => {
  it('reads every way of writing a share', () => {
    const ok = [
      '共收到建议67件，其中经济发展11件，占16.4%。',
      '共收到建议67件，其中经济发展11件，占总数的16.4%。',
      '共收到建议67件，其中经济发展11件，占比16.4%。',
      '共收到建议67件，其中经济发展11件，比例为16.4%。',
      '共收到建议67件，其中经济发展11件，16.4%。',
      '共收到建议67件，其中经济发展11件（16.4%）。',
      '共收到建议67件，其中经济发展 11 件，占 16.4 %。',
      '共收到建议６７件，其中经济发展１１件，占１６．４％。',
      '共收到建议67件，其中经济发展11件，占百分之十六点四。',
    ];
    for (const text of ok) {
      expect(check(text), text).toEqual([]);
      const wrong = text.replace(/16\.4|１６．４|十六点四/, (m) =>
        m === '16.4' ? '16.5' : m === '十六点四' ? '十六点五' : '１６．５',
      );
      expect(
        check(wrong).map((f) => f.kind),
        wrong,
      ).toEqual(['share']);
    }
  });

  it('takes the denominator from the sentence or the one before', () => {
    expect(check('已评价314件。其中好238件，占76%；较好60件，占19%；一般16件，占5%。')).toEqual([]);
    expect(check('已评价314件，好238件，占75%。').map((f) => f.message)).toEqual([
      '238 / 314 = 75.80 %，按四舍五入或最大余数法都应为 76%，稿中写作 75%',
    ]);
    expect(
      check(['在反馈意见的232件中，评价为“满意”的204件，占87.9%；“基本满意”的26件，占11.2%；“不满意”的2件，占0.9%。']),
    ).toEqual([]);
  });

  it('any plausible denominator will do: a share of the answered items is no error', () => {
    const text = ['共收到建议260件，已答复249件。', '其中解决采纳182件，占73.1%。'];
    expect(check(text)).toEqual([]);
    expect(check(text, facts())).toEqual([]);
    expect(check(['共收到建议260件，已答复249件。', '其中解决采纳182件，占73.3%。']).map((f) => f.kind)).toEqual(['share']);
  });

  it('a share with no plausible denominator says nothing', () => {
    expect(check('其中解决采纳182件，占73.3%。')).toEqual([]);
  });
});

describe('counts, rates and comparisons against the records', () => {
  it('category counts, with tolerant names (方面, 和/与, full width, Traditional)', () => {
    for (const text of [
      '涉及城市建设和管理方面230件。',
      '涉及城市建設與管理方面230件。',
      '涉及“城市建设与管理”类２３０件。',
      '其中城市建设与管理230件。',
    ]) {
      const found = check(text, facts());
      expect(
        found.map((x) => `${x.kind} ${x.expected}`),
        text,
      ).toEqual(['count 84件']);
      expect(found[0]!.printed.replace('２３０', '230')).toBe('230件');
      expect(found[0]!.message).toBe(`台账记录“城市建设与管理”方面的为 84 件，稿中写作 ${found[0]!.printed}`);
    }
    expect(check('涉及城市建设和管理方面84件。', facts())).toEqual([]);
  });

  it('result classes by label, by letter and by a common synonym; feedback values; handled counts', () => {
    const f = facts();
    expect(check('办理结果为解决采纳的182件，正在解决的25件，计划解决的17件，留作参考的25件。', f)).toEqual([]);
    expect(check('其中A类182件，B类25件，C类17件，D类26件。', f).map(brief)).toEqual(['error/count 26件 → 25件']);
    // With every item answered, the four classes must also add up to the total.
    const allAnswered = facts({ answered: 260, counts: { ...f.counts, answered: 260, unanswered: 0 } });
    allAnswered.results[3]!.count = 36;
    expect(check('其中A类182件，B类25件，C类17件，D类37件。', allAnswered).map(brief)).toEqual([
      'error/count 37件 → 36件',
      'error/sum 261件 → 260件',
    ]);
    expect(check('“已解决或基本解决”的183件。', f).map(brief)).toEqual(['error/count 183件 → 182件']);
    expect(check('代表评价为“满意”的205件。', f).map(brief)).toEqual(['error/count 205件 → 204件']);
    expect(check('已答复250件。', f).map(brief)).toEqual(['error/count 250件 → 249件']);
    expect(check('已办结231件。', f).map(brief)).toEqual(['error/count 231件 → 230件']);
    expect(check('建议办理结果主动公开235件。', f).map(brief)).toEqual(['error/count 235件 → 234件']);
    expect(check('办理过程中与代表见面沟通246件。', f).map(brief)).toEqual(['error/count 246件 → 245件']);
    expect(check('区七届人大三次会议期间，共收到代表建议261件。', f).map(brief)).toEqual(['error/count 261件 → 260件']);
    expect(check('260件建议已全部答复。', f).map(brief)).toEqual(['error/count 260件 → 249件']);
  });

  it('a unit named as the subject, or a subset, is not the session', () => {
    const f = facts();
    expect(check('区交通委答复31件，其中解决采纳22件。', f)).toEqual([]);
    expect(check('重点建议46件中，解决采纳40件。', f)).toEqual([]);
    expect(check('区水务局按期答复率100%。', f)).toEqual([]);
    expect(check('其中电话答复12件，已提前办结18件。', f)).toEqual([]);
    expect(check('“计划解决”的17件，占6.5%；解决率为79.7%。', f).map(brief)).toEqual(['error/rate 79.7% → 79.6%']);
  });

  it('rates with their denominator in the message', () => {
    const f = facts();
    expect(
      check(
        '答复率95.8%，按期答复率90.8%，办结率92.4%，公开率90.0%，见面率94.2%，满意率87.9%，解决率79.6%，解决采纳率70.0%。',
        f,
      ),
    ).toEqual([]);
    const found = check('办结率92.5%。', f);
    expect(found.map((x) => x.message)).toEqual([
      '办结率：已办结 230 件 / 已答复 249 件 = 92.37 %，保留一位小数应为 92.4%，稿中写作 92.5%',
    ]);
    expect(check('答复率为96%。', f).map(brief)).toEqual([]);
    expect(check('答复率为95.77%。', f).map(brief)).toEqual([]);
    expect(check('答复率为95.78%。', f).map(brief)).toEqual(['error/rate 95.78% → 95.77%']);
  });

  it('rates without records: the numerator the sentence states over the stated total', () => {
    expect(check(['共收到建议260件。', '已答复249件，答复率95.8%。'])).toEqual([]);
    expect(check(['共收到建议260件。', '已答复249件，答复率95.9%。']).map((f) => f.message)).toEqual([
      '答复率：249 件 / 全部 260 件（稿中所写） = 95.77 %，保留一位小数应为 95.8%，稿中写作 95.9%',
    ]);
  });

  it('comparisons: the difference of the printed figures, the direction word, last year against the records', () => {
    expect(check('解决率为79.6%，较上年（74.8%）提高4.8个百分点。')).toEqual([]);
    expect(check('解决率为79.6%，较上年（74.8%）上升了4.8个百分点。')).toEqual([]);
    expect(check('主动公开率达100%,较2020年(94.87%)提高5.13个百分点。')).toEqual([]);
    expect(check('解决率为79.6%，较上年（74.8%）提高4.9个百分点。').map((f) => f.message)).toEqual([
      '79.6% − 74.8% = 4.8 个百分点，稿中写作 4.9个百分点',
    ]);
    expect(check('解决率为79.6%，较上年（74.8%）下降4.8个百分点。').map(brief)).toEqual(['error/comparison 下降 → 提高']);
    expect(check('解决率为74.8%，与上年（74.8%）持平。')).toEqual([]);
    expect(check('解决率为74.9%，与上年（74.8%）持平。').map(brief)).toEqual(['error/comparison 持平 → 提高']);
    expect(check('解决率为79.6%，较上年（74.8%）提高4.8%。').map(brief)).toEqual(['warning/comparison 4.8% → 4.8个百分点']);
    const f = facts();
    expect(check('解决率为79.6%，较上年（74.8%）提高4.8个百分点。', f)).toEqual([]);
    expect(check('解决率为79.6%，较上年（74.7%）提高4.9个百分点。', f).map((x) => x.message)).toEqual([
      '上年解决率（录入的上年基数）为 74.8%，稿中写作 74.7%',
    ]);
    expect(check('满意率为87.9%，较上年提高0.8个百分点。', f)).toEqual([]);
    expect(check('满意率为87.9%，较上年提高0.9个百分点。', f).map(brief)).toEqual(['error/comparison 0.9个百分点 → 0.8个百分点']);
    expect(check('代表建议解决率较上年（74.8%）提高4.8个百分点。', f)).toEqual([]);
    expect(check('代表建议解决率较上年（74.8%）提高4.7个百分点。', f).map(brief)).toEqual([
      'error/comparison 4.7个百分点 → 4.8个百分点',
    ]);
  });
});

describe('sums', () => {
  it('a remainder sentence', () => {
    expect(check('重点建议46件中，已提前办结18件，还有28件正在抓紧办理。')).toEqual([]);
    const found = check('重点建议46件中，已提前办结18件，还有27件正在抓紧办理。');
    expect(found.map(brief)).toEqual(['error/sum 27件 → 28件']);
    expect(found[0]!.message).toBe('18 + 27 = 45 件，与前文的 46 件不符');
  });

  it('a complete breakdown of the result classes', () => {
    const text = '共收到代表建议114件，已全部答复。其中解决采纳84件，正在解决13件，计划解决6件，留作参考11件。';
    expect(check(text)).toEqual([]);
    const found = check(text.replace('留作参考11件', '留作参考12件'));
    expect(found.map(brief)).toEqual(['error/sum 115件 → 114件']);
    expect(found[0]!.message).toBe('所列各项合计 84 + 13 + 6 + 12 = 115 件，与总数的 114 件不符');
    // A breakdown that leaves a class out, or while items are still open, says nothing about the whole.
    expect(check('共收到代表建议114件，已全部答复。其中解决采纳84件，正在解决13件。')).toEqual([]);
    expect(check('共收到代表建议114件。其中解决采纳84件，正在解决13件，计划解决6件，留作参考12件。')).toEqual([]);
  });

  it('answered and still open add up to the total', () => {
    expect(check(['共收到代表建议260件。', '已答复249件，尚有11件正在办理。'])).toEqual([]);
    expect(check(['共收到代表建议260件。', '已答复249件，尚有12件正在办理。']).map(brief)).toEqual(['error/sum 12件 → 11件']);
    expect(check(['已答复249件，尚有12件正在办理。'], facts()).map(brief)).toEqual(['error/count 12件 → 11件']);
  });
});

describe('statistics tables', () => {
  const TABLE = [
    '类别\t件数\t占比',
    '经济发展\t52\t20.0%',
    '城市建设与管理\t84\t32.3%',
    '社会事业\t33\t12.7%',
    '民生保障\t40\t15.4%',
    '公共安全与交通\t51\t19.6%',
    '合计\t260\t100.0%',
  ];

  it('rows against the 合计 row, shares against it, counts against the records', () => {
    expect(check(TABLE)).toEqual([]);
    expect(check(TABLE, facts())).toEqual([]);
    const wrongShare = TABLE.map((l) => l.replace('12.7%', '12.8%'));
    expect(check(wrongShare).map(brief)).toEqual(['error/share 12.8% → 12.7%']);
    const wrongTotal = TABLE.map((l) => l.replace('合计\t260', '合计\t261'));
    expect(check(wrongTotal).map(brief)).toContain('error/sum 261 → 260');
    const wrongCount = TABLE.map((l) => l.replace('社会事业\t33', '社会事业\t34'));
    expect(check(wrongCount, facts()).map(brief)).toEqual(expect.arrayContaining(['error/count 34 → 33']));
  });

  it('a Markdown table reads the same', () => {
    const md = ['| 类别 | 件数 | 占比 |', '|---|:-:|:-:|', ...TABLE.slice(1).map((l) => `| ${l.split('\t').join(' | ')} |`)].join(
      '\n',
    );
    const paragraphs = markdownParagraphs(md);
    expect(paragraphs.map((p) => p.text)).toEqual(TABLE);
    expect(checkDraft(markdownParagraphs(md.replace('19.6%', '19.7%')), null).map(brief)).toEqual(['error/share 19.7% → 19.6%']);
  });
});

describe('no false alarms on real prose', () => {
  it('years, dates, ordinals, document numbers and counts that are not shares', () => {
    const prose = [
      '2019年，是中华人民共和国成立70周年，第53次区政府常务会议进行了专题研究。',
      '沪崇府发〔2024〕45号。截至4月29日，区政府系统承办件已全部办理完毕。',
      '在“金10条”基础上，今年制定印发了3个具体意见，组织10余个单位、44个单位承办人员参加培训。',
      '区长、副区长主动认领了 16 件综合性强的代表建议，调研了重点代表建议 78 件，43 件代表建议取得实质性新进展。',
      '办理结果解决率首次超过80%，确保承办单位主要领导走访率达到100%，力争满意率达到95%以上。',
      '上年答复率为95%，区水务局按期答复率100%，区教育局办结率为50%。',
      '新增养老床位1200张，完成改造5家，区交通委承办的31件建议中解决采纳22件，占71.0%。',
      '办好一件、解决一片，一件件代表建议转化为一项项实际举措；第3件建议由区教育局主办。',
      '联系电话：5712 3456；地址：青川区人民路100号。',
    ];
    expect(check(prose)).toEqual([]);
    expect(check(prose, facts(), { decimals: 1, rounding: 'half-up' })).toEqual([]);
  });

  it('combined measures, count changes and classes written with their wording', () => {
    const f = facts();
    const prose = [
      '截至目前，260件建议已全部答复，代表满意和基本满意率达99.1%，按期办结率为96.2%。',
      '与上年相比，建议数量增加了23件，增长9.7%；答复率95.8%，较上年增加15件。',
      '“解决采纳”和“正在解决”的207件，占79.6%。',
    ];
    expect(check(prose, null)).toEqual([]);
    // 260 answered is not what the records say (249); the rest says nothing wrong.
    expect(check(prose, f).map(brief)).toEqual(['error/count 260件 → 249件']);
    const worded =
      '其中，A类（已解决或基本解决）182件，占70.0%；B类（正在解决）25件，占9.6%；C类（列入计划拟解决）17件，占6.5%；D类（留作参考）26件，占10.0%。';
    expect(check(worded, f).map(brief)).toEqual(['error/count 26件 → 25件']);
  });

  it('a share of a listed sum, a share of an unknown total, a sibling distribution is no denominator', () => {
    const listed = ['本周共收到代表建议506件。', '排在前三位的是交通类172件、城建类80件、民政类50件，占总数的59.7%。'];
    expect(check(listed)).toEqual([]);
    const wrong = check(listed.map((l) => l.replace('59.7%', '60.7%')));
    expect(wrong.map((f) => f.message)).toEqual([
      '所列各项合计 302 / 506 = 59.68 %，按四舍五入保留一位小数应为 59.7%，稿中写作 60.7%',
    ]);
    // The words name the total, and the draft never states it: nothing can be said.
    expect(check('其中城建类80件，占总量的15.8%。')).toEqual([]);
    // The sentence before is another distribution: its counts are not this share's denominator.
    expect(check('投诉类301件，占60.6%；咨询类120件，占24.1%。另有建议类信件116件，占23.3%。')).toEqual([]);
    // A list after a whole that its parts exceed is not a breakdown of it.
    expect(check('各县收到1155件，其中咨询类1160件、投诉类1859件，还有4件正在处理。')).toEqual([]);
  });

  it('a list running over sentences, and shares over the items the list classifies', () => {
    const sentences = [
      '共提交提案190件，经审查立案176件。',
      '围绕经济发展提出提案95件，占54.0%。围绕社会事业提出提案36件，占20.5%。围绕城市管理提出提案45件，占25.6%。',
    ];
    const halfUp = { rounding: 'half-up' } as const;
    expect(check(sentences, null, halfUp)).toEqual([]);
    // The three make up the 176, and their shares add up to 100.1: a warning when the method is not known.
    expect(check(sentences).map(brief)).toEqual(['warning/sum 25.6% → 100%']);
    expect(
      check(
        sentences.map((l) => l.replace('占20.5%', '占21.5%')),
        null,
        halfUp,
      ).map(brief),
    ).toEqual(['error/share 21.5% → 20.5%']);
    // Three items were withdrawn: the four classes make up 297, and the shares are over them.
    const classified =
      '共收到提案300件。其中已经解决的74件，占总数的24.9%；正在解决的182件，占总数的61.3%；计划解决的33件，占总数的11.1%；留作参考的8件，占总数的2.7%。';
    expect(check(classified)).toEqual([]);
    expect(check(classified.replace('占总数的61.3%', '占总数的61.4%')).map(brief)).toEqual(['error/share 61.4% → 60.7%']);
  });

  it('Chinese numerals as counts', () => {
    expect(check('共收到代表建议一百一十四件，其中解决采纳八十四件，占73.7%。')).toEqual([]);
    expect(check('共收到代表建议一百一十四件，其中解决采纳八十四件，占74.7%。').map(brief)).toEqual([
      'error/share 74.7% → 73.7%',
    ]);
  });
});

describe('reading text drafts', () => {
  it('UTF-8 with a BOM and GB18030', () => {
    const text = '共收到建议67件，其中经济发展11件，占16.5%。';
    const bom = readDraft({ name: '稿.txt', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]) });
    expect(bom.paragraphs.map((p) => p.text)).toEqual([text]);
    const gb = gb18030(text);
    expect(gb.length).toBeLessThan(Buffer.from(text).length);
    const read = readDraft({ name: '稿.txt', bytes: gb });
    expect(read.paragraphs.map((p) => p.text)).toEqual([text]);
    expect(checkDraft(read.paragraphs, null).map(brief)).toEqual(['error/share 16.5% → 16.4%']);
  });

  it('Markdown syntax is removed', () => {
    const md =
      '# 一、基本情况\n\n共收到**代表建议**67件，\n其中*经济发展*11件，占16.4%。\n\n- 列表项：解决采纳62件\n> 引用 [链接](http://x)';
    expect(markdownParagraphs(md).map((p) => p.text)).toEqual([
      '一、基本情况',
      '共收到代表建议67件，其中经济发展11件，占16.4%。',
      '列表项：解决采纳62件',
      '引用 链接',
    ]);
  });

  it('a .doc file or a broken .docx gets a message for the clerk', () => {
    expect(() => readDraft({ name: '稿.doc', bytes: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]) })).toThrow(
      /旧版 Word 文档（\.doc）/,
    );
    expect(() => readDraft({ name: '稿.docx', bytes: Buffer.from('PK not really a zip') })).toThrow(/不是有效的 Word 文档/);
  });
});

/** GB18030 bytes of a string: Node has no GB18030 encoder, so the two-byte table is built from its decoder. */
function gb18030(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const map = new Map<string, Buffer>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const bytes = Buffer.from([hi, lo]);
      const ch = decoder.decode(bytes);
      if (ch.length === 1 && !map.has(ch)) map.set(ch, bytes);
    }
  }
  return Buffer.concat([...text].map((ch) => (ch.charCodeAt(0) < 0x80 ? Buffer.from(ch) : map.get(ch)!)));
}
