/**
 * An error meant for the clerk: its message is complete, in Chinese, and says what is wrong
 * and where. Anything else that escapes is a bug and is reported as such.
 */
export type UserErrorCode = 'exists' | 'no-folder';

export class UserError extends Error {
  /** One line per problem when there are several (an import reports every row at once). */
  readonly details: readonly string[];
  /**
   * What the screen can offer to do about it: 'exists' (the file is there: ask to overwrite),
   * 'no-folder' (ask to create the folder). Null for the rest.
   */
  readonly code: UserErrorCode | null;

  constructor(message: string, details: readonly string[] = [], code: UserErrorCode | null = null) {
    super(message);
    this.name = 'UserError';
    this.details = details;
    this.code = code;
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}
