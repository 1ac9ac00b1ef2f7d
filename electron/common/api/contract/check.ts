import { z } from 'zod';
import type { Finding } from '../../check/model';
import { documentOut, fileUpload, id, produced, type Operation } from './shared';

/** What the 核对 screen shows: the draft's paragraphs and what is wrong in them. */
export interface CheckResult {
  format: 'docx' | 'txt' | 'md';
  /** The session checked against, or null for the draft's own figures only. */
  against: string | null;
  paragraphs: { text: string; where: 'body' | 'table' | 'textbox' }[];
  findings: Finding[];
}

/** A report draft to check, and against which session's records (none: its own figures only). */
const draftCheck = fileUpload.extend({ sessionId: id.nullable() });

/** Checking a report draft's figures against the records. */
export const checkOperations = {
  'check.draft': { input: draftCheck, output: produced<CheckResult>() },
  /** The report this program generates for a session, checked as a draft would be (it comes out clean). */
  'check.report': { input: z.object({ sessionId: id }), output: produced<CheckResult>() },
  /** A copy of a .docx draft with a Word comment at each finding; the original is not touched. */
  'check.annotate': { input: draftCheck.extend(documentOut), output: produced<{ file: string; comments: number }>() },
} as const satisfies Record<string, Operation>;
