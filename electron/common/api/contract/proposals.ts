import { z } from 'zod';
import type { UndoStatus } from './undo';
import type { LedgerProposal } from '../../entities/proposal';
import type { Consultation, Handling, Milestone } from '../../entities/handling';
import type { EventRecord } from '../../entities/event';
import type { DeadlineStatus } from '../../domain/deadlines';
import { FIELD_MAX_CHARS, PROPOSER_COUNT } from '../../domain/proposal-fields';
import { id, isoDate, produced, resultCode, text, type Operation } from './shared';

/** One line of the proposals list. */
export interface ProposalRow {
  id: number;
  number: string;
  numberSort: number | null;
  title: string;
  deputies: string;
  delegation: string;
  category: string;
  leadUnit: string;
  coUnits: string;
  assignedDate: string | null;
  deadline: string | null;
  replyDate: string | null;
  resultCode: string | null;
  resultLabel: string;
  feedback: string | null;
  published: boolean;
  closed: boolean;
  isKey: boolean;
  leaderSupervised: boolean;
  deadlineStatus: DeadlineStatus;
  daysLeft: number | null;
}

/** One proposal as the editor shows it, with everything recorded about its handling. */
export interface ProposalDetail {
  proposal: LedgerProposal;
  handlings: Handling[];
  consultations: Consultation[];
  milestones: Milestone[];
  events: EventRecord[];
}

const proposalPatch = z
  .object({
    title: text(FIELD_MAX_CHARS.title).min(1, '标题不能为空'),
    delegation: text(FIELD_MAX_CHARS.delegation),
    content: text(50_000),
    assignedDate: isoDate.nullable(),
    deadline: isoDate.nullable(),
    extended: z.boolean(),
    replyDate: isoDate.nullable(),
    replyNumber: text(FIELD_MAX_CHARS.replyNumber),
    signer: text(FIELD_MAX_CHARS.signer),
    contactPerson: text(FIELD_MAX_CHARS.contactPerson),
    contactPhone: text(FIELD_MAX_CHARS.contactPhone),
    resultCode: resultCode.nullable(),
    replyText: text(200_000),
    published: z.boolean(),
    met: z.boolean(),
    closed: z.boolean(),
    isKey: z.boolean(),
    leaderSupervised: z.boolean(),
    leaderName: text(FIELD_MAX_CHARS.leaderName),
    feedback: text(20).nullable(),
    resultOpinion: text(20).nullable(),
    proposerCount: z.number().int().min(PROPOSER_COUNT.min).max(PROPOSER_COUNT.max).nullable(),
    notes: text(FIELD_MAX_CHARS.notes),
    category: text(FIELD_MAX_CHARS.category),
  })
  .partial();

/** Proposals and what is recorded about their handling: units, consultations, follow-ups. */
export const proposalOperations = {
  'proposals.list': {
    input: z.object({ sessionId: id, today: isoDate.optional() }),
    output: produced<ProposalRow[]>(),
  },
  'proposals.get': {
    input: z.object({ id }),
    output: produced<ProposalDetail>(),
  },
  'proposals.update': {
    input: z.object({ id, version: z.number().int().positive(), fields: proposalPatch }),
    output: produced<ProposalDetail>(),
  },
  /** Deletes proposals of one session, after a backup; undone with undo.last. */
  'proposals.delete': {
    input: z.object({ sessionId: id, ids: z.array(id).min(1).max(100_000) }),
    output: produced<{ deleted: number; numbers: string[]; undo: UndoStatus }>(),
  },
  'handlings.update': {
    input: z.object({
      id,
      proposalId: id,
      assignedDate: isoDate.nullable().optional(),
      dueDate: isoDate.nullable().optional(),
      opinionDate: isoDate.nullable().optional(),
      opinionText: text(100_000).optional(),
    }),
    output: produced<ProposalDetail>(),
  },
  'consultations.add': {
    input: z.object({
      proposalId: id,
      stage: z.enum(['', 'before', 'during', 'after']).default(''),
      form: text(50).min(1, '请填写面商形式，如 走访、座谈、电话'),
      faceToFace: z.boolean(),
      date: isoDate.nullable(),
      people: text(500),
      notes: text(5000),
    }),
    output: produced<ProposalDetail>(),
  },
  'consultations.remove': { input: z.object({ id, proposalId: id }), output: produced<ProposalDetail>() },
  'milestones.add': {
    input: z.object({ proposalId: id, dueDate: isoDate.nullable(), description: text(2000).min(1, '请填写跟踪事项') }),
    output: produced<ProposalDetail>(),
  },
  'milestones.complete': {
    input: z.object({ id, proposalId: id, doneDate: isoDate.nullable() }),
    output: produced<ProposalDetail>(),
  },
} as const satisfies Record<string, Operation>;
