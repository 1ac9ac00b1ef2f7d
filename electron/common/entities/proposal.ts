import type { ResultCode } from '../domain/result-classes';

/** The scalar fields of a proposal, as the application sees them. */
export interface ProposalFields {
  number: string;
  numberKey: string;
  numberSort: number | null;
  title: string;
  delegation: string;
  categoryId: number | null;
  content: string;
  assignedDate: string | null;
  deadline: string | null;
  extended: boolean;
  replyDate: string | null;
  replyNumber: string;
  signer: string;
  contactPerson: string;
  contactPhone: string;
  resultCode: ResultCode | null;
  replyText: string;
  published: boolean;
  met: boolean;
  closed: boolean;
  isKey: boolean;
  leaderSupervised: boolean;
  leaderName: string;
  feedback: string | null;
  /** The deputy's opinion of the result (同意 / 理解 …), apart from the rating of the handling. */
  resultOpinion: string | null;
  /** 提案人数 as the ledger gives it; null when it does not. */
  proposerCount: number | null;
  notes: string;
}

export type ProposalFieldKey = keyof ProposalFields;

/**
 * What is written: the fields without the number's key and sort order, which the records
 * store derives from the number itself, so that they can never disagree with it.
 */
export type ProposalInput = Omit<ProposalFields, 'numberKey' | 'numberSort'>;

export const EMPTY_PROPOSAL: Omit<ProposalFields, 'number' | 'numberKey' | 'numberSort' | 'title'> = {
  delegation: '',
  categoryId: null,
  content: '',
  assignedDate: null,
  deadline: null,
  extended: false,
  replyDate: null,
  replyNumber: '',
  signer: '',
  contactPerson: '',
  contactPhone: '',
  resultCode: null,
  replyText: '',
  published: false,
  met: false,
  closed: false,
  isKey: false,
  leaderSupervised: false,
  leaderName: '',
  feedback: null,
  resultOpinion: null,
  proposerCount: null,
  notes: '',
};

export interface Proposal extends ProposalFields {
  id: number;
  sessionId: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A proposal with the names a ledger row shows. */
export interface LedgerProposal extends Proposal {
  category: string;
  leadDeputies: string[];
  coDeputies: string[];
  /** The lead unit's name, or '' when none is assigned yet. */
  leadUnit: string;
  coUnits: string[];
}

/** One line of the proposals table. */
export interface ProposalSummary {
  id: number;
  number: string;
  numberSort: number | null;
  title: string;
  delegation: string;
  category: string;
  assignedDate: string | null;
  deadline: string | null;
  extended: boolean;
  effectiveDeadline: string | null;
  replyDate: string | null;
  resultCode: ResultCode | null;
  feedback: string | null;
  published: boolean;
  closed: boolean;
  isKey: boolean;
  leaderSupervised: boolean;
  /** Lead deputies first, then co-signers, joined with 、 */
  deputies: string;
  leadUnit: string;
  coUnits: string;
}

export interface PeopleAndUnits {
  leadDeputies: number[];
  coDeputies: number[];
  leadUnit: number | null;
  coUnits: number[];
}
