import { isUserError } from '../domain/errors';
import { contract, type OperationName, type Result } from './contract';
import type { createHandlers } from './handlers';

type Handlers = ReturnType<typeof createHandlers>;

const fail = (message: string, details: string[] = []): Result<never> => ({ ok: false, error: { message, details } });

export function isOperation(name: string): name is OperationName {
  return Object.hasOwn(contract, name);
}

/**
 * Runs one operation: checks the name and parses the input with the contract's schema, then
 * calls the handler. Never throws: every failure comes back as a value with a Chinese message.
 */
export async function dispatch(handlers: Handlers, name: string, input: unknown): Promise<Result<unknown>> {
  if (!isOperation(name)) return fail(`未知的操作「${name}」。`);
  const parsed = contract[name].input.safeParse(input ?? {});
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => `${issue.path.join('.') || '（整体）'}：${issue.message}`);
    return fail('请求的数据不符合要求，操作没有执行。', details);
  }
  try {
    const handler = handlers[name] as (input: unknown) => unknown;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (isUserError(error)) return fail(error.message, [...error.details]);
    console.error(`[api] ${name} failed`, error);
    return fail(`程序内部错误（${name}）：${(error as Error).message}。数据没有改动；请把这条信息告诉开发人员。`);
  }
}
