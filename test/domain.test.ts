import { describe, expect, it } from 'vitest';
import { formatChineseDate, fromExcelSerial, parseDateText, readDate } from '../electron/common/domain/dates';
import { parseFeedback } from '../electron/common/domain/feedback';
import { parseProposalNumber } from '../electron/common/domain/proposal-number';
import { defaultResultLabels, labelsShowCForReference, parseResult, readResult } from '../electron/common/domain/result-classes';
import { readSessionOrdinal, sameSession } from '../electron/common/domain/session-ordinal';
import { splitList, stripControlChars } from '../electron/common/domain/text';
import { parseYesNo } from '../electron/common/domain/yes-no';
import { deadlineState, nextFollowUp, replyDeadline, returnDeadline } from '../electron/common/domain/deadlines';
import { DEFAULT_DEADLINE_RULES } from '../electron/common/domain/session';

describe('dates as ledgers write them', () => {
  it.each([
    ['2019-3-27', '2019-03-27'],
    ['2019/3/27', '2019-03-27'],
    ['2019.3.27', '2019-03-27'],
    ['2019年3月27日', '2019-03-27'],
    ['２０１９年３月２７日', '2019-03-27'],
    ['43551', '2019-03-27'],
    ['20190327', '2019-03-27'],
    ['2020-02-29', '2020-02-29'],
  ])('%s → %s', (text, iso) => expect(parseDateText(text)).toBe(iso));

  it.each(['2019-13-45', '2019-02-29', '2019-3-27x', '19-3-27', '2019年3月', '明天', '1'])('refuses %s', (text) =>
    expect(parseDateText(text)).toBeNull(),
  );

  it('reads Excel serials across the phantom 1900 leap day', () => {
    expect(fromExcelSerial(1)).toBe('1900-01-01');
    expect(fromExcelSerial(59)).toBe('1900-02-28');
    expect(fromExcelSerial(60)).toBeNull();
    expect(fromExcelSerial(61)).toBe('1900-03-01');
    expect(fromExcelSerial(45595)).toBe('2024-10-30');
  });

  it('prints dates without leading zeros', () => expect(formatChineseDate('2024-03-05')).toBe('2024年3月5日'));
});

describe('result cells as real ledgers write them', () => {
  const four = { labels: defaultResultLabels(4), count: 4 as const };
  const three = { labels: defaultResultLabels(3), count: 3 as const };
  it.each([
    ['A（已解决或采纳）', 'A', 'A'],
    ['A类', 'A', 'A'],
    ['甲类', 'A', 'A'],
    ['已答复-A', 'A', 'A'],
    ['A.解决或基本解决', 'A', 'A'],
    ['B.列入计划拟解决', 'C', 'B'],
    ['C.因条件所限等原因暂不能解决，留作参考', 'D', 'D'],
    ['解决或采纳', 'A', 'A'],
    ['列入计划拟解决', 'C', 'B'],
    ['列入计划', 'C', 'B'],
    ['因条件限制无法解决', 'D', 'D'],
    ['C', 'C', 'D'],
  ])('%s → %s in four classes, %s in three', (text, inFour, inThree) => {
    expect(readResult(text, four)?.code).toBe(inFour);
    expect(readResult(text, three)?.code).toBe(inThree);
  });
  it('reads 处理中 as not answered, refuses what it cannot read, and a file’s C.…留作参考 makes its bare C 留作参考', () => {
    expect(readResult('处理中', four)).toEqual({ code: null, by: 'pending' });
    for (const text of ['其他', '不予采纳', '已办', 'E']) expect(readResult(text, four)).toBeUndefined();
    expect(readResult('C', { ...four, cMeansReference: true })?.code).toBe('D');
    expect(labelsShowCForReference(['A.解决或基本解决', 'C.因条件所限等原因暂不能解决，留作参考'])).toBe(true);
    expect(labelsShowCForReference(['A', 'C', '计划解决'])).toBe(false);
  });
});

