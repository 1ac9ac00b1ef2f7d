import { z } from 'zod';
import { isUserError } from '../domain/errors';
import { explainSystemError } from '../domain/system-errors';
import { contract, type OperationName, type Result } from './contract';
import type { createHandlers } from './handlers';

type Handlers = ReturnType<typeof createHandlers>;

// Validation messages in Chinese (zod's own translations), with field names a clerk knows.
z.config(z.locales.zhCN());

const FIELD_WORDS: Record<string, string> = {
  name: '名称',
  year: '年份',
  title: '标题',
  fields: '',
  replyText: '答复正文',
  replyDate: '答复日期',
  assignedDate: '交办日期',
  deadline: '办理期限',
  replyNumber: '文号',
  feedback: '代表评价',
  resultCode: '办理结果',
  notes: '备注',
  outDir: '保存的文件夹',
  out: '保存的文件',
  file: '文件',
  sessionName: '会议名称',
  fileName: '文件名',
  items: '整改清单',
  aspect: '主要方面',
  source: '模板',
  text: '正文',
  to: '新模板名称',
  form: '面商形式',
  description: '跟踪事项',
};

function fieldPath(path: readonly PropertyKey[]): string {
  const words = path.map((p) => (typeof p === 'number' ? `第${p + 1}行` : (FIELD_WORDS[String(p)] ?? String(p)))).filter(Boolean);
  return words.join('·') || '（整体）';
}

const fail = (message: string, details: string[] = []): Result<never> => ({ ok: false, error: { message, details } });

export function isOperation(name: string): name is OperationName {
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
    const details = parsed.error.issues.map((issue) => `${fieldPath(issue.path)}：${issue.message}`);
    return fail('请求的数据不符合要求，操作没有执行。', details);
  }
  try {
    const handler = handlers[name] as (input: unknown) => unknown;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (isUserError(error)) return fail(error.message, [...error.details]);
    const explained = explainSystemError(error);
    if (explained) return fail(explained.message);
    console.error(`[api] ${name} failed`, error);
    return fail(`程序内部错误（${name}）：${(error as Error).message}。数据没有改动；请把这条信息告诉开发人员。`);
  }
}
