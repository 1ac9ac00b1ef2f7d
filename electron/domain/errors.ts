/**
 * An error meant for the clerk: its message is complete, in Chinese, and says what is wrong
 * and where. Anything else that escapes is a bug and is reported as such.
 */
export class UserError extends Error {
  /** One line per problem when there are several (an import reports every row at once). */
  readonly details: readonly string[];

  constructor(message: string, details: readonly string[] = []) {
    super(message);
    this.name = 'UserError';
    this.details = details;
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}
