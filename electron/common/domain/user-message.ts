import { isUserError, type UserErrorCode } from './errors';
import { explainSystemError } from './system-errors';

/** An error as the clerk is told it: the same shape in the API, the jobs, the CLI and the shell. */
interface ErrorMessage {
  message: string;
  details: string[];
  code?: UserErrorCode;
}

/**
 * The one place an error becomes words. A UserError says what is wrong itself; an error from the
 * disk or SQLite is worded by its cause; anything else is a bug, said as one, naming the
 * operation so that the clerk can pass it on. Nothing the product does saves half an operation,
 * so every failure can say that the data did not change.
 */
export function errorMessage(error: unknown, operation?: string): ErrorMessage {
  if (isUserError(error)) {
    return { message: error.message, details: [...error.details], ...(error.code ? { code: error.code } : {}) };
  }
  const explained = explainSystemError(error);
  if (explained) return { message: explained.message, details: [] };
  return { message: internalErrorMessage(error, operation), details: [] };
}

/** Whether the error is a bug rather than something the clerk or the machine can set right. */
export function isInternalError(error: unknown): boolean {
  return !isUserError(error) && explainSystemError(error) === null;
}

function internalErrorMessage(error: unknown, operation?: string): string {
  const what = error instanceof Error ? error.message : String(error);
  return `程序内部错误${operation ? `（${operation}）` : ''}：${what}。数据没有改动；请把这条信息告诉开发人员。`;
}
