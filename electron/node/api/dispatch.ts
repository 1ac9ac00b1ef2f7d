import { z } from 'zod';
import type { UserErrorCode } from '../../common/domain/errors';
import { errorMessage, isInternalError } from '../../common/domain/user-message';
import { contract, type OperationName, type Result } from '../../common/api/contract';
import { describeIssues } from '../../common/api/validation-words';
import type { Handlers } from './handlers';

// The schema library's own Chinese for anything describeIssue does not word itself.
z.config(z.locales.zhCN());

const fail = (message: string, details: string[] = [], code: UserErrorCode | null = null): Result<never> => ({
  ok: false,
  error: code ? { message, details, code } : { message, details },
});

function isOperation(name: string): name is OperationName {
  return Object.hasOwn(contract, name);
}

/**
 * Runs one operation: checks the name and parses the input with the contract's schema, then
 * calls the handler. Never throws: every failure comes back as a value with a Chinese message.
 */
export async function dispatch(handlers: Handlers, name: string, input: unknown): Promise<Result<unknown>> {
  // The name comes from the page: quoted, but never more than a line of it.
  if (!isOperation(name)) return fail(`未知的操作「${name.length > 80 ? `${name.slice(0, 80)}…` : name}」。`);
  const parsed = contract[name].input.safeParse(input ?? {});
  if (!parsed.success) {
    return fail('填写的内容有误，操作没有执行：', describeIssues(parsed.error));
  }
  try {
    const handler = handlers[name] as (input: unknown) => unknown;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (isInternalError(error)) console.error(`[api] ${name} failed`, error);
    const { message, details, code } = errorMessage(error, name);
    return fail(message, details, code ?? null);
  }
}