describe('dates with a time of day, or without a year', () => {
  it.each([
    ['2020-01-08 10:21:35', '2020-01-08'],
    ['2013-01-20 0:0:0', '2013-01-20'],
    ['2013-01-10 14:22:05.0', '2013-01-10'],
    ['2019/3/27 10:00', '2019-03-27'],
  ])('%s → %s', (text, iso) => expect(readDate(text)).toEqual({ date: iso, yearAssumed: false }));
  it('takes the session’s year only when asked, and says so', () => {
    expect(readDate('3月27日')).toBeNull();
    expect(readDate('3月27日', 2024)).toEqual({ date: '2024-03-27', yearAssumed: true });
    expect(readDate('2月30日', 2024)).toBeNull();
  });
});

describe('届次', () => {
  it('reads 届 and 次 in Chinese numerals or digits and tells sessions apart', () => {
    expect(readSessionOrdinal('区十六届人大六次会议')).toEqual({ term: 16, meeting: 6 });
    expect(readSessionOrdinal('三届一次')).toEqual({ term: 3, meeting: 1 });
    expect(readSessionOrdinal('第14届第5次会议')).toEqual({ term: 14, meeting: 5 });
    expect(sameSession(readSessionOrdinal('十四届五次'), readSessionOrdinal('区政协十四届五次会议'))).toBe(true);
    expect(sameSession(readSessionOrdinal('十四届四次'), readSessionOrdinal('区政协十四届五次会议'))).toBe(false);
    expect(sameSession(readSessionOrdinal('第五次会议'), readSessionOrdinal('区十四届人大五次会议'))).toBe(true);
  });
});

describe('cell values', () => {
  it('reads yes and no', () => {
    for (const yes of ['是', '√', '✓', 'Y', '1', ' 是 ']) expect(parseYesNo(yes)).toBe(true);
    for (const no of ['否', '', '×', 'N', '0', '空']) expect(parseYesNo(no)).toBe(false);
    expect(parseYesNo('待定')).toBeNull();
    // A column's own words: 依申请公开 is not proactive publication.
    expect(
      ['可公开', '主动公开', '可以网上公开', '依申请公开', '不予公开', '禁止网上公开'].map((w) => parseYesNo(w, 'published')),
    ).toEqual([true, true, true, false, false, false]);
    expect(['已走访', '委员本人提出不需要走访', '未见面'].map((w) => parseYesNo(w, 'met'))).toEqual([true, false, false]);
    expect(parseYesNo('已走访')).toBeNull();
  });

  it('splits units and deputies on every accepted separator', () => {
    expect(splitList('区教育局、区民政局,区财政局，区水务局;区交通委；区体育局\n区医保局')).toEqual([
      '区教育局',
      '区民政局',
      '区财政局',
      '区水务局',
      '区交通委',
      '区体育局',
      '区医保局',
    ]);
    expect(splitList(' 张三 、、张三 ')).toEqual(['张三']);
  });

  it('treats 0012, 12 and 第12号 as the same proposal number', () => {
    const keys = ['0012', '12', '第12号', '第０１２号'].map((n) => parseProposalNumber(n)!.key);
    expect(new Set(keys)).toEqual(new Set(['12']));
    expect(parseProposalNumber('0012')!.display).toBe('0012');
    expect(parseProposalNumber('A-7')).toMatchObject({ key: 'A-7', sort: 7 });
    expect(parseProposalNumber('  ')).toBeNull();
  });

  it('maps result labels and codes to classes', () => {
    const labels = defaultResultLabels(4);
    expect(['A', 'a', '解决采纳', '已经解决', '已解决或基本解决'].map((t) => parseResult(t, labels, 4))).toEqual([
      'A',
      'A',
      'A',
      'A',
      'A',
    ]);
    expect(parseResult('正在解决', labels, 4)).toBe('B');
    expect(parseResult('计划解决', labels, 4)).toBe('C');
    expect(parseResult('留作参考', labels, 4)).toBe('D');
    expect(parseResult('', labels, 4)).toBeNull();
    expect(parseResult('已办', labels, 4)).toBeUndefined();
    // A three-class session folds the planned class into B; its letters are A/B/C with C for
    // 留作参考 (stored as D), as the three-class systems print them.
    expect(parseResult('计划解决', defaultResultLabels(3), 3)).toBe('B');
    expect(parseResult('C', defaultResultLabels(3), 3)).toBe('D');
    expect(parseResult('D', defaultResultLabels(3), 3)).toBe('D');
    // A session's own label wins.
    expect(parseResult('已落实', { ...labels, A: '已落实' }, 4)).toBe('A');
  });

  it('knows both feedback scales', () => {
    expect(parseFeedback('满意')).toEqual({ value: '满意', scale: 'three' });
    expect(parseFeedback('较好')).toEqual({ value: '较好', scale: 'five' });
    expect(parseFeedback('未表态')).toEqual({ value: '未表态', scale: null });
    expect(parseFeedback('')).toBeNull();
    expect(parseFeedback('很棒')).toBeUndefined();
  });

  it('removes characters an Office file cannot hold', () => {
    expect(stripControlChars('a\u000Bb\u0000c\r\nd\te\uD800')).toBe('abc\nd\te');
    expect(stripControlChars('𠮷😀')).toBe('𠮷😀');
  });
});

