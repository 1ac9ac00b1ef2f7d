import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserError } from '../../common/domain/errors';

/** A mistake in how the command was typed: reported with the command's usage, exit code 2. */
export class UsageError extends UserError {}

type Options = NonNullable<ParseArgsConfig['options']>;

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
