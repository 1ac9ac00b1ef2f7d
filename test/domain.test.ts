import { describe, expect, it } from 'vitest';
import { formatChineseDate, fromExcelSerial, parseDateText } from '../electron/domain/dates';
import { parseFeedback } from '../electron/domain/feedback';
import { parseProposalNumber } from '../electron/domain/proposal-number';
import { defaultResultLabels, parseResult } from '../electron/domain/result-classes';
import { splitList, stripControlChars } from '../electron/domain/text';
import { parseYesNo } from '../electron/domain/yes-no';
import { deadlineState, nextFollowUp, replyDeadline, returnDeadline } from '../electron/domain/deadlines';
import { DEFAULT_DEADLINE_RULES } from '../electron/domain/session';

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

describe('cell values', () => {
  it('reads yes and no', () => {
    for (const yes of ['是', '√', '✓', 'Y', '1', ' 是 ']) expect(parseYesNo(yes)).toBe(true);
    for (const no of ['否', '', '×', 'N', '0', '空']) expect(parseYesNo(no)).toBe(false);
    expect(parseYesNo('待定')).toBeNull();
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
    // A three-class session folds the planned class into B.
    expect(parseResult('计划解决', defaultResultLabels(3), 3)).toBe('B');
    expect(parseResult('C', defaultResultLabels(3), 3)).toBe('B');
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