describe('deadlines', () => {
  const rules = DEFAULT_DEADLINE_RULES;
  const base = { assignedDate: '2024-03-10', deadline: null, extended: false, replyDate: null, resultCode: null };

  it('computes the reply deadline from 交办 or takes the stated one', () => {
    expect(replyDeadline(base, rules)).toBe('2024-06-10');
    expect(replyDeadline({ ...base, extended: true }, rules)).toBe('2024-09-10');
    expect(replyDeadline({ ...base, deadline: '2024-05-01' }, rules)).toBe('2024-05-01');
    expect(replyDeadline({ ...base, assignedDate: '2024-11-30' }, rules)).toBe('2025-02-28');
    expect(replyDeadline({ ...base, assignedDate: null }, rules)).toBeNull();
  });

  it('classifies open and answered items', () => {
    expect(deadlineState(base, rules, '2024-05-01').status).toBe('pending');
    expect(deadlineState(base, rules, '2024-06-03')).toMatchObject({ status: 'due-soon', daysLeft: 7 });
    expect(deadlineState(base, rules, '2024-06-10')).toMatchObject({ status: 'due-soon', daysLeft: 0 });
    expect(deadlineState(base, rules, '2024-06-11')).toMatchObject({ status: 'overdue', daysLeft: -1 });
    expect(deadlineState({ ...base, replyDate: '2024-06-10' }, rules, '2024-12-01').status).toBe('on-time');
    expect(deadlineState({ ...base, replyDate: '2024-06-11' }, rules, '2024-12-01').status).toBe('late');
    expect(deadlineState({ ...base, assignedDate: null }, rules, '2024-12-01').status).toBe('no-deadline');
    expect(deadlineState(base, { ...rules, dueSoonDays: 14 }, '2024-05-28').status).toBe('due-soon');
  });

  it('counts return days as working days when the session says so', () => {
    // 2024-03-08 is a Friday: seven working days later is Tuesday 2024-03-19.
    expect(returnDeadline('2024-03-08', rules)).toBe('2024-03-19');
    expect(returnDeadline('2024-03-08', { ...rules, returnWorkingDays: false, returnDays: 10 })).toBe('2024-03-18');
  });

  it('schedules follow-up reports monthly for B and quarterly for C', () => {
    expect(nextFollowUp('2024-05-20', 'B', rules, '2024-07-01')).toBe('2024-07-20');
    expect(nextFollowUp('2024-05-20', 'C', rules, '2024-07-01')).toBe('2024-08-20');
    expect(nextFollowUp('2024-05-20', 'A', rules, '2024-07-01')).toBeNull();
  });
});
