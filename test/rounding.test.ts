import { describe, expect, it } from 'vitest';
import { compareRates } from '../electron/common/stats/compare';
import { distribute, percent } from '../electron/common/stats/rounding';

describe('percent: exact half-up rounding', () => {
  it('prints the seed 000 result shares with one decimal', () => {
    expect([84, 13, 6, 11].map((n) => percent(n, 114, 1))).toEqual(['73.7', '11.4', '5.3', '9.6']);
    expect(percent(84 + 13, 114, 1)).toBe('85.1');
    expect(percent(99, 114, 1)).toBe('86.8');
  });

  it('prints 24 of 67 as 35.8, not the published 35.9', () => {
    expect(percent(24, 67, 1)).toBe('35.8');
    expect(percent(24, 67, 2)).toBe('35.82');
  });

  it('prints the seed 001 figures with two decimals', () => {
    expect([62, 1, 4].map((n) => percent(n, 67, 2))).toEqual(['92.54', '1.49', '5.97']);
    expect(percent(67, 67, 2)).toBe('100.00');
  });

  it('rounds exact halves up where binary floating point rounds down', () => {
    // 201 / 20000 = 1.005 %, which (1.005).toFixed(2) prints as "1.00" in JavaScript.
    expect(percent(201, 20000, 2)).toBe('1.01');
    expect(percent(1, 8, 1)).toBe('12.5');
    expect(percent(1, 8, 0)).toBe('13');
    expect(percent(1, 3, 3)).toBe('33.333');
    expect(percent(2, 3, 0)).toBe('67');
  });

  it('prints zero for an empty denominator and refuses non-integers', () => {
    expect(percent(0, 0, 1)).toBe('0.0');
    expect(() => percent(1.5, 3, 1)).toThrow(RangeError);
    expect(() => percent(-1, 3, 1)).toThrow(RangeError);
  });
});

describe('distribute', () => {
  const categories = [11, 24, 8, 8, 16];

  it('half-up rounds each share alone, so seed 001 categories add up to 99.9', () => {
    const shares = distribute(categories, 67, 1, 'half-up');
    expect(shares).toEqual(['16.4', '35.8', '11.9', '11.9', '23.9']);
    expect(shares.reduce((s, p) => s + Number(p) * 10, 0)).toBe(999);
  });

  it('largest remainder gives the missing tenth to the earlier of two equal rows', () => {
    const shares = distribute(categories, 67, 1, 'largest-remainder');
    expect(shares).toEqual(['16.4', '35.8', '12.0', '11.9', '23.9']);
    expect(shares.reduce((s, p) => s + Math.round(Number(p) * 10), 0)).toBe(1000);
  });

  it('largest remainder agrees with half-up on seed 000', () => {
    expect(distribute([84, 13, 6, 11], 114, 1, 'largest-remainder')).toEqual(['73.7', '11.4', '5.3', '9.6']);
  });

  it('breaks equal remainders by the larger count before row order', () => {
    // Counts 1, 1, 1 of 3 at 0 decimals: 33.33 each, one unit missing, goes to the first row.
    expect(distribute([1, 1, 1], 3, 0, 'largest-remainder')).toEqual(['34', '33', '33']);
    // counts 2, 5, 5, 2 of 14 at 0 decimals: 14.29, 35.71, 35.71, 14.29 → floors 14,35,35,14 = 98;
    // the two missing units go to the largest remainders (the 5s, .71), in row order.
    expect(distribute([2, 5, 5, 2], 14, 0, 'largest-remainder')).toEqual(['14', '36', '36', '14']);
    // Equal remainders with different counts: 1 and 4 of 15 at 0 decimals are 6.67 and 26.67.
    // Floors 6 + 26 + 66 (10/15 = 66.67) = 98, two missing: all remainders equal (.67),
    // so the larger counts win: 10 then 4.
    expect(distribute([1, 4, 10], 15, 0, 'largest-remainder')).toEqual(['6', '27', '67']);
  });

  it('adds up to the share of the rows when they do not cover everything', () => {
    // 1 + 1 of 3 items: 33.3 + 33.3 = 66.6, the rounded share of 2/3 is 66.7.
    expect(distribute([1, 1], 3, 1, 'largest-remainder')).toEqual(['33.4', '33.3']);
  });
});

describe('compareRates: 百分点 from printed figures', () => {
  it('reproduces the seed comparisons', () => {
    expect(compareRates('85.1', '75').text).toBe('提高10.1个百分点');
    expect(compareRates('86.8', '57.6').text).toBe('提高29.2个百分点');
    expect(compareRates('100', '94.87').text).toBe('提高5.13个百分点');
    expect(compareRates('92.54', '85.89').text).toBe('提高6.65个百分点');
  });

  it('says 下降 and 持平', () => {
    expect(compareRates('70.0', '75.5')).toMatchObject({ direction: '下降', delta: '5.5', text: '下降5.5个百分点' });
    expect(compareRates('80.0', '80')).toMatchObject({ direction: '持平', text: '持平' });
  });
});
