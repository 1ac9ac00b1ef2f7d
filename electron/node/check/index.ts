import path from 'node:path';
import { UserError } from '../../common/domain/errors';
import type { Store } from '../../../db/store';
import { DraftReadError, readDraftBytes, type Draft } from '../../common/check/draft';
import { factsFromStatistics, type DraftFacts } from '../../common/check/facts';
import type { CheckOptions } from '../../common/check/model';
import type { Session } from '../../common/domain/session';
import { sessionStatistics } from '../stats/session-statistics';
import { readInputFileSync } from '../files/input-file';

/**
 * The draft checker's API (Node side): read a draft, check it against a session's facts, write an
 * annotated copy. checkDraft and the readers are runtime-free and can be imported on their own.
 */

export { checkDraft } from '../../common/check/checker';
export { annotateDocx } from './annotate';
export { factsFromStatistics, type DraftFacts } from '../../common/check/facts';
export type { CheckOptions, DraftParagraph, Finding } from '../../common/check/model';

/** What a draft named by its path may be: a report with its pictures is far below this. */
const DRAFT_FILE = { what: '报告稿', maxBytes: 100 * 1024 * 1024 };

/** Reads a draft from a file path or from a dropped file's name and bytes. */
export function readDraft(file: string | { name: string; bytes: Uint8Array }): Draft {
  const name = typeof file === 'string' ? path.basename(file) : file.name;
  let bytes: Uint8Array;
  if (typeof file === 'string') bytes = readInputFileSync(file, DRAFT_FILE);
  else bytes = file.bytes;
  try {
    return readDraftBytes(name, bytes);
  } catch (error) {
    if (error instanceof DraftReadError) throw new UserError(error.message);
    throw error;
  }
}

/** What a draft is checked against for one session: its figures and its rounding. */
export function sessionFacts(
  store: Store,
  session: Session,
  today: string,
): { facts: DraftFacts; options: Pick<CheckOptions, 'decimals' | 'rounding'> } {
  return {
    facts: factsFromStatistics(sessionStatistics(store, session, today), session),
    options: { decimals: session.decimals as 0 | 1 | 2 | 3, rounding: session.rounding },
  };
}
