import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserError } from '../../common/domain/errors';
import { isIsoDate, todayIso } from '../../common/domain/dates';
import type { Decimals, RoundingMethod } from '../../common/stats/rounding';

/** A mistake in how the command was typed: reported with the command's usage, exit code 2. */
export class UsageError extends UserError {}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Options that take a value (--db 文件), for parseCommandArgs. */
export function valueOptions<N extends string>(...names: N[]): Record<N, { type: 'string' }> {
  return Object.fromEntries(names.map((name) => [name, { type: 'string' }])) as Record<N, { type: 'string' }>;
}

/** Options that are switched on by being there (--json), for parseCommandArgs. */
export function switchOptions<N extends string>(...names: N[]): Record<N, { type: 'boolean' }> {
  return Object.fromEntries(names.map((name) => [name, { type: 'boolean' }])) as Record<N, { type: 'boolean' }>;
}

export function parseCommandArgs<O extends Options>(args: string[], options: O, usage: string) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message;
    const option = /'(-{1,2}[^']+)'/.exec(message)?.[1] ?? '';
    const code = (error as { code?: string }).code;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`未知的选项 ${option}。\n${usage}`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError(`选项 ${option} 缺少取值。\n${usage}`);
    throw new UsageError(`命令参数有误：${message}\n${usage}`);
  }
}

export function required(value: string | undefined, name: string, usage: string): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`缺少必需的选项 --${name}。\n${usage}`);
  return value;
}

export function integerOption(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new UsageError(`选项 --${name} 应为 ${min} 到 ${max} 之间的整数，而不是「${value}」。`);
  }
  return Number(value);
}

/** The one file a command works on: its first positional; `many` refuses a second when given. */
export function singleFile(positionals: string[], usage: string, none: string, many?: string): string {
  const file = positionals[0];
  if (!file) throw new UsageError(`${none}\n${usage}`);
  if (many !== undefined && positionals.length > 1) throw new UsageError(`${many}\n${usage}`);
  return file;
}

/** --decimals and --rounding as statistics options: only those given, each checked. */
export function roundingOptions(
  decimals: string | undefined,
  rounding: string | undefined,
): { decimals?: Decimals; rounding?: RoundingMethod } {
  const places = integerOption(decimals, 'decimals', 0, 3) as Decimals | undefined;
  if (rounding !== undefined && rounding !== 'half-up' && rounding !== 'largest-remainder') {
    throw new UsageError(`选项 --rounding 应为 half-up（四舍五入）或 largest-remainder（最大余数法），而不是「${rounding}」。`);
  }
  return { ...(places !== undefined ? { decimals: places } : {}), ...(rounding !== undefined ? { rounding } : {}) };
}

/** --today as the day the figures are counted on: a YYYY-MM-DD date, or today when not given. */
export function todayOption(value: string | undefined): string {
  if (value !== undefined && !isIsoDate(value))
    throw new UsageError(`选项 --today 应为 YYYY-MM-DD 格式的日期，而不是「${value}」。`);
  return value ?? todayIso();
}
