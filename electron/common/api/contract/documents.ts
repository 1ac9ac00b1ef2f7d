import { z } from 'zod';
import type { ReviewOpinion } from '../../entities/review';
import type { BatchResult } from '../../documents/batch';
import type { JobStatus } from './jobs';
import { documentOut, id, isoDate, noInput, produced, templateName, text, type Operation } from './shared';

/** A batch of reply letters or co-handling opinions: run at once, or as a job with progress. */
const letterBatch = z.object({
  sessionId: id,
  outDir: text(1000).min(1, '请选择保存的文件夹'),
  only: z.array(text(20)).max(100_000).optional(),
  template: templateName.optional(),
  cohandling: z.boolean().optional(),
  /** With reply letters: a feedback form (征询意见表) beside each proposal's letter. */
  feedbackForms: z.boolean().optional(),
  zip: z.boolean().optional(),
  overwrite: z.boolean().optional(),
  /** The clerk confirmed creating a folder that does not exist. */
  createFolder: z.boolean().optional(),
});

/** Documents: reply letters (at once or as a job), the annual report, previews, review opinions. */
export const documentOperations = {
  /** `folder` is where the letters went, in full: a relative folder is resolved against the documents folder. */
  'documents.letters': {
    input: letterBatch,
    output: produced<BatchResult & { folder: string }>(),
  },
  /** `folder` as with documents.letters: the screen shows it beside the job's result. */
  'jobs.startLetters': {
    input: letterBatch,
    output: produced<{ jobId: string; folder: string }>(),
  },
  /** The reply letters that cannot go out as generated (what each lacks, whom to ask), as an .xlsx. */
  'documents.missingList': {
    input: z.object({ sessionId: id, only: z.array(text(20)).max(100_000).optional() }),
    output: produced<{ fileName: string; contentBase64: string; count: number }>(),
  },
  'jobs.status': { input: z.object({ jobId: text(100) }), output: produced<JobStatus>() },
  'jobs.cancel': { input: z.object({ jobId: text(100) }), output: produced<JobStatus>() },
  'documents.report': {
    input: z.object({ sessionId: id, ...documentOut, template: templateName.optional() }),
    output: produced<{ file: string }>(),
  },
  'documents.preview': {
    input: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('reply-letter'), proposalId: id, template: templateName.optional() }),
      z.object({ kind: z.literal('annual-report'), sessionId: id, template: templateName.optional() }),
    ]),
    output: produced<{ fileName: string; contentBase64: string }>(),
  },
  'documents.rectification': {
    input: z.object({ opinionId: id, ...documentOut, template: templateName.optional() }),
    output: produced<{ file: string }>(),
  },
  'opinions.list': {
    input: noInput,
    output: produced<{ id: number; name: string; title: string; sessionId: number | null }[]>(),
  },
  'opinions.get': { input: z.object({ id }), output: produced<ReviewOpinion>() },
  'opinions.save': {
    input: z.object({
      id: id.optional(),
      name: text(200).min(1, '请填写审议意见的名称'),
      title: text(500),
      sessionId: id.nullable(),
      report: z.object({ addressee: text(100), docNumber: text(100), date: isoDate.nullable(), text: text(200_000) }),
      items: z
        .array(
          z.object({
            aspect: text(500).min(1, '每一行都要填写“主要方面”'),
            problem: text(5000),
            suggestion: text(5000),
            measures: text(10_000),
            units: text(500),
            deadline: text(100),
          }),
        )
        .max(500),
    }),
    output: produced<ReviewOpinion>(),
  },
} as const satisfies Record<string, Operation>;
