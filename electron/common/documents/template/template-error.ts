import { UserError } from '../../domain/errors';

/** A problem in a template, placed at its line (and column when known) of the template file. */
export class TemplateError extends UserError {
  constructor(
    readonly origin: string,
    readonly line: number | null,
    readonly column: number | null,
    readonly problem: string,
  ) {
    super(`模板「${origin}」${line ? `第${line}行${column ? `第${column}列` : ''}` : ''}：${problem}`);
    this.name = 'TemplateError';
  }
}
